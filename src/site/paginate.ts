/** A page of a list, by number and path from the site root. */
export interface PageLink {
  readonly number: number;
  readonly path: string;
}

/** Where a page stands among the pages of one list, for `partials/pagination.njk`. */
export interface Pagination {
  /** This page's number, from 1. */
  readonly number: number;
  /** Every page of the list. */
  readonly pages: readonly PageLink[];
  /**
   * The pages to link: every one when there are at most 7, else the first, the last and the two
   * either side of this one, with a `{ gap: true }` where pages are left out, so that the links
   * of a list of 50 pages still fit a phone's screen.
   */
  readonly shown: readonly (PageLink | { readonly gap: true })[];
  /** The page before (newer entries) and after (older ones), when there is one. */
  readonly previous: string | undefined;
  readonly next: string | undefined;
}

/** Pages of a list linked in full; past that, only those near the reader's (see `Pagination.shown`). */
const ALL_SHOWN = 7;
const NEAR = 2;

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
    pagination: { number: current.number, pages, shown: shownPages(pages, index), previous: pages[index - 1]?.path, next: pages[index + 1]?.path },
  }));
}

/** The pages `Pagination.shown` lists on the page at `index`. */
function shownPages(pages: readonly PageLink[], index: number): (PageLink | { readonly gap: true })[] {
  if (pages.length <= ALL_SHOWN) return [...pages];
  const shown: (PageLink | { readonly gap: true })[] = [];
  for (const [at, page] of pages.entries()) {
    if (at === 0 || at === pages.length - 1 || Math.abs(at - index) <= NEAR) shown.push(page);
    else if (!('gap' in shown.at(-1)!)) shown.push({ gap: true });
  }
  return shown;
}
