import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../src/util/map-concurrent.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapConcurrent', () => {
  it('keeps the order of results and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrent([5, 1, 4, 2, 3], 2, async (value) => {
      most = Math.max(most, ++running);
      for (let i = 0; i < value; i++) await tick();
      running--;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('rejects with the failure of a task', async () => {
    await expect(
      mapConcurrent([1, 2], 4, async (value) => {
        if (value === 2) throw new Error('two');
        return value;
      }),
    ).rejects.toThrow('two');
  });

  it('drops the queue after a failure and rejects only once the running tasks have settled', async () => {
    const started: number[] = [];
    let running = 0;
    const failed = mapConcurrent([1, 2, 3, 4, 5], 2, async (value) => {
      started.push(value);
      running++;
      await tick();
      if (value === 1) {
        running--;
        throw new Error('one');
      }
      for (let i = 0; i < 5; i++) await tick();
      running--;
      return value;
    });
    await expect(failed).rejects.toThrow('one');
    expect(running).toBe(0);
    // The slot the failure frees may start one more task before the queue is dropped.
    expect(started.slice(0, 2)).toEqual([1, 2]);
    expect(started.length).toBeLessThan(4);
  });

  it('refuses a limit below 1', async () => {
    await expect(mapConcurrent([1], 0, async (value) => value)).rejects.toThrow('Expected a concurrency limit of 1 or more, got 0');
  });
});
