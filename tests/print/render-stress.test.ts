/**
 * The layout's hard cases in one small issue (tests/fixtures/pdf/stress):
 * a remote image and a file outside the roots, a table over several pages with tall rows, a table far
 * wider than the 版心 (printed on a landscape page), all four heading levels, and a 版记 that no longer fits
 * on the last page of text.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, type RenderPdfResult } from '../../src/print/index.ts';
import { pageSizes, pageTexts, words, type Word } from './poppler.ts';
import { sharedBrowserPool } from '../support/shared-browser.ts';

const fixture = fileURLToPath(new URL('../fixtures/pdf/stress/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/pdf/', import.meta.url));

let result: RenderPdfResult;
let allWords: Word[];
let texts: string[];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  const pool = sharedBrowserPool();
  await pool.browser(); // launch outside the timed render
  result = await renderPdf(pool, {
    url: pathToFileURL(path.join(fixture, 'print.html')).href,
    output: path.join(outDir, 'stress.pdf'),
    roots: [fixture],
    name: 'tests/fixtures/pdf/stress/print.html',
    meta: { title: '测试工作简报 2024年第1期', author: '测试单位', date: '2024-01-30' },
    fonts: { body: [], title: [], heading: [], kai: [] },
    timeoutMs: 20_000,
  });
  allWords = words(result.output);
  texts = pageTexts(result.output).map((text) => text.replace(/\s+/g, ''));
});

const pageOf = (text: string): number => texts.findIndex((page) => page.includes(text)) + 1;

describe('stress issue PDF', () => {
  it('blocks remote images and files outside the roots instead of waiting for them', () => {
    expect([...result.blocked].sort()).toEqual(['file:///etc/jianbao-outside.png', 'https://example.com/x.png']);
    // Left out of the PDF rather than printed as broken-image boxes.
    expect([...result.layout.brokenImages].sort()).toEqual(['file:///etc/jianbao-outside.png', 'https://example.com/x.png']);
    expect(result.ms).toBeLessThan(8_000); // stalled, it would run into the 20 s limit
  });

  it('repeats the table header on every page the table crosses', () => {
    const first = pageOf('R01A');
    const last = pageOf('R40A');
    expect(last).toBeGreaterThan(first);
    for (let page = first; page <= last; page++) expect(texts[page - 1]).toContain('长表序号');
  });

  it('never splits a table row across pages', () => {
    for (let row = 1; row <= 40; row++) {
      const id = String(row).padStart(2, '0');
      expect(pageOf(`R${id}F`), `row ${id}`).toBe(pageOf(`R${id}A`));
      if (row % 7 === 0) expect(pageOf(`第${id}行备注较长`)).toBe(pageOf(`R${id}A`));
    }
  });

  it('prints a table far wider than the 版心 on a landscape page, zoomed as a last resort, never cut off', () => {
    const [, wide] = result.layout.tables;
    // 16 columns of 9-digit numbers do not fit 225 mm even at 9 pt.
    expect(wide).toMatchObject({ wide: true, fontSizePt: 9 });
    expect(wide?.zoom).toBeLessThan(1);
    const widePage = pageOf('W1END');
    expect(pageSizes(result.output)[widePage - 1]).toEqual({ width: 841.92, height: 594.96 });
    for (const word of allWords) {
      // A landscape page's 版心 is 225 mm wide, 35 mm from the left edge.
      const [left, width] = word.page === widePage ? [35, 225] : [word.page % 2 === 1 ? 28 : 26, 156];
      expect(word.xMin, `${word.text} on page ${word.page}`).toBeGreaterThanOrEqual(left - 0.6);
      expect(word.xMax, `${word.text} on page ${word.page}`).toBeLessThanOrEqual(left + width + 0.6);
    }
  });

  it('moves a 版记 that does not fit to the foot of a page of its own', () => {
    const last = result.pages;
    expect(result.layout.distribution?.page).toBe(last);
    const onLast = allWords.filter((word) => word.page === last && word.yMax < 262);
    expect(onLast[0]?.text.startsWith('报送：')).toBe(true);
    expect(texts[last - 2]).toContain('第15段');
    const copied = onLast.find((word) => word.text.startsWith('抄送：'));
    expect(copied?.yMax).toBeGreaterThan(247);
    expect(copied?.yMax).toBeLessThan(262);
  });

  it('aligns a wrapped 版记 line after the colon', () => {
    const last = allWords.filter((word) => word.page === result.pages && word.yMax < 262);
    const [role, continuation] = last;
    expect(role?.text).toMatch(/^报送：/);
    // The second line of 报送 starts under the first recipient: “报送：” is three 4号 characters.
    const roleWidth = 3 * 14 * (25.4 / 72);
    expect(Math.abs((continuation?.xMin ?? 0) - ((role?.xMin ?? 0) + roleWidth))).toBeLessThan(1.5);
  });
});
