/**
 * A table of towns with their communities and villages indented under them
 * (tests/fixtures/print-pages/indented-parts): the indented parts print under their town, not
 * centred past it; its headers (`其中重大隐患（处）`, `罚款金额（万元）`, `整改率（%）`) wrap between words,
 * in a column narrower than the whole header; the table, moved to the next page, takes its title
 * and the line introducing it along. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { words, type Word } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/indented-parts/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

let result: RenderPdfResult;
let all: Word[];
beforeAll(async () => {
  result = await printIssue(content, undefined, outDir, 'indented-parts');
  all = words(result.output);
});

const word = (text: string): Word => {
  const found = all.find((candidate) => candidate.text === text);
  expect(found, text).toBeDefined();
  return found!;
};

it('prints the label column left-aligned: towns in line, each part indented under its town, parts of one town in line', () => {
  const [town, east, west, other, village] = ['大柘镇', '其中：城东社区', '城西社区', '东石镇', '锡水村'].map(word);
  // A 4-character name and a 3-character one start together: centred, they would not.
  expect(Math.abs(word('仁居镇').xMin - town!.xMin)).toBeLessThan(0.5);
  expect(Math.abs(other!.xMin - town!.xMin)).toBeLessThan(0.5);
  // Two full-width spaces: about two characters (12 pt, 4.2 mm each) right of the town.
  for (const part of [east!, west!, village!]) expect(part.xMin - town!.xMin).toBeGreaterThan(7);
  expect(Math.abs(west!.xMin - east!.xMin)).toBeLessThan(0.5);
  expect(Math.abs(village!.xMin - west!.xMin)).toBeLessThan(0.5);
});

it('wraps the headers between words: a unit in brackets, 隐患 and 整改 stay whole', () => {
  const first = word('大柘镇');
  const title = all.find((candidate) => candidate.page === first.page && candidate.text.includes('各镇检查情况'))!;
  // A header's lines, each a word to pdftotext.
  const lines = all.filter((candidate) => candidate.page === first.page && candidate.yMin > title.yMax && candidate.yMax < first.yMin).map((line) => line.text);
  const count = (text: string, whole: string) => text.split(whole).length - 1;
  for (const whole of ['隐患', '（处）', '（万元）', '（%）', '整改']) {
    // Every time it is printed, it is printed on one line.
    expect(count(lines.join('/'), whole), `${whole} in ${lines.join(' / ')}`).toBe(count(lines.join(''), whole));
  }
  expect(count(lines.join(''), '隐患')).toBe(2);
});

it('moves the article’s title with the line introducing the table to the table’s page', () => {
  expect(result.layout.tables[0]).toMatchObject({ moved: true, pages: [2, 2] });
  // (Page 1's contents entry is `◆全县节前…`.)
  for (const text of ['全县节前安全生产大检查情况', '各镇检查情况如下表：', '大柘镇']) expect(word(text).page, text).toBe(2);
});
