import { SHARE_IMAGE } from '../model.ts';
import type { BrowserPool } from './browser-pool.ts';
import { onPrintPage, type PrintPageOptions, writeAtomically } from './render-pdf.ts';

/**
 * The print page's top framed as on paper: the 版心 (156 mm, 590 px) with a margin each side
 * in an 800 px frame, scaled by 1.5 to 1200 × 630.
 */
const FRAME = { width: 800, height: 420, scale: SHARE_IMAGE.width / 800 };
const FRAME_CSS = `html { padding: 36px ${(FRAME.width - 590) / 2}px 0; }`;

/**
 * A PNG of the top of the first page — masthead, issue line, red rule and the start of
 * the contents — for `og:image`, taken from the same print page the PDF is printed from.
 */
export async function renderShareImage(pool: BrowserPool, options: PrintPageOptions & { readonly output: string }): Promise<{ readonly size: number }> {
  const { png } = await onPrintPage(pool, options, async (page, { signal }) => {
    // The pool gives this page to the next issue, which may print: leave the viewport as it was.
    const viewport = page.viewport();
    try {
      await page.addStyleTag({ content: FRAME_CSS });
      await page.setViewport({ width: FRAME.width, height: FRAME.height, deviceScaleFactor: FRAME.scale });
      const shot = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: FRAME.width, height: FRAME.height } });
      signal.throwIfAborted();
      return { png: shot };
    } finally {
      await page.setViewport(viewport);
    }
  });
  await writeAtomically(options.output, png);
  return { size: png.byteLength };
}
