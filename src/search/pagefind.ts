import * as pagefind from 'pagefind';
import type { OutputFile } from '../model.ts';

/** Charts repeat their table's numbers; the table is what search results should quote. */
const EXCLUDE = ['.chart'];

/** Pagefind's ready-made search interfaces; the search page uses its JavaScript API instead. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\./;

/** Pagefind failed: the build stops before anything is written, so the previous output stays. */
export class SearchIndexError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`Could not build the search index: ${errors.join('; ')}. Check that the pagefind package and its @pagefind/<platform> binary are installed (npm ci)`);
    this.name = 'SearchIndexError';
  }
}

/** Whether Pagefind indexes the page: an HTML page with a part marked `data-pagefind-body`. */
export function isSearchable(file: OutputFile): boolean {
  return file.path.endsWith('.html') && file.path !== '404.html' && text(file).includes('data-pagefind-body');
}

/**
 * Index `pages` in memory with Pagefind into one search bundle, whose files come back with
 * paths inside the bundle. Pagefind reads each page's `lang` (zh-CN: Chinese word segmentation)
 * and only the parts marked `data-pagefind-body`. Call `closeSearch` when every bundle is made.
 * One Pagefind process (one a thread) indexes one page at a time, whatever the number of
 * bundles: pagefind-pool.ts runs more processes, on worker threads.
 */
export async function searchBundle(pages: readonly OutputFile[]): Promise<OutputFile[]> {
  // A Pagefind binary that cannot start rejects (`Pagefind backend closed`) rather than reporting.
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE }).catch((error: unknown) => {
    throw new SearchIndexError([error instanceof Error ? error.message : String(error)]);
  });
  if (!index) throw new SearchIndexError(errors);
  try {
    // Sent all at once: the Pagefind process takes them in the order sent, and decodes the next
    // while it indexes one.
    const added = await Promise.all(pages.map((page) => index.addHTMLFile({ url: `/${page.path.replace(/index\.html$/, '')}`, content: text(page) })));
    const failed = added.flatMap((result) => result.errors);
    if (failed.length > 0) throw new SearchIndexError(failed);
    const result = await index.getFiles();
    if (result.errors.length > 0) throw new SearchIndexError(result.errors);
    return result.files.filter((file) => !UNUSED.test(file.path)).map((file) => ({ path: file.path, contents: file.content }));
  } finally {
    await index.deleteIndex();
  }
}

/** Stop the Pagefind process that `searchBundle` started. */
export async function closeSearch(): Promise<void> {
  await pagefind.close();
}

function text(file: OutputFile): string {
  return typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents);
}
