import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/util/memoize.ts';

describe('memoize', () => {
  it('computes a key once, undefined results too, and forgets the oldest key past its limit', () => {
    const computed: string[] = [];
    const read = memoize(2, (key) => {
      computed.push(key);
      return key === 'none' ? undefined : key.length;
    });
    expect([read('ab'), read('none'), read('ab'), read('none')]).toEqual([2, undefined, 2, undefined]);
    expect(computed).toEqual(['ab', 'none']);
    // A third key pushes out the oldest, 'ab', which is computed again; 'none' is still known.
    read('xyz');
    read('none');
    read('ab');
    expect(computed).toEqual(['ab', 'none', 'xyz', 'ab']);
  });

  it('keeps no text its keys were cut from, nor the results computed from them', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const read = memoize(1_000, (key) => key.split('，'));
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    // 200 titles, each cut from a text of its own of 100,000 characters (200 kB, as Chinese text
    // is two bytes a character): 40 MB if the memo kept them.
    for (let index = 0; index < 200; index++) {
      const text = `第${index}期，${'老旧小区改造，'.repeat(14_285)}`;
      read(text.slice(0, 30));
    }
    expect(heap() - before).toBeLessThan(4_000_000);
    expect(read(`第7期，${'老旧小区改造，'.repeat(4)}`.slice(0, 30))).toEqual(['第7期', '老旧小区改造', '老旧小区改造', '老旧小区改造', '老旧小区改']);
  });
});
