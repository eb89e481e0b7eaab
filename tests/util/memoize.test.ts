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
});
