import { type Edition, type Series, SHARE_IMAGE } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { rootFrom } from './page-data.ts';
import { combineHashes } from '../cache/hash.ts';
import { dataHash, type SitePage, type StandIn } from './site-page.ts';
import { absoluteUrl, pageMeta, type ShareImage, type SiteIssue } from './site-view.ts';

/** The issues of one year, newest first. */
export interface YearGroup {
  readonly year: number;
  readonly issues: readonly SiteIssue[];
}

/** The archive the issue pages link into: every issue, newest first, and the years the footer links. */
export interface Archive {
  readonly series: Series;
  readonly issues: readonly SiteIssue[];
  /** The years an issue page links, newest first: only their names, so that a new issue leaves the others' pages as they were. */
  readonly years: readonly { readonly year: number }[];
  /** The picture shared links show for an issue without one of its own (a build without PDFs). */
  readonly shareImage?: ShareImage | undefined;
  /** What stands for each issue in its page's inputs (see `StandIn`). */
  readonly standIn: StandIn;
}

/**
 * The web edition: an issue's page (templates/issue.njk), with the downloads the other editions
 * made for it and links to the issues before and after. It is made for every issue in every
 * build, after the downloads, unless its inputs are those of the page the last build wrote (see
 * `SitePage`): its issue (with its HTML and downloads), the labels and titles of the issues
 * around it, the years' names.
 */
export const pageEdition: Edition & { render(engine: TemplateEngine, archive: Archive, index: number): SitePage } = {
  name: 'page',
  fileName: () => 'index.html',
  /** The page of the issue at `index` in `archive.issues`. */
  render(engine, archive, index) {
    const { series, issues, years } = archive;
    const issue = issues[index]!;
    // A shared link names the lead article first: it is what the reader is sent.
    const lead = issue.articles[0]?.title;
    const title = lead ? `${lead} · ${issue.documentTitle}` : issue.documentTitle;
    const own = issue.downloads.image;
    const image = own ? { url: absoluteUrl(series, own.path), ...SHARE_IMAGE, alt: `${issue.documentTitle}首页：报头、期号和目录` } : archive.shareImage;
    const page = pageMeta(series, issue.path, title, `${issue.label}（${issue.dateText}）：${issue.summary}`, 'article', image);
    // Newest first: the next issue is the one before in the list.
    const data = { series, years, page, root: rootFrom(issue.path), issue, newer: neighbour(issues[index - 1]), older: neighbour(issues[index + 1]) };
    return {
      path: `${issue.path}${this.fileName(issue)}`,
      // The issue's stand-in holds its HTML: a page whose inputs are unchanged reads none. Each
      // issue is the neighbour of two pages, so its part is made once (see `neighbourJson`).
      inputs: () =>
        combineHashes([
          dataHash('issue.njk', { series, years, page, root: data.root, issue }, archive.standIn),
          neighbourJson(issues[index - 1]),
          neighbourJson(issues[index + 1]),
        ]),
      render: () => engine.render('issue.njk', { ...data, issue: { ...issue, html: typeof issue.html === 'function' ? issue.html() : issue.html } }),
    };
  },
};

const neighbourJsons = new WeakMap<SiteIssue, string>();

/**
 * `neighbour(issue)` as JSON, for the inputs of the two pages it is shown on: made once per
 * issue, and without `dataHash`'s replacer, as it holds no stand-in. A 10,000-issue rebuild
 * spent about 0.4 s of CPU making the issue pages' inputs with the neighbours inside them.
 */
function neighbourJson(issue: SiteIssue | undefined): string {
  if (issue === undefined) return '';
  let json = neighbourJsons.get(issue);
  if (json === undefined) {
    json = JSON.stringify(neighbour(issue));
    neighbourJsons.set(issue, json);
  }
  return json;
}

/**
 * What an issue page shows of the issue before or after it (templates/partials/issue-pager.njk):
 * a change to that issue's table or text leaves the page as it is.
 */
function neighbour(issue: SiteIssue | undefined) {
  return (
    issue && {
      path: issue.path,
      label: issue.label,
      name: issue.name,
      date: issue.date,
      dateText: issue.dateText,
      year: issue.year,
      articles: issue.articles,
    }
  );
}
