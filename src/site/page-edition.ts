import { type Edition, type Series, SHARE_IMAGE } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { rootFrom } from './page-data.ts';
import { combineHashes } from '../cache/hash.ts';
import type { SitePage, StandIn } from './site-page.ts';
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
  /**
   * What each issue's page shows of it as the issue before or after (see `neighbour`), in the
   * order of `issues`: made once, as each is shown on two pages.
   */
  readonly neighbours: readonly Neighbour[];
  /** What stands for each issue and each neighbour in a page's inputs (see `StandIn`). */
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
    const { series, issues, years, neighbours } = archive;
    const issue = issues[index]!;
    // A shared link names the lead article first: it is what the reader is sent.
    const lead = issue.articles[0]?.title;
    const title = lead ? `${lead} · ${issue.documentTitle}` : issue.documentTitle;
    const own = issue.downloads.image;
    const image = own ? { url: absoluteUrl(series, own.path), ...SHARE_IMAGE, alt: `${issue.documentTitle}首页：报头、期号和目录` } : archive.shareImage;
    const page = pageMeta(series, issue.path, title, `${issue.label}（${issue.dateText}）：${issue.summary}`, 'article', image);
    // Newest first: the next issue is the one before in the list.
    const data = { series, years, page, root: rootFrom(issue.path), issue, newer: neighbours[index - 1], older: neighbours[index + 1] };
    return {
      path: `${issue.path}${this.fileName(issue)}`,
      // The stand-ins of what the data is made from: the page's meta data and root follow from
      // its issue, the series and the share picture. The issue's stand-in holds its HTML, so a
      // page whose inputs are unchanged reads none. Not `dataHash`: the data as JSON cost 0.2 s
      // of a one-change rebuild of 10,000 issues, most of it for the meta data.
      inputs: () => {
        const standIn = (value: object | undefined) => (value === undefined ? '' : (archive.standIn(value) ?? JSON.stringify(value)));
        return combineHashes([
          'issue.njk',
          standIn(series),
          standIn(years),
          JSON.stringify(archive.shareImage ?? null),
          standIn(issue),
          standIn(data.newer),
          standIn(data.older),
        ]);
      },
      render: () => engine.render('issue.njk', { ...data, issue: { ...issue, html: typeof issue.html === 'function' ? issue.html() : issue.html } }),
    };
  },
};

/**
 * What an issue page shows of the issue before or after it (templates/partials/issue-pager.njk):
 * a change to that issue's table or text leaves the page as it is.
 */
export function neighbour(issue: SiteIssue) {
  return {
    path: issue.path,
    label: issue.label,
    name: issue.name,
    date: issue.date,
    dateText: issue.dateText,
    year: issue.year,
    articles: issue.articles,
  };
}

export type Neighbour = ReturnType<typeof neighbour>;
