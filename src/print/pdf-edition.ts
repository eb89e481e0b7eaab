import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { VFileMessage } from 'vfile-message';
import { combineHashes, contentHash, folderHash } from '../cache/hash.ts';
import type { DownloadEdition, Issue, OutputFile, RenderedIssue, Series } from '../model.ts';
import type { PdfMetadata, RenderPdfResult } from './index.ts';
import type { Printer } from './printer.ts';
import type { TemplateEngine } from '../site/engine.ts';
import { issueNumber } from '../format/chinese.ts';
import { issueSlug } from '../load/issue-slug.ts';
import { issueView, type IssueView } from '../site/page-data.ts';
import { siteLinks } from './site-links.ts';
import { issueAttachments } from '../output/attachments.ts';
import { fullWidthBrackets } from '../markdown/full-width-brackets.ts';
import { fontFileFaces } from './fonts.ts';
import { distributionWarnings, fontWarnings, printWarnings } from './print-warnings.ts';

export interface PdfEditionOptions {
  readonly engine: TemplateEngine;
  readonly series: Series;
  readonly templatesDir: string;
  /**
   * A folder of the build's own for the editions' working files; the print pages and the files
   * they show go under `pdf/`.
   */
  readonly workDir: string;
  /**
   * The browser that prints (see `createPrinter`); its version is part of each PDF's key. The
   * caller closes it once every edition that uses it is made.
   */
  readonly printer: Printer;
  /**
   * The resized photos each issue shows, by issue path (see `imageFiles`): the print page gets
   * them beside it.
   * @default none
   */
  readonly images?: ReadonlyMap<string, readonly OutputFile[]>;
  /**
   * Take each printed issue's share picture from its page as well, into the printer's
   * `pictures`, for the share-picture edition (share-image-edition.ts) made after this one.
   * @default false
   */
  readonly sharePictures?: boolean;
}

/** `2021-11.pdf`, `2021-s1.pdf` for 增刊第1期: distinct across issues, so saved files never overwrite each other. */
export function pdfFileName(issue: Pick<Issue, 'year' | 'number' | 'supplement'>): string {
  return `${issue.year}-${issueSlug(issue)}.pdf`;
}

/** `梅州市城镇老旧小区改造工作简报2021年第11期.pdf`, the name a reader's browser saves. */
export function pdfDownloadName(issue: Pick<Issue, 'title' | 'year' | 'number' | 'supplement' | 'special'>): string {
  return `${issue.title}${issue.special ?? ''}${issueNumber(issue)}.pdf`;
}

/** The document information a PDF carries: title, organ, the issue's label and contents. */
export function pdfMetadata(issue: IssueView): PdfMetadata {
  return {
    title: issue.documentTitle,
    author: issue.issuer,
    subject: `${issue.label}：${issue.articles.map((article) => article.title).join('；')}`,
    keywords: [issue.title, issue.issuer, issue.label],
    date: issue.date,
  };
}

/**
 * The issue as the print page shows it: its print HTML, whose article ids are short enough for PDF
 * (see `Article.printId`) and whose links to files beside the issue go to them on the site
 * (`siteLinks`), and the 版记 with full-width brackets (the notes have them in the print HTML
 * already).
 */
export function printView(rendered: RenderedIssue, siteUrl: string): IssueView {
  const issue = issueView(rendered);
  return {
    ...issue,
    html: siteLinks(rendered.printHtml, new URL(rendered.issue.path, siteUrl).href),
    // `titleHtml` is made when first read (see `issueSummary`), which a spread leaves out.
    articles: issue.articles.map((article) => ({ ...article, id: article.printId, titleHtml: article.titleHtml })),
    // Recipients copied from other documents often keep half-width brackets: `各县(市、区)`.
    distribution: issue.distribution.map((line) => ({ ...line, text: fullWidthBrackets(line.text) })),
  };
}

/**
 * Writes the issue's print page (templates/print.njk) into the work folder with the files it
 * shows beside it, as the PDF and the share picture are both made from it.
 */
export function printPages(options: Omit<PdfEditionOptions, 'printer'>) {
  const pagesDir = resolve(options.workDir, 'pdf');
  const printCss = pathToFileURL(resolve(options.templatesDir, 'print', 'print.css')).href;
  /** The print copies of the issue's photos, which its print page shows. */
  const photosOf = (rendered: RenderedIssue): readonly OutputFile[] => {
    const wanted = new Set(rendered.images.map((image) => `${rendered.issue.path}${image.print.file}`));
    return (options.images?.get(rendered.issue.path) ?? []).filter((file) => wanted.has(file.path));
  };
  let fontHashes: Promise<string> | undefined;
  return {
    /** A hash of the font files' bytes, read once per build: a face replaced under the same name prints anew. */
    fontsHash(): Promise<string> {
      fontHashes ??= Promise.all(fontFileFaces(options.series.fonts).map(async (face) => contentHash(await readFile(face.file)))).then((hashes) =>
        combineHashes(['fonts', JSON.stringify(options.series.fonts ?? {}), ...hashes]),
      );
      return fontHashes;
    },
    /** A hash of the files the print page shows: the issue's images and the print copies of its photos. */
    async shownHash(rendered: RenderedIssue): Promise<string> {
      const shown = await Promise.all(issueAttachments(rendered).map(async (file) => [file.path, contentHash(await readFile(file.source))]));
      const photos = photosOf(rendered).map((file) => [file.path, contentHash(file.contents)]);
      return combineHashes(['shown', ...shown.flat(), ...photos.flat()]);
    },
    /** The print page and the folders it may load from: its own, and the templates' (the print stylesheet). */
    roots: [pagesDir, resolve(options.templatesDir)],
    /** The print page's HTML and the PDF's metadata. */
    html(rendered: RenderedIssue) {
      const issue = printView(rendered, options.series.url);
      return { html: options.engine.render('print.njk', { series: options.series, issue, printCss }), meta: pdfMetadata(issue) };
    },
    /** Writes the page and copies the issue's files beside it; gives its file:// URL. */
    async write(rendered: RenderedIssue, html: string): Promise<string> {
      const page = resolve(pagesDir, rendered.issue.path, 'print.html');
      for (const attachment of issueAttachments(rendered)) {
        const copy = resolve(pagesDir, attachment.path);
        await mkdir(dirname(copy), { recursive: true });
        await copyFile(attachment.source, copy);
      }
      for (const photo of photosOf(rendered)) {
        const copy = resolve(pagesDir, photo.path);
        await mkdir(dirname(copy), { recursive: true });
        await writeFile(copy, photo.contents);
      }
      await mkdir(dirname(page), { recursive: true });
      await writeFile(page, html);
      return pathToFileURL(page).href;
    },
  };
}

/**
 * The PDF edition: each issue's print page (templates/print.njk) printed by Chromium to GB/T 9704.
 * Its key covers the print page, the files it shows, the print stylesheets and the metadata. The
 * browser is the printer's, started only when a PDF has to be printed, so a build with nothing
 * to print never starts one; its pool prints several pages at once.
 */
export function pdfEdition(options: PdfEditionOptions): DownloadEdition<RenderPdfResult & { readonly warnings: readonly VFileMessage[] }> {
  const pages = printPages(options);
  const { printer } = options;
  let printAssets: string | undefined;
  return {
    name: 'pdf',
    label: 'PDF',
    fileName: pdfFileName,
    downloadName: pdfDownloadName,
    async key(rendered) {
      const { html, meta } = pages.html(rendered);
      printAssets ??= folderHash(resolve(options.templatesDir, 'print'));
      return combineHashes(['pdf', printer.browser.version, html, printAssets, JSON.stringify(meta), await pages.fontsHash(), await pages.shownHash(rendered)]);
    },
    async render(rendered, target) {
      // Rendered again rather than kept from `key`: a page costs a millisecond, a PDF a second.
      const { html, meta } = pages.html(rendered);
      const url = await pages.write(rendered, html);
      const [pool, { renderPdf }] = await Promise.all([printer.pool(), import('./render-pdf.ts')]);
      // Asked of the first PDF only, not of every one printing before its answer is in.
      const probeFaces = printer.wantsFaces();
      const picture = options.sharePictures ? resolve(options.workDir, 'share-pictures', rendered.issue.path, 'share.png') : undefined;
      const result = await renderPdf(pool, {
        url,
        output: target,
        roots: pages.roots,
        name: rendered.issue.source,
        fonts: options.series.fonts,
        meta,
        probeFaces,
        ...(picture === undefined ? {} : { shareImage: picture }),
      }).catch((error: unknown) => {
        if (probeFaces) printer.noteFaces([]);
        throw error;
      });
      if (probeFaces) printer.noteFaces(result.faces);
      if (picture !== undefined) printer.pictures.set(rendered.issue.path, picture);
      const warnings = printWarnings(
        rendered,
        { blocked: result.blocked, brokenImages: result.layout.brokenImages },
        { pageDir: dirname(fileURLToPath(url)), templatesDir: options.templatesDir },
      );
      return {
        ...result,
        warnings: [
          ...warnings,
          ...distributionWarnings(rendered, result.layout.distribution),
          ...fontWarnings(result.failedFontFiles, result.missingFamilies, options.series.source),
        ],
      };
    },
    // The printer is shared with the other editions Chromium makes; its owner closes it.
    async close() {},
  };
}
