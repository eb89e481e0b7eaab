/**
 * A tall chart under a new article's title near a page's foot (tests/fixtures/chart-fit, the
 * sample's 2021年第12期, where it left 15 of 22 lines empty): the chart is set smaller, its labels
 * ≥ 9 pt, and stays on the page with its title rather than moving both to the next page. One PDF.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { mmPerPt, type Word, words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const outDir = fileURLToPath(new URL('../output/pdf/chart-fit/', import.meta.url));
/** GB/T 9704's 版心: 37 mm from the top, 225 mm tall, 22 lines. */
const AREA_BOTTOM = 37 + 225;
const LINE = 225 / 22;

let result: RenderPdfResult;
let allWords: Word[];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  result = await printIssue('tests/fixtures/chart-fit', undefined, outDir, 'chart-fit');
  allWords = words(result.output);
}, 60_000);

/** The first word `text` in `list`, which must hold it. */
const wordIn = (list: readonly Word[], text: string): Word => {
  const word = list.find((candidate) => candidate.text === text);
  expect(word, text).toBeDefined();
  return word!;
};
const find = (text: string): Word => wordIn(allWords, text);

/** The lowest text on `page` in `list`, in mm from the page's top (the page number below the 版心 left out). */
const footOf = (list: readonly Word[], page: number): number =>
  Math.max(...list.filter((word) => word.page === page && word.yMax < AREA_BOTTOM + 2).map((word) => word.yMax));

describe('a chart at a page’s foot', () => {
  it('stays on the page of the text before its title, set smaller but ≥ 9 pt', () => {
    expect(result.layout.charts).toHaveLength(1);
    const [chart] = result.layout.charts;
    expect(chart!.fontSizePt).toBeLessThan(10.5);
    expect(chart!.fontSizePt).toBeGreaterThanOrEqual(9);
    const source = allWords.filter((word) => word.text.includes('供稿'))[1]!;
    const title = find('城镇老旧小区改造进展情况');
    const caption = find('户数(户)进度（按区县名称）');
    expect(title.page).toBe(source.page);
    expect(caption.page).toBe(source.page);
    expect(chart!.page).toBe(source.page);
  });

  it('leaves less than 3 empty lines at that page’s foot, the chart inside the 版心', () => {
    const page = find('城镇老旧小区改造进展情况').page;
    const bottom = footOf(allWords, page);
    expect(bottom).toBeLessThanOrEqual(AREA_BOTTOM + 0.5);
    expect((AREA_BOTTOM - bottom) / LINE).toBeLessThan(3);
  });

  it('prints the chart’s labels at ≥ 9 pt', () => {
    const page = find('城镇老旧小区改造进展情况').page;
    const labels = allWords.filter((word) => word.page === page && ['丰顺县', '兴宁市', '城市排水中心'].includes(word.text));
    expect(labels).toHaveLength(3);
    // Each Han character is one em wide.
    for (const label of labels) expect((label.xMax - label.xMin) / [...label.text].length / mmPerPt, label.text).toBeGreaterThanOrEqual(9);
  });
});

/**
 * A new article opening with a charted table that does not fit at a page's foot even at 9 pt,
 * followed by paragraphs (tests/fixtures/chart-float): the chart floats past the text, whose first
 * lines stay with the title at the foot; a later chart followed by a heading stays where it is.
 * One PDF.
 */
describe('a chart too tall for a page’s foot, with text after it', () => {
  let floated: RenderPdfResult;
  let floatedWords: Word[];
  beforeAll(async () => {
    floated = await printIssue('tests/fixtures/chart-float', undefined, outDir, 'chart-float');
    floatedWords = words(floated.output);
  }, 60_000);
  const first = (text: string): Word => wordIn(floatedWords, text);

  it('leaves its title with the first lines of the text at the foot, less than 3 lines empty', () => {
    const title = first('全市城镇老旧小区改造进展情况');
    expect(first('截至').page).toBe(title.page);
    const bottom = footOf(floatedWords, title.page);
    expect((AREA_BOTTOM - bottom) / LINE).toBeLessThan(3);
  });

  it('prints the chart whole on the next page, after the text it floated past', () => {
    const [chart] = floated.layout.charts;
    expect(chart!.floatedPast).toBeGreaterThan(0);
    const title = first('全市城镇老旧小区改造进展情况');
    const caption = first('户数(户)进度（按区县名称）');
    // The chart's last bar's share, below its last row.
    const last = first('58.8%');
    expect(caption.page).toBe(title.page + 1);
    expect(last.page).toBe(caption.page);
    expect(chart!.page).toBe(caption.page);
  });

  it('keeps a chart followed by a heading in source order, with its title', () => {
    expect(floated.layout.charts).toHaveLength(2);
    const chart = floated.layout.charts[1]!;
    expect(chart.floatedPast).toBe(0);
    const title = first('全市城镇老旧小区改造分区情况');
    const caption = floatedWords.filter((word) => word.text === '户数(户)进度（按区县名称）')[1]!;
    expect(caption.page).toBe(title.page);
    expect(chart.page).toBe(title.page);
    expect(first('一、各区县进度').page).toBeGreaterThanOrEqual(caption.page);
  });
});
