import { type Edition, type OutputFile, type Series, SHARE_IMAGE } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { rootFrom } from './page-data.ts';
import { absoluteUrl, pageMeta, type ShareImage, type SiteIssue } from './site-view.ts';

/** The issues of one year, newest first. */
export interface YearGroup {
  readonly year: number;
  readonly issues: readonly SiteIssue[];
}

/** The archive the issue pages link into: every issue, newest first, and the same by year. */
export interface Archive {
  readonly series: Series;
  readonly issues: readonly SiteIssue[];
  readonly years: readonly YearGroup[];
  /** The picture shared links show for an issue without one of its own (a build without PDFs). */
  readonly shareImage?: ShareImage | undefined;
}

/**
 * The web edition: an issue's page (templates/issue.njk), with the downloads the other editions
 * made for it and links to the issues before and after. It is made for every issue in every
 * build, after the downloads: the page links them and shows their sizes, and rendering a page
 * costs less than fetching it from the cache.
 */
export const pageEdition: Edition & { render(engine: TemplateEngine, archive: Archive, index: number): OutputFile } = {
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
    const newer = issues[index - 1];
    const older = issues[index + 1];
    const html = typeof issue.html === 'function' ? issue.html() : issue.html;
    return {
      path: `${issue.path}${this.fileName(issue)}`,
      contents: engine.render('issue.njk', { series, years, page, root: rootFrom(issue.path), issue: { ...issue, html }, newer, older }),
    };
  },
};
