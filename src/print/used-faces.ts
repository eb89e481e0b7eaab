import type { Page } from 'puppeteer-core';
import type { FontRole } from './fonts.ts';

/** Text each role's probe is set in: common characters every 简报 prints. */
const SAMPLE = '工作简报情况通知';

/**
 * The face Chromium really sets each role's text in (the one that drew most of a probe's
 * glyphs), by role, with whether it was downloaded (a bundled or file face) or is installed.
 * Only Chromium's own font matching knows whether a family name found a face on this machine,
 * so this asks it through the DevTools protocol (`CSS.getPlatformFontsForNode`).
 */
export async function usedFaces(page: Page, roles: readonly FontRole[]): Promise<Map<FontRole, { family: string; downloaded: boolean }>> {
  const used = new Map<FontRole, { family: string; downloaded: boolean }>();
  if (roles.length === 0) return used;
  await page.evaluate(
    async (roles: string[], sample: string) => {
      for (const role of roles) {
        const probe = document.createElement('div');
        probe.dataset.jianbaoProbe = role;
        probe.textContent = sample;
        probe.style.cssText = `position: absolute; left: -9999px; font-family: var(--font-${role})`;
        document.body.append(probe);
      }
      await document.fonts.ready;
    },
    [...roles],
    SAMPLE,
  );
  const session = await page.createCDPSession();
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: 0 });
    for (const role of roles) {
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-jianbao-probe="${role}"]` });
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      const main = fonts.reduce<(typeof fonts)[number] | undefined>((best, font) => (font.glyphCount > (best?.glyphCount ?? 0) ? font : best), undefined);
      if (main) used.set(role, { family: main.familyName, downloaded: main.isCustomFont });
    }
  } finally {
    await session.detach().catch(() => {});
    await page.evaluate(() => {
      for (const probe of document.querySelectorAll('[data-jianbao-probe]')) probe.remove();
    });
  }
  return used;
}
