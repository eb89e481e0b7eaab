import { describe, expect, it } from 'vitest';
import { combineHashes, contentHash } from '../../src/cache/hash.ts';

describe('combineHashes', () => {
  it('keeps parts apart, so that moving a boundary changes the hash', () => {
    expect(combineHashes(['ab', 'c'])).not.toBe(combineHashes(['a', 'bc']));
    expect(combineHashes(['ab', 'c'])).toBe(contentHash('2:ab1:c'));
  });

  it('takes as many parts as a 20,000-issue output key has, more than a call can spread', () => {
    // Seven parts an issue: its name, four blobs and one embedded file's path and hash.
    const parts = Array.from({ length: 20_000 * 7 }, (_, index) => String(index));
    expect(() => Math.max(...parts.map(Number))).toThrow(RangeError);
    expect(combineHashes(parts)).toMatch(/^[0-9a-f]{64}$/);
  });
});
