import type { EditionFile, Series } from '../model.ts';
import type { IssueSummary } from './page-data.ts';

/** A download an edition made for the issue (its PDF), as the pages link it. */
export type Download = Pick<EditionFile, 'edition' | 'path' | 'downloadName' | 'bytes'>;

/**
 * An issue view with the downloads the editions made for it. Its `html` may be a function that
 * reads it, called when the issue's own page is made: a build keeps the HTML on disk till then.
 * `hash`, when known (see `RenderedIssue.hash`), stands for the issue in its pages' inputs.
 */
export type SiteIssueInput = IssueSummary & {
  readonly html: string | (() => string);
  readonly hash?: string | undefined;
  readonly downloads?: readonly Download[] | undefined;
};

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
  /** The picture a shared link shows (`og:image`), when there is one. */
  readonly image?: ShareImage | undefined;
  /** A page at no address of its own (404): `noindex`, and no canonical or `og:url`. */
  readonly noindex?: boolean;
}

/** A picture for `og:image`: its absolute URL, size in pixels and description. */
export interface ShareImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/**
 * Adds what lists and the feed need: article titles in one line, and the downloads by edition
 * with their sizes (`downloads.pdf`, also `pdfFile`).
 */
export function siteIssue(view: SiteIssueInput) {
  const downloads: Record<string, Download & { readonly size: string }> = {};
  for (const file of view.downloads ?? []) downloads[file.edition] = { ...file, size: formatBytes(file.bytes) };
  return {
    ...view,
    summary: view.articles.map((article) => article.title).join('；'),
    downloads,
    pdfFile: downloads.pdf,
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

export function pageMeta(
  series: Series,
  path: string,
  title: string,
  description: string,
  type: PageMeta['type'] = 'website',
  image: ShareImage | undefined = undefined,
): PageMeta {
  return { title, description, path, url: absoluteUrl(series, path), type, image };
}

/** `2021/11/` → `https://example.org/jianbao/2021/11/`. */
export function absoluteUrl(series: Series, path: string): string {
  return new URL(path, series.url).href;
}
