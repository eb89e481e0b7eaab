import type { Page } from 'puppeteer-core';
import { SHARE_IMAGE } from '../model.ts';

/**
 * The print page's top framed as on paper: the 版心 (156 mm, 590 px) with a margin each side
 * in an 800 px frame, scaled by 1.5 to 1200 × 630.
 */
const FRAME = { width: 800, height: 420, scale: SHARE_IMAGE.width / 800 };
const FRAME_CSS = `html { padding: 36px ${(FRAME.width - 590) / 2}px 0; }`;

/**
 * A PNG of the top of the print page loaded in `page` — masthead, issue line, red rule and the
 * start of the contents — for `og:image`. The page is framed for it; its viewport is put back
 * (the pool gives the page to the next issue, which may print), its frame goes with the next
 * page loaded into it.
 */
export async function shareImageShot(page: Page): Promise<Uint8Array> {
  const viewport = page.viewport();
  try {
    await page.addStyleTag({ content: FRAME_CSS });
    await page.setViewport({ width: FRAME.width, height: FRAME.height, deviceScaleFactor: FRAME.scale });
    return await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: FRAME.width, height: FRAME.height } });
  } finally {
    await page.setViewport(viewport);
  }
}
