/**
 * `compute`, remembering the results for the last `limit` keys: the oldest key is forgotten first,
 * so a long build keeps the texts that recur (a table's header, the series' titles) while its
 * memory stays bounded. Written here rather than taken from lru-cache: it needs no recency
 * updates or expiry, and it remembers `undefined` results too (lru-cache does not store them).
 */
export function memoize<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  // The oldest key is the next one this iterator gives: keys are only ever deleted in its order.
  // A fresh `known.keys()` for each would first step over every key deleted since the Map last
  // compacted (a Map leaves holes until then): a full memo of 10,000 then took 15 µs an insert,
  // not 0.3, which was a tenth of an issue's rendering.
  let oldest: MapIterator<string> | undefined;
  return (key) => {
    const remembered = known.get(key);
    if (remembered !== undefined || known.has(key)) return remembered as T;
    const own = ownCopy(key);
    const value = compute(own);
    if (known.size >= limit) known.delete((oldest ??= known.keys()).next().value!);
    known.set(own, value);
    return value;
  };
}

/**
 * `text` as a string of its own. A string cut from a longer one (by `slice`, or a regular
 * expression's match) is in V8 a view that keeps the whole of the longer one alive: remembered,
 * a title cut from an issue's Markdown kept the whole text, and so did the pieces of it
 * that `compute` cut in turn. A render worker's memory grew by 8 MB every 1,000 issues it
 * rendered, up to the memo's 10,000 keys. Joined to a character and cut out again, the text is
 * copied into a new string.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}
