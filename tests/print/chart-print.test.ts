/**
 * One issue with three charted tables (tests/fixtures/chart-print) printed once: a stacked chart,
 * a grouped one and one with `chart-print="no"`. The charts' SVG text prints as text, so
 * pdftotext gives each label's box: its size and the width the chart takes on the page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPrinter } from '../../src/print/printer.ts';
import { findBrowser } from '../../src/print/find-browser.ts';
import { pdfEdition } from '../../src/print/pdf-edition.ts';
import { validateContent } from '../../src/pipeline.ts';
import { createNunjucksEngine } from '../../src/site/engine.ts';
import { mmPerPt, pageTexts, type Word, words } from './poppler.ts';

const outDir = fileURLToPath(new URL('../output/pdf/chart-print/', import.meta.url));
/** The type area's width (GB/T 9704: 156 mm). */
const TYPE_AREA = 156;
const DISTRICTS = ['丰顺县', '兴宁市', '平远县', '大埔县', '五华县', '梅县区', '蕉岭县', '梅江区', '城市排水中心'];

let text: string;
let allWords: Word[];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  const { site, issues, errors } = await validateContent('tests/fixtures/chart-print');
  expect(errors).toEqual([]);
  const printer = createPrinter({ browser: await findBrowser(), profileDir: `${outDir}chromium` });
  const edition = pdfEdition({ engine: createNunjucksEngine('templates'), series: site.series!, templatesDir: 'templates', workDir: outDir, printer });
  const pdf = path.join(outDir, 'chart-print.pdf');
  try {
    await edition.render(issues[0]!, pdf);
  } finally {
    await printer.close();
  }
  text = pageTexts(pdf).join('\n');
  allWords = words(pdf);
}, 60_000);

/** The words of the chart captioned `caption`: below the caption on its page, above its table's header. */
function chartWords(caption: string): Word[] {
  const title = allWords.find((word) => word.text === caption);
  expect(title, caption).toBeDefined();
  const onPage = allWords.filter((word) => word.page === title!.page && word.yMin > title!.yMax);
  const tableTop = Math.min(...onPage.filter((word) => word.text === '序号').map((word) => word.yMin));
  return onPage.filter((word) => word.yMax <= tableTop);
}

/** A label's font size in pt, from a word of Han characters: each is one em wide. */
const hanSize = (word: Word) => (word.xMax - word.xMin) / [...word.text].length / mmPerPt;

describe('charts in print', () => {
  it('prints the stacked chart’s labels at 五号 (≥ 9 pt), the shares as text', () => {
    const chart = chartWords('户数(户)进度（按区县名称）');
    const categories = chart.filter((word) => DISTRICTS.includes(word.text));
    expect(categories.map((word) => word.text)).toEqual(DISTRICTS);
    for (const word of categories) expect(hanSize(word), word.text).toBeGreaterThanOrEqual(9);
    expect(hanSize(categories[0]!)).toBeCloseTo(10.5, 0);
    const shares = chart.filter((word) => /^\d+\.\d%$/.test(word.text));
    expect(shares.map((word) => word.text)).toEqual([...Array(7).fill('100.0%'), '44.8%', '0.0%']);
    // Numbers and Han characters share the label size: their boxes are as tall.
    const lineHeight = categories[0]!.yMax - categories[0]!.yMin;
    for (const word of shares) expect(word.yMax - word.yMin).toBeGreaterThanOrEqual(lineHeight * 0.98);
  });

  it('draws the stacked chart across the type area’s width', () => {
    const chart = chartWords('户数(户)进度（按区县名称）');
    const left = Math.min(...chart.map((word) => word.xMin));
    const right = Math.max(...chart.map((word) => word.xMax));
    // Names start at the left edge of the type area, shares end at its right edge.
    expect(right - left).toBeGreaterThan(TYPE_AREA - 1.5);
    expect(right - left).toBeLessThan(TYPE_AREA + 0.5);
  });

  it('prints the grouped chart wide, its labels ≥ 9 pt', () => {
    const chart = chartWords('户数(户)（按区县名称）');
    const categories = chart.filter((word) => DISTRICTS.includes(word.text));
    expect(categories.map((word) => word.text)).toEqual(DISTRICTS);
    for (const word of categories) expect(hanSize(word), word.text).toBeGreaterThanOrEqual(9);
    const values = chart.filter((word) => /^\d+$/.test(word.text));
    expect(values.length).toBeGreaterThanOrEqual(20);
    const lineHeight = categories[0]!.yMax - categories[0]!.yMin;
    for (const word of values) expect(word.yMax - word.yMin).toBeGreaterThanOrEqual(lineHeight * 0.98);
    // The longest bar (兴宁市, 3528) takes 86 % of the type area, its value label after it.
    const longest = values.find((word) => word.text === '3528')!;
    const left = Math.min(...categories.map((word) => word.xMin));
    expect(longest.xMin - left).toBeGreaterThan(0.86 * TYPE_AREA);
    expect(longest.xMax - left).toBeLessThan(TYPE_AREA);
  });

  it('leaves a chart-print="no" chart out, but prints its table', () => {
    expect(text).toContain('户数(户)进度（按区县名称）');
    expect(text).not.toContain('小区数(个)（按区县名称）');
    // The sentence before the third table is followed by the table itself, no chart between (a
    // page break may come between, as a table that fits on a page is moved whole).
    const after = text.slice(text.indexOf('小区数只在网页上绘图。')).replace(/\n+― \d+ ―\n+/g, '\n');
    expect(after).toMatch(/^小区数只在网页上绘图。\n序号 区县名称\n/);
  });
});
