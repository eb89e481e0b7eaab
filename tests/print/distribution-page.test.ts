/**
 * Printed on both sides, the 版记 ends on an even page (GB/T 9704 §7.5): the print pages here
 * differ only in how many paragraphs come before the 版记.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, type RenderPdfResult } from '../../src/print/index.ts';
import { pageTexts } from './poppler.ts';
import { sharedBrowserPool } from '../support/shared-browser.ts';

const outDir = fileURLToPath(new URL('../output/pdf/distribution-page/', import.meta.url));
const printCss = pathToFileURL(fileURLToPath(new URL('../../templates/print/print.css', import.meta.url))).href;

const paragraph = (n: number): string =>
  `<p>第${n}段。城镇老旧小区改造是重大民生工程和发展工程，对满足人民群众美好生活需要、推动惠民生扩内需、推进城市更新和开发建设方式转型具有十分重要的意义。</p>`;

/** A 抄送 of this many units, each named in full: a list longer than a page holds from about 60. */
const LONG_LIST = 90;

function printPage(paragraphs: number, copiedTo = '市直有关单位。'): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试简报</title><link rel="stylesheet" href="${printCss}"></head><body>
<article class="bulletin"><section class="article" id="a1"><h2 class="article-title">版记测试</h2>
${Array.from({ length: paragraphs }, (_, index) => paragraph(index + 1)).join('\n')}
</section>
<footer class="distribution"><p class="distribution-line"><span class="distribution-role">报送：</span><span class="distribution-names">市委、市政府领导同志。</span></p><p class="distribution-line"><span class="distribution-role">发送：</span><span class="distribution-names">各县(市、区)人民政府。</span></p><p class="distribution-line"><span class="distribution-role">抄送：</span><span class="distribution-names">${copiedTo}</span></p></footer>
</article></body></html>`;
}

const printed = new Map<number, { result: RenderPdfResult; texts: string[] }>();

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const pool = sharedBrowserPool();
  // 2: the text ends on page 1; 12: on page 2 with room for the 版记; 13: on page 2 without;
  // 3 with a 版记 longer than a page (keyed 103).
  const long = `${Array.from({ length: LONG_LIST }, (_, index) => `第${index + 1}县住房和城乡建设局`).join('、')}。`;
  for (const paragraphs of [2, 12, 13, 103]) {
    const page = path.join(outDir, `${paragraphs}.html`);
    writeFileSync(page, paragraphs > 100 ? printPage(paragraphs - 100, long) : printPage(paragraphs));
    const result = await renderPdf(pool, {
      url: pathToFileURL(page).href,
      output: path.join(outDir, `${paragraphs}.pdf`),
      roots: [outDir],
      name: `${paragraphs} paragraphs`,
      meta: { title: '测试简报', author: '测试单位', date: '2024-01-30' },
      fonts: { body: [], title: [], heading: [], kai: [] },
    });
    printed.set(paragraphs, { result, texts: pageTexts(result.output).map((text) => text.replace(/\s+/g, '')) });
  }
}, 60_000);

describe('the 版记 on an even page', () => {
  it('moves to the next page, numbered, when the text ends on an odd page', () => {
    const { result, texts } = printed.get(2)!;
    expect(result.pages).toBe(2);
    expect(result.layout.distribution?.page).toBe(2);
    expect(texts[0]).toContain('第2段');
    expect(texts[0]).not.toContain('报送');
    expect(texts[1]).toBe('―2―报送：市委、市政府领导同志。发送：各县(市、区)人民政府。抄送：市直有关单位。');
  });

  it('stays where the text ends when that page is even and has room', () => {
    const { result, texts } = printed.get(12)!;
    expect(result.pages).toBe(2);
    expect(texts[1]).toMatch(/^―2―.*第12段.*报送：.*抄送：市直有关单位。$/);
  });

  it('comes after a blank page when it does not fit on the even page the text ends on, neither page numbered', () => {
    const { result, texts } = printed.get(13)!;
    expect(result.pages).toBe(4);
    expect(result.layout.distribution?.page).toBe(4);
    expect(texts[1]).toMatch(/^―2―.*第13段。[^报]*$/);
    expect(texts[2]).toBe('');
    expect(texts[3]).toBe('报送：市委、市政府领导同志。发送：各县(市、区)人民政府。抄送：市直有关单位。');
  });

  it('longer than a page, starts a page of its own and ends on an even one, and says how many it runs over', () => {
    const { result, texts } = printed.get(103)!;
    const { page, pages } = result.layout.distribution!;
    expect(pages).toBeGreaterThan(1);
    expect((page + pages - 1) % 2).toBe(0);
    expect(result.pages).toBe(page + pages - 1);
    expect(texts[0]).toContain('第3段');
    expect(texts[0]).not.toContain('报送');
    expect(texts[page - 1]).toMatch(/^(―\d+―)?报送：/);
    expect(texts[result.pages - 1]).toContain(`第${LONG_LIST}县住房和城乡建设局。`);
    // Every page between the text and the 版记 is blank.
    expect(texts.slice(1, page - 1).every((text) => text === '')).toBe(true);
  });
});
