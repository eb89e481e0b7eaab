import type { RenderedIssue, Series } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { issueSummary } from './page-data.ts';
import type { SitePage } from './site-page.ts';
import { sitePages, type SiteOptions } from './site-pages.ts';
import type { Download } from './site-view.ts';

/**
 * The web archive, page by page, each made when asked for (see `sitePages`): a page per issue,
 * the home and year pages, search, 404, feed and sitemap.
 */
export function renderPages(
  engine: TemplateEngine,
  series: Series,
  issues: readonly RenderedIssue[],
  /** The download editions' files (`2021/11/2021-11.pdf`), linked from their issues' pages. */
  downloads: readonly Download[] = [],
  options: SiteOptions = {},
): Generator<SitePage> {
  const byIssue = new Map<string, Download[]>();
  for (const file of downloads) {
    const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
    byIssue.set(folder, [...(byIssue.get(folder) ?? []), file]);
  }
  return sitePages(
    engine,
    series,
    // The HTML is read when its page is made, so that no more than one issue's is held at a time.
    issues.map((issue) => ({ ...issueSummary(issue), html: () => issue.html, hash: issue.hash, downloads: byIssue.get(issue.issue.path) })),
    options,
  );
}
