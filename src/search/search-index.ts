import os from 'node:os';
import { join } from 'node:path';
import type { BuildCache } from '../cache/build-cache.ts';
import { combineHashes } from '../cache/hash.ts';
import type { OutputFile } from '../model.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';
import { isSearchable, searchBundle } from './pagefind.ts';

/** Where the index lives in the output folder; the search page loads it from there. */
const SEARCH_FOLDER = 'pagefind/';

/** Lists the bundles, newest year first: the search page loads the first and merges the others. */
const BUNDLE_LIST = `${SEARCH_FOLDER}bundles.json`;

/** Pagefind's runtime: only the bundle the search page loads needs it, the others are merged into that one. */
const RUNTIME = /^(pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$/;

export interface SearchIndex {
  /** The files written into the output, index and bundle list. */
  readonly files: readonly string[];
  /** Bundles indexed in this build, and those taken unchanged from the cache. */
  readonly built: number;
  readonly unchanged: number;
}

/**
 * The pages the search index is made from, noted as the build writes them: by bundle (a year),
 * each page's path and hash, in the order written. Only that is kept, not the pages: Pagefind
 * reads them back from the new output when their bundle is indexed.
 */
export class SearchInput {
  readonly #bundles = new Map<string, { readonly path: string; readonly hash: string }[]>();

  /** Note a page just written, with the hash of its bytes; pages Pagefind would not index are left out. */
  add(page: OutputFile, hash: string): void {
    if (!isSearchable(page)) return;
    const name = /^(\d{4})\//.exec(page.path)?.[1] ?? 'other';
    const bundle = this.#bundles.get(name) ?? [];
    bundle.push({ path: page.path, hash });
    this.#bundles.set(name, bundle);
  }

  /** Bundle names, newest year first, with their pages. */
  get bundles(): [string, readonly { readonly path: string; readonly hash: string }[]][] {
    return [...this.#bundles].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  }
}

export interface SearchIndexOptions {
  /** The folder the pages were written into. */
  readonly siteDir: string;
  /** A folder of the build's own for Pagefind's work, one folder a bundle inside it. */
  readonly workDir: string;
  readonly cache: BuildCache;
  /** Takes each file of the index as it is made, to write it. */
  readonly write: (file: OutputFile) => void;
  /**
   * Bundles indexed at once, each by a Pagefind process of its own.
   * @default os.availableParallelism()
   */
  readonly concurrency?: number;
}

/**
 * The search index as one Pagefind bundle per year, in `pagefind/<year>/`, so that a changed
 * issue re-indexes its own year and the others come from the cache. The bundles to make are
 * indexed several at once, by as many Pagefind processes, each from its pages as written in
 * `siteDir`; each bundle's files are handed to `write` as soon as it is made.
 */
export async function searchIndex(input: SearchInput, options: SearchIndexOptions): Promise<SearchIndex> {
  const { siteDir, cache, write } = options;
  const bundles = input.bundles;
  const written: string[] = [];
  const put = (file: OutputFile) => {
    write(file);
    written.push(file.path);
  };
  let built = 0;
  await mapConcurrent(bundles, options.concurrency ?? os.availableParallelism(), async ([name, pages], index) => {
    const key = combineHashes(pages.flatMap((page) => [page.path, page.hash]));
    const output = await cache.output(`search ${name}`, key, () => {
      built++;
      return searchBundle(
        pages.map((page) => page.path),
        { siteDir, workDir: join(options.workDir, name) },
      );
    });
    const kept = index === 0 ? output.files : output.files.filter((file) => !RUNTIME.test(file.path));
    for (const file of kept) put({ path: `${SEARCH_FOLDER}${name}/${file.path}`, contents: file.contents });
  });
  put({ path: BUNDLE_LIST, contents: `${JSON.stringify({ bundles: bundles.map(([name]) => `${name}/`) })}\n` });
  return { files: written, built, unchanged: bundles.length - built };
}
