import type { RenderedIssue, Series } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { issueView } from './page-data.ts';
import { renderSite } from './site-pages.ts';

/** A file the build writes, relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/** The web archive: a page per issue, the home and year pages, search, 404, feed and sitemap. */
export function renderPages(engine: TemplateEngine, series: Series, issues: readonly RenderedIssue[]): OutputFile[] {
  return renderSite(engine, series, issues.map(issueView));
}
