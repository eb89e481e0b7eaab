import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { VFileMessage } from 'vfile-message';
import { combineHashes, contentHash, folderHash } from '../cache/hash.ts';
import type { DownloadEdition, Issue, OutputFile, RenderedIssue, Series } from '../model.ts';
import type { BrowserPool, FoundBrowser, PdfMetadata, RenderPdfResult } from './index.ts';
import type { TemplateEngine } from '../site/engine.ts';
import { issueNumber } from '../format/chinese.ts';
import { issueSlug } from '../load/issue-slug.ts';
import { issueView, type IssueView } from '../site/page-data.ts';
import { issueAttachments } from '../output/attachments.ts';
import { onInterrupt } from '../util/interrupt.ts';
import { fullWidthBrackets } from '../markdown/full-width-brackets.ts';
import { fontFileFaces } from './fonts.ts';
import { fontWarnings, printWarnings } from './print-warnings.ts';

export interface PdfEditionOptions {
  readonly engine: TemplateEngine;
  readonly series: Series;
  readonly templatesDir: string;
  /**
   * A folder of the build's own for the editions' working files; the print pages and the files
   * they show go under `pdf/`, the edition's name.
   */
  readonly workDir: string;
  /**
   * A folder of the build's own for Chromium's profile, outside `workDir` (which print pages may
   * read): removed with the build's other files, even after a build that was killed.
   */
  readonly profileDir: string;
  /** The browser that prints (see `findBrowser`); its version is part of each PDF's key. */
  readonly browser: FoundBrowser;
  /**
   * The resized photos each issue shows, by issue path (see `imageFiles`): the print page gets
   * them beside it.
   * @default none
   */
  readonly images?: ReadonlyMap<string, readonly OutputFile[]>;
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
 * (see `Article.printId`), and the 版记 with full-width
 * brackets (the notes have them in the print HTML already).
 */
export function printView(rendered: RenderedIssue): IssueView {
  const issue = issueView(rendered);
  return {
    ...issue,
    html: rendered.printHtml,
    articles: issue.articles.map((article) => ({ ...article, id: article.printId })),
    // Recipients copied from other documents often keep half-width brackets: `各县(市、区)`.
    distribution: issue.distribution.map((line) => ({ ...line, text: fullWidthBrackets(line.text) })),
  };
}

/**
 * The PDF edition: each issue's print page (templates/print.njk) printed by Chromium to GB/T 9704.
 * Its key covers the print page, the files it shows, the print stylesheets and the metadata. The
 * browser (and puppeteer) is loaded only when a PDF has to be printed, so a build with nothing to
 * print never starts one; its pool prints several pages at once.
 */
export function pdfEdition(options: PdfEditionOptions): DownloadEdition<RenderPdfResult & { readonly warnings: readonly VFileMessage[] }> {
  const name = 'pdf';
  const pagesDir = resolve(options.workDir, name);
  const printCss = pathToFileURL(resolve(options.templatesDir, 'print', 'print.css')).href;
  // The print page and the issue's files sit in the work folder; only the print stylesheet is elsewhere.
  const roots = [pagesDir, resolve(options.templatesDir)];
  let printAssets: string | undefined;
  let browser: Promise<{ pool: BrowserPool; renderPdf: typeof import('./index.ts').renderPdf }> | undefined;
  let unregister = () => {};
  const startBrowser = () => {
    browser ??= import('./index.ts').then(({ createBrowserPool, renderPdf }) => {
      const pool = createBrowserPool({ browser: options.browser, userDataDir: options.profileDir });
      unregister = onInterrupt(() => pool.close());
      return { pool, renderPdf };
    });
    return browser;
  };
  /** The print copies of the issue's photos, which its print page shows. */
  const imagesOf = (rendered: RenderedIssue): readonly OutputFile[] => {
    const wanted = new Set(rendered.images.map((image) => `${rendered.issue.path}${image.print.file}`));
    return (options.images?.get(rendered.issue.path) ?? []).filter((file) => wanted.has(file.path));
  };
  let fontHashes: Promise<string[]> | undefined;
  /** The font files' bytes, read once per build: a face replaced under the same name prints anew. */
  const fontFileHashes = () => {
    fontHashes ??= Promise.all(fontFileFaces(options.series.fonts).map(async (face) => contentHash(await readFile(face.file))));
    return fontHashes;
  };
  /** The print page and the PDF's metadata. */
  const printPage = (rendered: RenderedIssue) => {
    const issue = printView(rendered);
    const meta = pdfMetadata(issue);
    return { html: options.engine.render('print.njk', { series: options.series, issue, printCss }), meta };
  };

  return {
    name,
    label: 'PDF',
    fileName: pdfFileName,
    downloadName: pdfDownloadName,
    async key(rendered) {
      const { html, meta } = printPage(rendered);
      const shown = await Promise.all(issueAttachments(rendered).map(async (file) => [file.path, contentHash(await readFile(file.source))]));
      const photos = imagesOf(rendered).map((file) => [file.path, contentHash(file.contents)]);
      printAssets ??= folderHash(resolve(options.templatesDir, 'print'));
      return combineHashes(
        'pdf',
        options.browser.version,
        html,
        printAssets,
        JSON.stringify(meta),
        JSON.stringify(options.series.fonts ?? {}),
        ...(await fontFileHashes()),
        ...shown.flat(),
        ...photos.flat(),
      );
    },
    async render(rendered, target) {
      // Rendered again rather than kept from `key`: a page costs a millisecond, a PDF a second.
      const { html, meta } = printPage(rendered);
      const page = resolve(pagesDir, rendered.issue.path, 'print.html');
      // Only a page that prints needs the issue's files beside it.
      for (const attachment of issueAttachments(rendered)) {
        const copy = resolve(pagesDir, attachment.path);
        await mkdir(dirname(copy), { recursive: true });
        await copyFile(attachment.source, copy);
      }
      for (const photo of imagesOf(rendered)) {
        const copy = resolve(pagesDir, photo.path);
        await mkdir(dirname(copy), { recursive: true });
        await writeFile(copy, photo.contents);
      }
      await mkdir(dirname(page), { recursive: true });
      await writeFile(page, html);
      const { pool, renderPdf } = await startBrowser();
      const result = await renderPdf(pool, {
        url: pathToFileURL(page).href,
        output: target,
        roots,
        name: rendered.issue.source,
        fonts: options.series.fonts,
        meta,
      });
      const warnings = printWarnings(
        rendered,
        { blocked: result.blocked, brokenImages: result.layout.brokenImages },
        { pageDir: dirname(page), templatesDir: options.templatesDir },
      );
      return { ...result, warnings: [...warnings, ...fontWarnings(result.failedFontFiles, result.missingFamilies, options.series.source)] };
    },
    async close() {
      unregister();
      const started = await browser?.catch(() => undefined);
      await started?.pool.close();
    },
  };
}
