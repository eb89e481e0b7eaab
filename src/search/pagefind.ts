import * as pagefind from 'pagefind';
import type { OutputFile } from '../render/render-pages.ts';

/** Where the index lives in the output folder; the search page loads it from there. */
export const SEARCH_BUNDLE = 'pagefind/';

/** Charts repeat their table's numbers; the table is what search results should quote. */
const EXCLUDE = ['.chart'];

/** Pagefind failed: the build stops before anything is written, so the previous output stays. */
export class SearchIndexError extends Error {
  constructor(errors: readonly string[]) {
    super(`Could not build the search index: ${errors.join('; ')}. Check that the pagefind package and its @pagefind/<platform> binary are installed (npm ci)`);
    this.name = 'SearchIndexError';
  }
}

/**
 * Index the site's HTML pages in memory with Pagefind and return the index as output files under
 * `pagefind/`, so they go through the same atomic write as the pages. Pagefind reads each page's
 * `lang` (zh-CN: Chinese word segmentation) and only the parts marked `data-pagefind-body`.
 */
export async function searchIndex(files: readonly OutputFile[]): Promise<OutputFile[]> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
  if (!index) throw new SearchIndexError(errors);
  try {
    for (const file of files) {
      if (!file.path.endsWith('.html') || file.path === '404.html') continue;
      const content = typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents);
      if (!content.includes('data-pagefind-body')) continue;
      const added = await index.addHTMLFile({ url: `/${file.path.replace(/index\.html$/, '')}`, content });
      if (added.errors.length > 0) throw new SearchIndexError(added.errors);
    }
    const result = await index.getFiles();
    if (result.errors.length > 0) throw new SearchIndexError(result.errors);
    return result.files.map((file) => ({ path: `${SEARCH_BUNDLE}${file.path}`, contents: file.content }));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
