/** Where a page stands among the pages of one list, for `partials/pagination.njk`. */
export interface Pagination {
  /** This page's number, from 1. */
  readonly number: number;
  /** Every page of the list, by number and path from the site root. */
  readonly pages: readonly { readonly number: number; readonly path: string }[];
  /** The page before (newer entries) and after (older ones), when there is one. */
  readonly previous: string | undefined;
  readonly next: string | undefined;
}

/** One page of a list: its path, its entries and, when the list takes several pages, where it stands. */
export interface ListPage<T> {
  readonly path: string;
  readonly items: readonly T[];
  /** Undefined when the list fits on one page, which then looks as it always did. */
  readonly pagination: Pagination | undefined;
}

/**
 * `items` (newest first) in pages of at most `size`: the first, at `path` (`2021/`), the newest
 * `size`; the others, at `2021/page/2/`…, the older ones in blocks of `size` counted from the
 * oldest, the newest block taking what is left over. So a new entry changes the first two pages
 * and no other until that block is full (a monthly series page of 5,000 months: 2 of 51 pages
 * made again rather than every one). A list of at most `size` entries is one page without
 * pagination.
 */
export function paginate<T>(path: string, items: readonly T[], size: number): ListPage<T>[] {
  if (items.length <= size) return [{ path, items, pagination: undefined }];
  // The newest block of the older entries holds what is left over, or a whole block.
  const starts = [0, size];
  for (let start = size + ((items.length - size) % size || size); start < items.length; start += size) starts.push(start);
  const pages = starts.map((_, index) => ({ number: index + 1, path: index === 0 ? path : `${path}page/${index + 1}/` }));
  return pages.map((current, index) => ({
    path: current.path,
    items: items.slice(starts[index], starts[index + 1]),
    pagination: { number: current.number, pages, previous: pages[index - 1]?.path, next: pages[index + 1]?.path },
  }));
}
