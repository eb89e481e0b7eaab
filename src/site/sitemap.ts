import type { Series } from '../model.ts';
import { absoluteUrl, byDate, type SiteIssue } from './site-view.ts';
import { escapeXml as x } from './xml.ts';

/** `sitemap.xml`: the home page, the year pages, the series page and every issue, absolute URLs. */
export function renderSitemap(series: Series, issues: readonly SiteIssue[], years: readonly number[]): string {
  const newestOf = (some: readonly SiteIssue[]) => byDate(some)[0]?.date;
  const newest = newestOf(issues);
  const entry = (path: string, lastmod: string | undefined) =>
    `  <url><loc>${x(absoluteUrl(series, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
  const urls = [
    entry('', newest),
    entry('series/', newest),
    ...years.map((year) => entry(`${year}/`, newestOf(issues.filter((issue) => issue.year === year)))),
    ...issues.map((issue) => entry(issue.path, issue.date)),
  ];
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}
