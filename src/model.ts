import type { VFileMessage } from 'vfile-message';
import type { IssueTable } from './table/table-record.ts';

/** A role in the 版记 with its recipients: a list is joined with 、, a string is kept as written. */
export interface DistributionEntry {
  readonly role: string;
  readonly recipients: readonly string[] | string;
}

/** A font to print with: an installed family's name, or a font file in the content folder (absolute path). */
export type FontEntry = string | { readonly file: string };

/** Series defaults from `content/bulletin.yaml`. */
export interface Series {
  readonly title: string;
  readonly issuer: string;
  /** Where the archive is hosted, always ending in `/`. */
  readonly url: string;
  readonly distribution: readonly DistributionEntry[];
  /** Fonts to print with before the bundled ones, by role: installed families or font files. */
  readonly fonts?: Readonly<Partial<Record<'body' | 'title' | 'heading' | 'kai', readonly FontEntry[]>>>;
  /**
   * Whether a 增刊's `total` takes its place in the 总第N期 sequence (`supplements-count-in-total`).
   * @default false
   */
  readonly supplementsCountInTotal?: boolean;
  /**
   * Whether an issue may be dated in January or February of the year after its own, as a year's
   * last issue sent out late is (`year-end-in-next-year`).
   * @default false
   */
  readonly yearEndInNextYear?: boolean;
  /** The file the series was read from. */
  readonly source: string;
}

/** One bulletin issue after validation: series defaults < frontmatter < computed values. */
export interface Issue {
  /** Absolute path of the Markdown file. */
  readonly source: string;
  /** The whole Markdown file, frontmatter included, so positions in messages stay true. */
  readonly markdown: string;
  readonly year: number;
  /** 第N期 in the year, or for a supplement 增刊第N期 (frontmatter `supplement`). */
  readonly number: number;
  /** A 增刊: numbered on its own within the year, after the regular issues. */
  readonly supplement?: boolean;
  /** 总第N期; a supplement may have none. */
  readonly total?: number | undefined;
  /** A special issue's name, e.g. `防汛专刊`. */
  readonly special?: string | undefined;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly title: string;
  readonly issuer: string;
  readonly distribution: readonly DistributionEntry[];
  /** Output folder relative to the site root, e.g. `2021/11/`, `2021/s1/` for 增刊第1期. */
  readonly path: string;
  /** Where each frontmatter value is written in `source` (`number` → line 3, column 9), for messages about it. */
  readonly places?: Readonly<Record<string, Place>>;
  /**
   * The Markdown file of the regular issue before this one in the archive's order, whose table
   * files a carried table is compared with; absent for the first issue and for supplements.
   */
  readonly previous?: string | undefined;
}

/** A position in a file, 1-based. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

/** An article of a rendered issue, for the contents list. */
export interface Article {
  readonly id: string;
  /** Its id in the print edition (`a1`, `a2`, …), short enough for a PDF named destination. */
  readonly printId: string;
  /** The heading's lines (a title may print on two lines). */
  readonly lines: readonly string[];
}

/** An issue after its Markdown went through the pipeline. */
export interface RenderedIssue {
  readonly issue: Issue;
  readonly html: string;
  /**
   * A hash of everything the rendered issue holds, given the series and jianbao's version, when
   * the build cache knows it without reading the issue's HTML: what the issue's pages are keyed by.
   */
  readonly hash?: string | undefined;
  /** The same HTML with the print edition's ids on the articles (see `Article.printId`). */
  readonly printHtml: string;
  readonly articles: readonly Article[];
  /** Files besides the Markdown that the page was made from (CSV, images). */
  readonly dependencies: readonly string[];
  /**
   * The files from the issue's own folder that its pages link to or show, relative to that folder
   * with `/`: published beside the page. Not a table's source, whose page shows what it publishes:
   * a workbook can hold hidden sheets and columns (contacts, phone numbers) and other months.
   */
  readonly attachments: readonly string[];
  /** The `::table` embeds that rendered, in document order: what the series page charts of them. */
  readonly tables: readonly IssueTable[];
  /** The photos the issue shows from its own folder, with the resized copies its pages use. */
  readonly images: readonly IssueImage[];
}

/** A resized copy of a photo, written beside the original (see `IssueImage`). */
export interface ImageCopy {
  /** Relative to the issue's folder, with `/`: `photo.960w.jpg`. */
  readonly file: string;
  /** In pixels. */
  readonly width: number;
  readonly height: number;
}

/**
 * A photo from the issue's folder: the original is published as it is, and the pages show
 * copies made from it turned upright by its EXIF orientation, without its metadata.
 */
export interface IssueImage {
  /** The original, relative to the issue's folder, with `/`: `photo.jpg`. */
  readonly source: string;
  /** Its size upright, in pixels. */
  readonly width: number;
  readonly height: number;
  /** The web page's copies (its `srcset`), narrowest first. */
  readonly web: readonly ImageCopy[];
  /** The copy the PDF embeds: at most 300 dpi at the size it prints. */
  readonly print: ImageCopy;
}

/**
 * The size of the picture a shared link shows (`og:image`), in pixels: Open Graph's 1.91:1. The
 * share picture edition makes each issue's at this size and the pages announce it.
 */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

/** A file the build writes, relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/**
 * One form an issue is published in, a file in the issue's folder: the web page
 * (`site/page-edition.ts`) and the downloads it links (`DownloadEdition`).
 */
export interface Edition {
  /** Names it in the build's phases and in the cache: `page`, `pdf`. */
  readonly name: string;
  /** Its file in the issue's folder, distinct across issues: `index.html`, `2021-11.pdf`. */
  fileName(issue: Pick<Issue, 'year' | 'number'>): string;
}

/**
 * An edition a reader downloads from the issue's page: the PDF today, an EPUB or a Word file
 * tomorrow. The build (`output/make-editions.ts`) makes its file only when its key is not in the
 * cache, several issues at once, and in a sharded build for the shard's issues only.
 */
/** What making an edition's file reported: problems that did not stop it, at their places. */
export interface EditionReport {
  readonly warnings?: readonly VFileMessage[];
}

export interface DownloadEdition<Report extends EditionReport = EditionReport> extends Edition {
  /** What one of its files is called in progress and messages: `PDF`. */
  readonly label: string;
  /** The name a reader's browser saves the file under: `…简报2021年第11期.pdf`. */
  downloadName(issue: Issue): string;
  /**
   * A hash of everything the issue's file is made from: the same key makes the same bytes, so a
   * file stored under it is used instead of making it again.
   */
  key(rendered: RenderedIssue): Promise<string>;
  /** Make the issue's file at `target` (its folder exists); gives what making it reported. */
  render(rendered: RenderedIssue, target: string): Promise<Report>;
  /** Release what rendering held (a browser), once the build is done with the edition. */
  close(): Promise<void>;
}

/** A download an edition made for an issue, waiting in the build's work folder. */
export interface EditionFile {
  /** The edition's name: `pdf`. */
  readonly edition: string;
  /** Where it belongs in the output folder: `2021/11/2021-11.pdf`. */
  readonly path: string;
  /** Where it is now. */
  readonly source: string;
  /** The file is the build's own (a cached one is a copy), so the output may hard-link it. */
  readonly link: true;
  /** See `DownloadEdition.downloadName`. */
  readonly downloadName: string;
  readonly bytes: number;
  /** Made in this build; false when it came unchanged from the cache. */
  readonly made: boolean;
  /** What making it reported (see `EditionReport`); none when it came from the cache. */
  readonly warnings: readonly VFileMessage[];
}
