import type { Series } from '../model.ts';
import { absoluteUrl, type SiteIssue } from './site-view.ts';
import { escapeXml as x } from './xml.ts';

/** `sitemap.xml`: the home page, the year pages, the series page and every issue, absolute URLs. */
export function renderSitemap(series: Series, issues: readonly SiteIssue[], years: readonly number[]): string {
  // The newest date of a set of issues (a year's supplements are listed after its regular issues, whatever their date).
  const newestOf = (some: readonly SiteIssue[]) => some.map((issue) => issue.date).reduce<string | undefined>((a, b) => (a && a > b ? a : b), undefined);
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
