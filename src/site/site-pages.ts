import type { OutputFile, Series } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { renderFeed } from './feed.ts';
import { rootFrom } from './page-data.ts';
import { seriesCharts } from './series-page.ts';
import { pageEdition, type YearGroup } from './page-edition.ts';
import { renderSitemap } from './sitemap.ts';
import { pngSize } from './png-size.ts';
import { absoluteUrl, byDate, pageMeta as sitePageMeta, siteIssue, type PageMeta, type ShareImage, type SiteIssue, type SiteIssueInput } from './site-view.ts';

export interface SiteOptions {
  /**
   * How many of the newest issues the home page lists; older ones are on the year pages.
   * @default 24
   */
  readonly homeIssues?: number;
  /**
   * The series' share picture, a PNG among the templates' assets (`assets/share.png`): the
   * `og:image` of every page but the issues that have their own.
   * @default none: such pages name no picture
   */
  readonly shareImage?: OutputFile | undefined;
}

const defaults = { homeIssues: 24 } satisfies SiteOptions;

/**
 * The whole web archive: a page per issue (with previous and next), the home page, a page per
 * year, the search page, a 404 page, the Atom feed and the sitemap. `views` are newest first.
 */
export function renderSite(engine: TemplateEngine, series: Series, views: readonly SiteIssueInput[], options: SiteOptions = {}): OutputFile[] {
  const settings = { ...defaults, ...options };
  const issues = views.map(siteIssue);
  const years = groupByYear(issues);
  const common = { series, years };
  const files: OutputFile[] = [];
  const shareImage = settings.shareImage && defaultShareImage(series, settings.shareImage);
  const pageMeta = (path: string, title: string, description: string) => sitePageMeta(series, path, title, description, 'website', shareImage);

  // Previous and next in the order issues came out, a supplement between the issues around its date.
  const chronological = byDate(issues);
  for (const index of chronological.keys()) files.push(pageEdition.render(engine, { series, issues: chronological, years, shareImage }, index));

  const latest = issues.slice(0, settings.homeIssues);
  files.push(
    page(engine, 'index.njk', {
      ...common,
      page: pageMeta('', series.title, `${series.title}：${series.issuer}编印的工作简报，共${issues.length}期，按年份浏览，可全文检索。`),
      root: '',
      latest: groupByYear(latest),
      more: issues.length - latest.length,
      count: issues.length,
    }),
  );
  for (const group of years) {
    const path = `${group.year}/`;
    const meta = pageMeta(path, `${series.title} ${group.year}年`, `${series.title}${group.year}年各期（共${group.issues.length}期）`);
    files.push(page(engine, 'year.njk', { ...common, page: meta, root: rootFrom(path), group }));
  }
  const seriesPath = 'series/';
  files.push(
    page(engine, 'series.njk', {
      ...common,
      page: pageMeta(seriesPath, `数据走势 · ${series.title}`, `${series.title}各期进展表合计的逐月走势`),
      root: rootFrom(seriesPath),
      charts: seriesCharts(issues),
    }),
  );
  const searchPath = 'search/';
  files.push(
    page(engine, 'search.njk', {
      ...common,
      page: pageMeta(searchPath, `全文检索 · ${series.title}`, `在${series.title}各期中检索`),
      root: rootFrom(searchPath),
    }),
  );
  // A 404 page is served at any address, so its links start from the site's own path.
  files.push({
    path: '404.html',
    contents: engine.render('404.njk', {
      ...common,
      page: pageMeta('404.html', `页面不存在 · ${series.title}`, '找不到这个页面'),
      root: new URL(series.url).pathname,
    }),
  });
  files.push({ path: 'feed.xml', contents: renderFeed(series, issues) });
  files.push({
    path: 'sitemap.xml',
    contents: renderSitemap(
      series,
      issues,
      years.map((group) => group.year),
    ),
  });
  return files;
}

function page(engine: TemplateEngine, template: string, data: { readonly page: PageMeta; readonly root: string; readonly [key: string]: unknown }): OutputFile {
  return { path: `${data.page.path}index.html`, contents: engine.render(template, data) };
}

/** The series' share picture as the pages announce it; undefined when the file is not a PNG. */
function defaultShareImage(series: Series, file: OutputFile): ShareImage | undefined {
  const size = pngSize(typeof file.contents === 'string' ? new TextEncoder().encode(file.contents) : file.contents);
  return size && { url: absoluteUrl(series, file.path), ...size, alt: series.title };
}

/** Consecutive issues of the same year, in the order given. */
export function groupByYear(issues: readonly SiteIssue[]): YearGroup[] {
  const groups: { year: number; issues: SiteIssue[] }[] = [];
  for (const issue of issues) {
    const last = groups[groups.length - 1];
    if (last?.year === issue.year) last.issues.push(issue);
    else groups.push({ year: issue.year, issues: [issue] });
  }
  return groups;
}
