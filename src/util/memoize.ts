/**
 * `compute`, remembering the results for the last `limit` keys: the oldest key is forgotten first,
 * so a long build keeps the texts that recur (a table's header, the series' titles) while its
 * memory stays bounded. Written here rather than taken from lru-cache: it needs no recency
 * updates or expiry, and it remembers `undefined` results too (lru-cache does not store them).
 */
export function memoize<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const value = compute(key);
    if (known.size >= limit) known.delete(known.keys().next().value!);
    known.set(key, value);
    return value;
  };
}
