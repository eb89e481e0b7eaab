import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildCache } from '../cache/build-cache.ts';
import { combineHashes, contentHash, folderHash } from '../cache/hash.ts';
import type { RenderedIssue, Series } from '../model.ts';
import type { BrowserPool, FoundBrowser, PdfMetadata, RenderPdfResult } from './index.ts';
import type { TemplateEngine } from '../site/engine.ts';
import { issueView, type IssueView } from '../site/page-data.ts';
import type { PdfInfo } from '../site/site-view.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';
import { issueAttachments } from '../output/attachments.ts';
import { onInterrupt } from '../util/interrupt.ts';

export interface RenderPdfsOptions {
  readonly engine: TemplateEngine;
  readonly series: Series;
  readonly templatesDir: string;
  /** A folder of the build's own for print pages and PDFs until they are written out. */
  readonly workDir: string;
  /**
   * A folder of the build's own for Chromium's profile, outside `workDir` (which print pages may
   * read): removed with the build's other files, even after a build that was killed.
   */
  readonly profileDir: string;
  /** The browser that prints (see `findBrowser`); its version is part of each PDF's cache key. */
  readonly browser: FoundBrowser;
  /**
   * Where unchanged PDFs come from: a PDF is printed again only when its print page, the files
   * it shows, the print stylesheets, its metadata or the browser changed.
   */
  readonly cache?: BuildCache | undefined;
  /** Told after each PDF, for a progress display. */
  readonly onPdf?: (done: number, total: number) => void;
}

/** A PDF rendered for an issue, waiting in the work folder. */
export interface RenderedPdf {
  /** Where it belongs in the output folder, e.g. `2021/11/2021-11.pdf`. */
  readonly path: string;
  /** Where it is now. */
  readonly source: string;
  readonly info: PdfInfo;
  /** The PDF is the build's own file (a cached one is a copy), so the output may hard-link it. */
  readonly link: true;
  /** What printing reported; undefined when the PDF came unchanged from the cache. */
  readonly result: RenderPdfResult | undefined;
}

/**
 * Issues prepared at once: enough to keep every page of the browser pool busy, few enough that
 * the PDFs checked and restored from the cache are not all in memory together.
 */
const IN_FLIGHT = 16;

/** `2021-11.pdf`: distinct across issues, so saved files never overwrite each other. */
export function pdfFileName(issue: Pick<IssueView, 'year' | 'number'>): string {
  return `${issue.year}-${issue.number}.pdf`;
}

/** `梅州市城镇老旧小区改造工作简报2021年第11期.pdf`, the name a reader's browser saves. */
export function pdfDownloadName(issue: Pick<IssueView, 'title' | 'year' | 'number'>): string {
  return `${issue.title}${issue.year}年第${issue.number}期.pdf`;
}

/**
 * Chromium turns each anchor into a PDF named destination, and a Chinese id percent-encoded
 * overflows the 127-byte limit PDF sets on names: print anchors are `a1`, `a2`, ….
 */
export function printView(issue: IssueView): IssueView {
  let html = issue.html;
  const articles = issue.articles.map((article, index) => {
    const id = `a${index + 1}`;
    html = html.replace(`id="${article.id}"`, `id="${id}"`);
    return { ...article, id };
  });
  return { ...issue, html, articles };
}

/**
 * Print each issue's print page (templates/print.njk) to PDF in one browser, several pages at
 * once, taking unchanged PDFs from the cache. The browser (and puppeteer) is loaded only when a
 * PDF has to be printed, so a build with nothing to print never starts one.
 */
export async function renderPdfs(issues: readonly RenderedIssue[], options: RenderPdfsOptions): Promise<RenderedPdf[]> {
  if (issues.length === 0) return [];
  const printCss = pathToFileURL(resolve(options.templatesDir, 'print', 'print.css')).href;
  // The print page and the issue's files sit in the work folder; only the print stylesheet is elsewhere.
  const roots = [resolve(options.workDir), resolve(options.templatesDir)];
  const printAssets = folderHash(resolve(options.templatesDir, 'print'));
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
  let done = 0;
  try {
    return await mapConcurrent(issues, IN_FLIGHT, async (rendered) => {
      const issue = printView(issueView(rendered));
      const page = resolve(options.workDir, issue.path, 'print.html');
      const attachments = issueAttachments(rendered);
      const html = options.engine.render('print.njk', { series: options.series, issue, printCss });
      const name = pdfFileName(issue);
      const source = join(dirname(page), name);
      const meta: PdfMetadata = {
        title: issue.documentTitle,
        author: issue.issuer,
        subject: `${issue.label}：${issue.articles.map((article) => article.title).join('；')}`,
        keywords: [issue.title, issue.issuer, issue.label],
        date: issue.date,
      };
      const shown = await Promise.all(attachments.map(async (file) => [file.path, contentHash(await readFile(file.source))]));
      const key = combineHashes('pdf', options.browser.version, html, printAssets, JSON.stringify(meta), JSON.stringify(options.series.fonts ?? {}), ...shown.flat());

      let result: RenderPdfResult | undefined;
      if (!(await options.cache?.restorePdf(key, source))) {
        // Only a page that prints needs the issue's files beside it.
        for (const attachment of attachments) {
          const target = resolve(options.workDir, attachment.path);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(attachment.source, target);
        }
        await mkdir(dirname(page), { recursive: true });
        await writeFile(page, html);
        const { pool, renderPdf } = await startBrowser();
        result = await renderPdf(pool, { url: pathToFileURL(page).href, output: source, roots, name: issue.source, fonts: options.series.fonts, meta });
        await options.cache?.storePdf(key, source);
      }
      options.onPdf?.(++done, issues.length);
      const bytes = result?.size ?? (await stat(source)).size;
      return { path: `${issue.path}${name}`, source, link: true, result, info: { href: name, downloadName: pdfDownloadName(issue), bytes } };
    });
  } finally {
    unregister();
    const started = await browser?.catch(() => undefined);
    await started?.pool.close();
  }
}
