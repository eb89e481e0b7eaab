import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RenderedIssue, Series } from '../model.ts';
import { createBrowserPool, findChromium, renderPdf, type RenderPdfResult } from '../pdf/index.ts';
import type { TemplateEngine } from '../render/engine.ts';
import { issueView, type IssueView } from '../render/page-data.ts';
import type { PdfInfo } from '../render/site-view.ts';
import { issueAttachments } from './attachments.ts';
import { onInterrupt } from './interrupt.ts';

export interface RenderPdfsOptions {
  readonly engine: TemplateEngine;
  readonly series: Series;
  readonly templatesDir: string;
  /** A folder of the build's own for print pages and PDFs until they are written out. */
  readonly workDir: string;
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
  readonly result: RenderPdfResult;
}

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
function printView(issue: IssueView): IssueView {
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
 * once. The browser is found before anything renders, so a missing one fails at once.
 */
export async function renderPdfs(issues: readonly RenderedIssue[], options: RenderPdfsOptions): Promise<RenderedPdf[]> {
  if (issues.length === 0) return [];
  const pool = createBrowserPool({ executablePath: findChromium() });
  const unregister = onInterrupt(() => pool.close());
  const printCss = pathToFileURL(resolve(options.templatesDir, 'print', 'print.css')).href;
  // The print page and the issue's files sit in the work folder; only the print stylesheet is elsewhere.
  const roots = [resolve(options.workDir), resolve(options.templatesDir)];
  let done = 0;
  try {
    return await Promise.all(
      issues.map(async (rendered) => {
        const issue = printView(issueView(rendered));
        const page = resolve(options.workDir, issue.path, 'print.html');
        const self = pathToFileURL(page).href;
        for (const attachment of issueAttachments(rendered)) {
          const target = resolve(options.workDir, attachment.path);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(attachment.source, target);
        }
        await mkdir(dirname(page), { recursive: true });
        await writeFile(page, options.engine.render('print.njk', { series: options.series, issue, printCss }));
        const name = pdfFileName(issue);
        const source = join(dirname(page), name);
        const result = await renderPdf(pool, {
          url: self,
          output: source,
          roots,
          name: issue.source,
          fonts: options.series.fonts,
          meta: {
            title: `${issue.title} ${issue.year}年第${issue.number}期`,
            author: issue.issuer,
            subject: `${issue.label}：${issue.articles.map((article) => article.title).join('；')}`,
            keywords: [issue.title, issue.issuer, issue.label],
            date: issue.date,
          },
        });
        options.onPdf?.(++done, issues.length);
        return { path: `${issue.path}${name}`, source, result, info: { href: name, downloadName: pdfDownloadName(issue), bytes: result.size } };
      }),
    );
  } finally {
    unregister();
    await pool.close();
  }
}
