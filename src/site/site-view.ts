import type { Series } from '../model.ts';
import type { IssueView } from './page-data.ts';

/** What the PDF step records on an issue view once the issue's PDF is written. */
export interface PdfInfo {
  /** Where the PDF is, relative to the issue page or to the site root; only its file name is used. */
  readonly href: string;
  /** The name a reader's browser saves it under, e.g. `梅州市城镇老旧小区改造工作简报2021年第11期.pdf`. */
  readonly downloadName: string;
  readonly bytes: number;
}

/** An issue view as the PDF step may leave it. */
export type SiteIssueInput = IssueView & { readonly pdf?: PdfInfo | undefined };

/** An issue as the site's lists, pages and feed show it. */
export type SiteIssue = ReturnType<typeof siteIssue>;

/** Title, description and absolute address of one page, for `<head>`. */
export interface PageMeta {
  readonly title: string;
  readonly description: string;
  /** Path of the page from the site root (`2021/11/`, `` for the home page). */
  readonly path: string;
  /** Absolute URL from `url` in bulletin.yaml. */
  readonly url: string;
  /** Open Graph type. */
  readonly type: 'website' | 'article';
}

/** Adds what lists and the feed need: article titles in one line, the PDF's site path and size. */
export function siteIssue(view: SiteIssueInput) {
  const { pdf } = view;
  const name = pdf?.href.split('/').pop();
  return {
    ...view,
    summary: view.articles.map((article) => article.title).join('；'),
    pdfFile: pdf && name
      ? { path: `${view.path}${name}`, downloadName: pdf.downloadName, bytes: pdf.bytes, size: formatBytes(pdf.bytes) }
      : undefined,
  };
}

/**
 * Issues in the order they came out, newest first: the archive's order puts a year's
 * supplements after its regular issues whatever their date. Issues of one day keep their order.
 */
export function byDate<T extends { readonly date: string }>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => b.date.localeCompare(a.date));
}

/** `356 KB`, `1.2 MB`: the size a reader weighs before downloading. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function pageMeta(series: Series, path: string, title: string, description: string, type: PageMeta['type'] = 'website'): PageMeta {
  return { title, description, path, url: absoluteUrl(series, path), type };
}

/** `2021/11/` → `https://example.org/jianbao/2021/11/`. */
export function absoluteUrl(series: Series, path: string): string {
  return new URL(path, series.url).href;
}
