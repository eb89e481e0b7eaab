import type { BrowserPool } from './browser-pool.ts';
import { layOutPage, onPrintPage, type PrintPageOptions, writeAtomically } from './render-pdf.ts';
import { shareImageShot } from './share-image-shot.ts';

/**
 * A PNG of the top of the first page (see `shareImageShot`) for `og:image`, from the
 * same print page the PDF is printed from, loaded for it alone: a build that prints the PDF too
 * takes the picture from the PDF's page instead (`RenderPdfOptions.shareImage`).
 */
export async function renderShareImage(pool: BrowserPool, options: PrintPageOptions & { readonly output: string }): Promise<{ readonly size: number }> {
  const { png } = await onPrintPage(pool, options, async (page, { signal }) => {
    await layOutPage(page);
    const shot = await shareImageShot(page);
    signal.throwIfAborted();
    return { png: shot };
  });
  await writeAtomically(options.output, png);
  return { size: png.byteLength };
}
