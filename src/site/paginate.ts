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
 * `items` in pages of `size`: the first at `path` (`2021/`), the others at `2021/page/2/`… A list
 * of at most `size` entries is one page without pagination.
 */
export function paginate<T>(path: string, items: readonly T[], size: number): ListPage<T>[] {
  if (items.length <= size) return [{ path, items, pagination: undefined }];
  const count = Math.ceil(items.length / size);
  const pages = Array.from({ length: count }, (_, index) => ({ number: index + 1, path: index === 0 ? path : `${path}page/${index + 1}/` }));
  return pages.map((current, index) => ({
    path: current.path,
    items: items.slice(index * size, (index + 1) * size),
    pagination: { number: current.number, pages, previous: pages[index - 1]?.path, next: pages[index + 1]?.path },
  }));
}
