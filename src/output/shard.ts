/** One of `count` parts of a build's downloads (PDFs), numbered from 1: `--shard 2/4`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parse `i/n` (1 ≤ i ≤ n), rejecting anything else with a message that says what was expected. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`Expected --shard as i/n with 1 ≤ i ≤ n, such as 2/4, got ${text}`);
  }
  return { index, count };
}

/**
 * The items of shard `shard`, in their order. `items` are newest first; they are dealt out in
 * turn from the oldest, so shards differ in size by at most one and a new issue never moves an
 * older one to another shard (whose cache holds its files). Without a shard, all items.
 */
export function itemsInShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, position) => (items.length - 1 - position) % shard.count === shard.index - 1);
}
