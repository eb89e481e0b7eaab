/**
 * One copy of each of the values equal to one another among those seen lately. What every issue
 * of a series repeats, such as its tables' header paths, comes to the main thread as a copy an
 * issue (cloned from a render worker, parsed from the cache); shared, it is held once. Only the
 * newest `size` distinct values are remembered, so that values that differ every time cost a
 * bounded map rather than a second copy of each. No library does this for JSON-like values; it
 * is one map.
 */
export class SharedValues {
  readonly #values = new Map<string, unknown>();
  readonly #size: number;

  /** `size`: how many distinct values to remember. @default 64 */
  constructor(size = 64) {
    this.#size = size;
  }

  /** The value remembered equal to `value` (as JSON), else `value`, remembered from now. */
  share<T>(value: T): T {
    const key = JSON.stringify(value);
    const found = this.#values.get(key);
    if (found !== undefined) return found as T;
    if (this.#values.size >= this.#size) this.#values.delete(this.#values.keys().next().value!);
    this.#values.set(key, value);
    return value;
  }
}
