import { expect, it } from 'vitest';
import { SharedValues } from '../../src/util/shared-values.ts';

it('gives the value remembered for an equal one, and a new value itself', () => {
  const shared = new SharedValues();
  const first = { columns: ['区县', '户数'], paths: [['区县'], ['户数']] };
  expect(shared.share(first)).toBe(first);
  const equal = { columns: ['区县', '户数'], paths: [['区县'], ['户数']] };
  expect(shared.share(equal)).toBe(first);
  const other = { columns: ['区县', '栋数'], paths: [['区县'], ['栋数']] };
  expect(shared.share(other)).toBe(other);
  expect(shared.share({ ...other })).toBe(other);
});

it('remembers only the newest `size` distinct values', () => {
  const shared = new SharedValues(2);
  const [a, b, c] = [['a'], ['b'], ['c']];
  shared.share(a);
  shared.share(b);
  shared.share(c);
  // `a`, the oldest, was let go: an equal value is not replaced by it.
  const again = ['a'];
  expect(shared.share(again)).toBe(again);
  expect(shared.share(['c'])).toBe(c);
});
