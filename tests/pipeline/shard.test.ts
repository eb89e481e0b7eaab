import { describe, expect, it } from 'vitest';
import { itemsInShard, parseShard } from '../../src/output/shard.ts';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/4', '5/4', '2', '2/0', 'a/b', '-1/2', '1/2/3'])('rejects %s', (text) => {
    expect(() => parseShard(text)).toThrow(`Expected --shard as i/n with 1 ≤ i ≤ n, such as 2/4, got ${text}`);
  });
});

describe('itemsInShard', () => {
  const issues = Array.from({ length: 23 }, (_, index) => `issue-${23 - index}`);

  it.each([1, 2, 3, 4, 7, 23, 30])('splits the issues into %i shards that cover each exactly once', (count) => {
    const shards = Array.from({ length: count }, (_, index) => itemsInShard(issues, { index: index + 1, count }));
    expect(shards.flat().sort()).toEqual([...issues].sort());
    const sizes = shards.map((shard) => shard.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('keeps every older issue in its shard when a new one is added', () => {
    const newer = ['issue-24', ...issues];
    for (let index = 1; index <= 4; index++) {
      const before = itemsInShard(issues, { index, count: 4 });
      const after = itemsInShard(newer, { index, count: 4 });
      expect(after.filter((issue) => issue !== 'issue-24')).toEqual(before);
    }
  });

  it('is every item without a shard', () => {
    expect(itemsInShard(issues, undefined)).toEqual(issues);
  });
});
