/**
 * Things that fall at a page break (tests/fixtures/print-pages/page-positions, paragraphs of one
 * to three lines whose count puts each at a page's foot): a subhead and the 3-line paragraph under
 * it (two lines at the foot of page 1, its last alone atop page 2), the line introducing a table
 * longer than a page (alone at the foot of page 2), a list of two attachments (split over pages 4
 * and 5); and, after them, a run-in subhead in 楷体 that must not put the lines after it off the
 * grid. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { type Word, words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/page-positions/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

let result: RenderPdfResult;
let printed: Word[];
const pageOf = (text: string) => printed.find((word) => word.text.includes(text))?.page;

beforeAll(async () => {
  result = await printIssue(content, undefined, outDir, 'page-positions');
  printed = words(result.output);
}, 60_000);

it('keeps a short paragraph whole rather than leave its last line alone atop the page', () => {
  expect(pageOf('第九段')).toBe(2);
  expect(pageOf('甲段末尾。')).toBe(2);
  // Its subhead goes with it.
  expect(pageOf('一、加强组织领导')).toBe(2);
});

it('takes the line introducing a table longer than a page to the page its rows start on', () => {
  const intro = pageOf('全市改造进展情况如下表：');
  expect(intro).toBe(result.layout.tables[0]?.pages[0]);
  expect(result.layout.tables[0]).toMatchObject({ moved: true, wide: false });
});

it('keeps a list of attachments on one page', () => {
  expect(pageOf('附件：')).toBeDefined();
  expect(pageOf('2.梅州市城镇老旧小区改造进展情况统计表')).toBe(pageOf('附件：'));
});

it('keeps the lines after a run-in subhead in 楷体 on the grid of the lines before it', () => {
  const pitch = 225 / 22;
  const line = (text: string) => printed.find((word) => word.text.startsWith(text))!;
  const [before, after] = [line('第五零三段'), line('第五零五段')];
  expect(after.page).toBe(before.page);
  // 0.5 mm off while the 楷体's ascent and descent made the run-in's line taller than the grid's.
  expect(Math.abs((after.yMin % pitch) - (before.yMin % pitch))).toBeLessThan(0.25);
});
