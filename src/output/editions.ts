import type { DownloadEdition, Edition } from '../model.ts';
import { pdfEdition, pdfFileName, type PdfEditionOptions } from '../print/pdf-edition.ts';
import type { Printer } from '../print/printer.ts';
import { SHARE_IMAGE_FILE, shareImageEdition } from '../print/share-image-edition.ts';
import { pageEdition } from '../site/page-edition.ts';

/**
 * What every download edition is made with: `workDir` is a folder of the build's own, each
 * edition's files under its name; `printer` is undefined in a build without PDFs.
 */
export type EditionContext = Omit<PdfEditionOptions, 'printer'> & { readonly printer: Printer | undefined; readonly shareImage: boolean };

/** An edition of every issue: the file it writes beside the issue's page and, for a download, how the build makes it. */
export interface IssueEdition extends Pick<Edition, 'fileName'> {
  /** What the file is called in messages: `PDF`. */
  readonly label: string;
  /** The download edition a build makes, or undefined where it makes none (a build without a browser). */
  readonly download?: (context: EditionContext) => DownloadEdition | undefined;
}

/**
 * Every edition of an issue: its page, then the downloads, made in this order before the pages
 * that link them. A further edition (an EPUB, a Word file) is one more entry here: the build makes
 * it, and `check` then finds a file of the issue's own under its name (see `nameClashes`).
 */
export const ISSUE_EDITIONS: readonly IssueEdition[] = [
  { label: 'page', fileName: pageEdition.fileName },
  {
    label: 'PDF',
    fileName: pdfFileName,
    // Made by the browser, so left out of a build without one (`--no-pdf`); the pages then name
    // the series' default share picture, as they do when told to leave the picture out.
    download: ({ printer, shareImage, ...context }) => printer && pdfEdition({ ...context, printer, sharePictures: shareImage }),
  },
  {
    label: 'share picture',
    fileName: () => SHARE_IMAGE_FILE,
    download: ({ printer, shareImage, ...context }) => (printer && shareImage ? shareImageEdition({ ...context, printer }) : undefined),
  },
];
