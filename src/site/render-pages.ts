import type { OutputFile, RenderedIssue, Series } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { issueView } from './page-data.ts';
import { renderSite } from './site-pages.ts';
import type { PdfInfo } from './site-view.ts';

/** The web archive: a page per issue, the home and year pages, search, 404, feed and sitemap. */
export function renderPages(
  engine: TemplateEngine,
  series: Series,
  issues: readonly RenderedIssue[],
  /** PDFs by issue path (`2021/11/`), linked from the pages when present. */
  pdfs: ReadonlyMap<string, PdfInfo> = new Map(),
): OutputFile[] {
  return renderSite(engine, series, issues.map((issue) => ({ ...issueView(issue), pdf: pdfs.get(issue.issue.path) })));
}
