import type { Series } from '../model.ts';
import type { YearGroup } from './page-edition.ts';
import { absoluteUrl, type SiteIssue } from './site-view.ts';
import { escapeXml as x } from './xml.ts';

/** `sitemap.xml`: the home page, the year pages, the series page and every issue, absolute URLs. */
export function renderSitemap(series: Series, issues: readonly SiteIssue[], years: readonly YearGroup[]): string {
  // One pass over each list: the newest date, whatever the order (a year's supplements come last).
  const newestOf = (some: readonly SiteIssue[]) =>
    some.reduce<string | undefined>((newest, issue) => (newest === undefined || issue.date > newest ? issue.date : newest), undefined);
  const newest = newestOf(issues);
  const entry = (path: string, lastmod: string | undefined) =>
    `  <url><loc>${x(absoluteUrl(series, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  const urls = [
    entry('', newest),
    entry('series/', newest),
    ...years.map((group) => entry(`${group.year}/`, newestOf(group.issues))),
    ...issues.map((issue) => entry(issue.path, issue.date)),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}
