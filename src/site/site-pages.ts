import type { OutputFile, Series } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { renderFeed } from './feed.ts';
import { rootFrom } from './page-data.ts';
import { chartWithin, seriesCharts, type SeriesChart } from './series-page.ts';
import { neighbour, pageEdition, type YearGroup } from './page-edition.ts';
import { renderSitemap } from './sitemap.ts';
import { combineHashes, contentHash } from '../cache/hash.ts';
import { madePage, pageFile, type SitePage, type StandIn, templatePage } from './site-page.ts';
import { paginate } from './paginate.ts';
import { pngSize } from './png-size.ts';
import { absoluteUrl, byDate, pageMeta as sitePageMeta, siteIssue, type PageMeta, type ShareImage, type SiteIssue, type SiteIssueInput } from './site-view.ts';

export interface SiteOptions {
  /**
   * How many of the newest issues the home page lists; older ones are on the year pages.
   * @default 24
   */
  readonly homeIssues?: number;
  /**
   * The most issues a year page lists, and months the series page shows; a longer list goes on
   * over further pages, `2021/page/2/`, `series/page/2/`… (see `paginate`)
   * @default 100
   */
  readonly pageSize?: number;
  /**
   * How many of the newest years every page but the home page gets as `years`, which the footer
   * links; the home page gets them all. Bounded so that a page costs the same however long the
   * archive (with every year, an issue page of a 400-year archive took ten times as long).
   * @default 50
   */
  readonly navYears?: number;
  /**
   * The series' share picture, a PNG among the templates' assets (`assets/share.png`): the
   * `og:image` of every page but the issues that have their own.
   * @default none: such pages name no picture
   */
  readonly shareImage?: OutputFile | undefined;
}

const defaults = { homeIssues: 24, pageSize: 100, navYears: 50 } satisfies SiteOptions;

/**
 * The whole web archive, page by page, each made when asked for so that it can be written before
 * the next is made, or not made at all when the build has it from last time (see `SitePage`): a
 * page per issue (with previous and next), the home page, a page per year, the series page, the
 * search page, a 404 page, the Atom feed and the sitemap. `views` are newest first. Every page
 * costs the same whatever the size of the archive, save the lists, which are split over pages of
 * `pageSize` entries.
 *
 * Each page is given only what it shows, so that its inputs change only when it does: the years'
 * names (the home and search pages `{ year, count }`), an issue page its own issue and the
 * labels and titles of the issues around it.
 */
export function* sitePages(engine: TemplateEngine, series: Series, views: readonly SiteIssueInput[], options: SiteOptions = {}): Generator<SitePage> {
  const settings = { ...defaults, ...options };
  const issues = views.map(siteIssue);
  const allYears = groupByYear(issues);
  const counts = allYears.map((group) => ({ year: group.year, count: group.issues.length }));
  const years = counts.slice(0, settings.navYears);
  // Only the home and search pages show how many issues a year has: the other pages get the
  // years' names, so that a new issue makes again none of the other years' pages.
  const archiveYears = years.map(({ year }) => ({ year }));
  const common = { series, years: archiveYears };
  // Previous and next in the order issues came out, a supplement between the issues around its date.
  const chronological = byDate(issues);
  const neighbours = chronological.map(neighbour);
  const standIn = standIns(issues, [series, years, archiveYears, ...neighbours]);
  const shareImage = settings.shareImage && defaultShareImage(series, settings.shareImage);
  const pageMeta: MetaOf = (path, title, description) => sitePageMeta(series, path, title, description, 'website', shareImage);

  const archive = { series, issues: chronological, years: archiveYears, neighbours, shareImage, standIn };
  for (const index of chronological.keys()) yield pageEdition.render(engine, archive, index);

  const latest = issues.slice(0, settings.homeIssues);
  yield page(engine, standIn, 'index.njk', {
    ...common,
    years: counts,
    page: pageMeta('', series.title, `${series.title}：${series.issuer}编印的工作简报，共${issues.length}期，按年份浏览，可全文检索。`),
    root: '',
    latest: groupByYear(latest),
    more: issues.length - latest.length,
    // The years the issues left off the home page are in: not a year it shows whole.
    moreYears: groupByYear(issues.slice(latest.length)).map(({ year }) => ({ year })),
    count: issues.length,
  });
  for (const group of allYears) {
    for (const part of paginate(`${group.year}/`, group.issues, settings.pageSize)) {
      const title = `${series.title} ${group.year}年${part.pagination ? `（第${part.pagination.number}页）` : ''}`;
      const meta = pageMeta(part.path, title, `${series.title}${group.year}年各期（共${group.issues.length}期）`);
      yield page(engine, standIn, 'year.njk', {
        ...common,
        page: meta,
        root: rootFrom(part.path),
        group: { year: group.year, issues: part.items },
        count: group.issues.length,
        pagination: part.pagination,
      });
    }
  }
  yield* seriesPages(engine, series, common, seriesCharts(issues), { pageSize: settings.pageSize, pageMeta, standIn });
  const searchPath = 'search/';
  yield page(engine, standIn, 'search.njk', {
    ...common,
    years,
    page: pageMeta(searchPath, `全文检索 · ${series.title}`, `在${series.title}各期中检索`),
    root: rootFrom(searchPath),
  });
  // A 404 page is served at any address, so its links start from the site's own path.
  yield templatePage(
    engine,
    '404.njk',
    '404.html',
    { ...common, page: { ...pageMeta('404.html', `页面不存在 · ${series.title}`, '找不到这个页面'), noindex: true }, root: new URL(series.url).pathname },
    standIn,
  );
  yield madePage('feed.xml', renderFeed(series, issues));
  yield madePage('sitemap.xml', renderSitemap(series, issues, allYears));
}

/** The whole web archive at once, every page made (see `sitePages`). */
export function renderSite(engine: TemplateEngine, series: Series, views: readonly SiteIssueInput[], options: SiteOptions = {}): OutputFile[] {
  return [...sitePages(engine, series, views, options)].map(pageFile);
}

/**
 * The series page: every chart month by month. Past `pageSize` months the newest are on
 * `series/`, older ones on `series/page/2/`…, each chart with the months of its page.
 */
function* seriesPages(
  engine: TemplateEngine,
  series: Series,
  common: { readonly series: Series; readonly years: readonly { readonly year: number }[] },
  charts: readonly SeriesChart[],
  { pageSize, pageMeta, standIn }: { readonly pageSize: number; readonly pageMeta: MetaOf; readonly standIn: StandIn },
): Generator<SitePage> {
  const months = [...new Set(charts.flatMap((chart) => chart.months.map((entry) => entry.key)))].sort().reverse();
  for (const part of paginate('series/', months, pageSize)) {
    const shown = new Set(part.items);
    const title = `数据走势${part.pagination ? `（第${part.pagination.number}页）` : ''} · ${series.title}`;
    yield page(engine, standIn, 'series.njk', {
      ...common,
      page: pageMeta(part.path, title, `${series.title}各期进展表合计的逐月走势`),
      root: rootFrom(part.path),
      charts: part.pagination ? charts.flatMap((chart) => chartWithin(chart, shown) ?? []) : charts,
      pagination: part.pagination,
    });
  }
}

/** A page's meta data, with the series' share picture (see `SiteOptions.shareImage`). */
type MetaOf = (path: string, title: string, description: string) => PageMeta;

function page(
  engine: TemplateEngine,
  standIn: StandIn,
  template: string,
  data: { readonly page: PageMeta; readonly root: string; readonly [key: string]: unknown },
): SitePage {
  return templatePage(engine, template, `${data.page.path}index.html`, data, standIn);
}

/**
 * What stands for each issue in the pages' inputs (see `StandIn`): its `hash` with its downloads
 * or, without one, the whole issue with its HTML; and for each of `shared`, given to many pages,
 * its JSON's hash. Each worked out once.
 */
function standIns(issues: readonly SiteIssue[], shared: readonly object[]): StandIn {
  const isIssue = new Set<object>(issues);
  const known = new Set<object>([...issues, ...shared]);
  const hashes = new Map<object, string>();
  const hashOf = (value: object) => {
    if (!isIssue.has(value)) return contentHash(JSON.stringify(value));
    const issue = value as SiteIssue;
    return issue.hash === undefined
      ? combineHashes([JSON.stringify(issue), typeof issue.html === 'function' ? issue.html() : ''])
      : combineHashes([issue.hash, JSON.stringify(issue.downloads)]);
  };
  return (value) => {
    if (!known.has(value)) return undefined;
    let hash = hashes.get(value);
    if (hash === undefined) {
      hash = hashOf(value);
      hashes.set(value, hash);
    }
    return hash;
  };
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
