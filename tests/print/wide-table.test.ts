/**
 * A 16-column table (tests/fixtures/print-pages/tables/2021/2) prints on a landscape page of its
 * own at 9 pt or more, the page numbers and the 版记 keeping their rules around it; the
 * reference table's columns after it get even widths. One PDF.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { mmPerPt, pageSizes, pageTexts, words, type Word } from './poppler.ts';
import { printFixtureIssue } from './print-pages.ts';

const portrait = { width: 594.96, height: 841.92 };
const landscape = { width: 841.92, height: 594.96 };
/** One 4号 character, the page number's distance from the 版心 edge. */
const oneChar = 14 * mmPerPt;

let result: RenderPdfResult;
let allWords: Word[];
let texts: string[];
let widePage: number;

beforeAll(async () => {
  result = await printFixtureIssue('2021/2/', 'wide-table');
  allWords = words(result.output);
  texts = pageTexts(result.output);
  widePage = texts.findIndex((text) => text.includes('12月')) + 1;
});

const onPage = (page: number) => allWords.filter((word) => word.page === page);
/** The 版心 of a page, in mm from the top-left corner: a landscape one is 225 × 156 mm. */
const area = (page: number) => {
  if (page === widePage) return page % 2 === 1 ? { left: 35, right: 260, top: 28, bottom: 184 } : { left: 35, right: 260, top: 26, bottom: 182 };
  const left = page % 2 === 1 ? 28 : 26;
  return { left, right: left + 156, top: 37, bottom: 262 };
};
const foot = (page: number) => onPage(page).filter((word) => word.yMin > area(page).bottom);

describe('a 16-column table', () => {
  it('prints on a landscape page between portrait ones', () => {
    expect(widePage).toBeGreaterThan(1);
    expect(result.layout.tables[0]).toMatchObject({ wide: true, zoom: 1 });
    const sizes = pageSizes(result.output);
    expect(sizes).toHaveLength(result.pages);
    for (const [index, size] of sizes.entries()) expect(size, `page ${index + 1}`).toEqual(index + 1 === widePage ? landscape : portrait);
  });

  it('keeps its text at 9 pt or more, inside the landscape 版心', () => {
    expect(result.layout.tables[0]?.fontSizePt).toBeGreaterThanOrEqual(9);
    // Word boxes are taller than the type size by the face's ascent and descent: measured on
    // the 16 pt body text of page 1, set in the same face as the table's numbers.
    const body = onPage(1).filter((word) => word.yMin > 100 && word.yMax < 262 && /[\u4e00-\u9fff]{6}/.test(word.text));
    const ratio = Math.min(...body.map((word) => word.yMax - word.yMin)) / (16 * mmPerPt);
    const numbers = onPage(widePage).filter((word) => /^\d+$/.test(word.text) && word.yMax < area(widePage).bottom);
    expect(numbers.length).toBeGreaterThan(100);
    for (const word of numbers) expect((word.yMax - word.yMin) / ratio / mmPerPt, word.text).toBeGreaterThanOrEqual(8.9);
    for (const word of onPage(widePage).filter((candidate) => candidate.yMax < area(widePage).bottom)) {
      expect(word.xMin, word.text).toBeGreaterThanOrEqual(area(widePage).left - 0.6);
      expect(word.xMax, word.text).toBeLessThanOrEqual(area(widePage).right + 0.6);
      expect(word.yMin, word.text).toBeGreaterThanOrEqual(area(widePage).top - 0.6);
    }
  });

  it('takes its title with it to the landscape page', () => {
    expect(texts[widePage - 1]!.replace(/\s+/g, '')).toContain('2021年各月老旧小区改造完成情况');
    expect(texts[widePage - 2]!.replace(/\s+/g, '')).not.toContain('2021年各月老旧小区改造完成情况');
  });

  it('numbers every page “― N ―” at the outer edge, 7 mm below the 版心, the landscape one too', () => {
    const unnumbered = result.layout.distribution && result.layout.distribution.page - 1;
    for (let page = 1; page <= result.pages; page++) {
      const words = foot(page);
      if (page === result.pages || (page === unnumbered && words.length === 0)) continue;
      expect(words.map((word) => word.text).join(''), `page ${page}`).toBe(`―${page}―`);
      if (page % 2 === 1) expect(Math.max(...words.map((word) => word.xMax))).toBeCloseTo(area(page).right - oneChar, 0);
      else expect(Math.min(...words.map((word) => word.xMin))).toBeCloseTo(area(page).left + oneChar, 0);
      const middle = (words[0]!.yMin + words[0]!.yMax) / 2;
      expect(Math.abs(middle - (area(page).bottom + 7)), `page ${page}`).toBeLessThan(1.5);
    }
  });

  it('leaves the 版记 on an even last page, as laid out', () => {
    expect(result.layout.pages).toBe(result.pages);
    expect(result.layout.distribution?.page).toBe(result.pages);
    expect(result.pages % 2).toBe(0);
    expect(texts[result.pages - 1]).toContain('报送：');
  });
});

describe('column widths', () => {
  it('gives the number columns one width and the label column its longest label', () => {
    const page = texts.findIndex((text) => text.includes('城市排水中心 316')) + 1;
    expect(page).toBeGreaterThan(widePage);
    expect(result.layout.tables[1]).toMatchObject({ wide: false, evenColumns: true });
    const rowWords = onPage(page).filter((word) => word.yMin > 0);
    const label = rowWords.find((word) => word.text === '城市排水中心');
    expect(label, 'the longest label on one line').toBeDefined();
    // The six numbers of that row: their centres are equally spaced.
    const row = rowWords.filter((word) => Math.abs(word.yMin - label!.yMin) < 1 && /^[\d/]+$/.test(word.text) && word.xMin > label!.xMax);
    expect(row).toHaveLength(6);
    const centres = row.map((word) => (word.xMin + word.xMax) / 2).sort((a, b) => a - b);
    const gaps = centres.slice(1).map((centre, index) => centre - centres[index]!);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0]!, 0);
    // 涉及户数(户) wraps onto two lines at most.
    const heading = rowWords.filter((word) => /涉及|户数\(户\)|^数\(户\)|^\(户\)$|^户\)$/.test(word.text) && word.yMax < label!.yMin);
    const lines = new Set(heading.filter((word) => word.xMax < centres[1]! - gaps[0]! / 2).map((word) => Math.round(word.yMin)));
    expect(lines.size).toBeGreaterThan(0);
    expect(lines.size).toBeLessThanOrEqual(2);
  });
});
