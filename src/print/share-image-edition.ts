import { rename, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { combineHashes, folderHash } from '../cache/hash.ts';
import { type DownloadEdition, type EditionReport, SHARE_IMAGE } from '../model.ts';
import { printPages, type PdfEditionOptions } from './pdf-edition.ts';

/** The share picture's file in each issue's folder. */
export const SHARE_IMAGE_FILE = 'share.png';

/**
 * The picture a link to the issue shows when shared (WeChat, social sites: `og:image`): the top
 * of its first page as printed, 1200 × 630 (see `renderShareImage`). Made by the browser that
 * prints the PDFs, from the same print page, so it comes with the PDFs and, like them, only
 * when that page changed: taken from the page the PDF was printed from when the PDF edition
 * printed the issue in this build (`sharePictures`), else from the page loaded for it alone. It
 * is not offered as a download: the page names it in its `<head>`.
 */
export function shareImageEdition(options: PdfEditionOptions): DownloadEdition<EditionReport & { readonly size: number }> {
  const pages = printPages(options);
  const { printer } = options;
  let printAssets: string | undefined;
  return {
    name: 'image',
    label: 'share picture',
    fileName: () => SHARE_IMAGE_FILE,
    downloadName: () => SHARE_IMAGE_FILE,
    async key(rendered) {
      printAssets ??= folderHash(resolve(options.templatesDir, 'print'));
      const { html } = pages.html(rendered);
      return combineHashes([
        // Pictures taken before a page loaded for its picture alone was laid out are made again.
        'share image, laid out',
        JSON.stringify(SHARE_IMAGE),
        printer.browser.version,
        html,
        printAssets,
        await pages.fontsHash(),
        await pages.shownHash(rendered),
      ]);
    },
    async render(rendered, target) {
      // Taken when the PDF was printed in this build, from the same print page.
      const taken = printer.pictures.get(rendered.issue.path);
      if (taken !== undefined) {
        printer.pictures.delete(rendered.issue.path);
        await rename(taken, target);
        return { size: (await stat(target)).size };
      }
      const url = await pages.write(rendered, pages.html(rendered).html);
      const [pool, { renderShareImage }] = await Promise.all([printer.pool(), import('./render-image.ts')]);
      return renderShareImage(pool, { url, output: target, roots: pages.roots, name: rendered.issue.source, fonts: options.series.fonts });
    },
    // The printer is shared with the PDF edition; its owner closes it.
    async close() {},
  };
}
