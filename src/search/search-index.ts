import type { BuildCache } from '../cache/build-cache.ts';
import { combineHashes } from '../cache/hash.ts';
import type { OutputFile } from '../model.ts';
import { closeSearch, isSearchable, searchBundle } from './pagefind.ts';

/** Where the index lives in the output folder; the search page loads it from there. */
const SEARCH_FOLDER = 'pagefind/';

/** Lists the bundles, newest year first: the search page loads the first and merges the others. */
const BUNDLE_LIST = `${SEARCH_FOLDER}bundles.json`;

/** Pagefind's runtime: only the bundle the search page loads needs it, the others are merged into that one. */
const RUNTIME = /^(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;

export interface SearchIndex {
  readonly files: OutputFile[];
  /** Bundles indexed in this build, and those taken unchanged from the cache. */
  readonly built: number;
  readonly unchanged: number;
}

/**
 * The search index as one Pagefind bundle per year, in `pagefind/<year>/`, so that a changed
 * issue re-indexes its own year and the others come from the cache. `hashes` gives each page's
 * hash by path, for the bundles' cache keys.
 */
export async function searchIndex(pages: readonly OutputFile[], hashes: ReadonlyMap<string, string>, cache: BuildCache): Promise<SearchIndex> {
  const years = new Map<string, OutputFile[]>();
  for (const page of pages.filter(isSearchable)) {
    const year = /^(\d{4})\//.exec(page.path)?.[1] ?? 'other';
    const bundle = years.get(year) ?? [];
    bundle.push(page);
    years.set(year, bundle);
  }
  const names = [...years.keys()].sort().reverse();
  const files: OutputFile[] = [];
  let built = 0;
  try {
    for (const name of names) {
      const bundle = years.get(name)!;
      const key = combineHashes(...bundle.flatMap((page) => [page.path, hashes.get(page.path) ?? '']));
      const output = await cache.output(`search ${name}`, key, () => {
        built++;
        return searchBundle(bundle);
      });
      const kept = name === names[0] ? output.files : output.files.filter((file) => !RUNTIME.test(file.path));
      files.push(...kept.map((file) => ({ path: `${SEARCH_FOLDER}${name}/${file.path}`, contents: file.contents })));
    }
  } finally {
    if (built > 0) await closeSearch();
  }
  files.push({ path: BUNDLE_LIST, contents: `${JSON.stringify({ bundles: names.map((name) => `${name}/`) })}\n` });
  return { files, built, unchanged: names.length - built };
}
