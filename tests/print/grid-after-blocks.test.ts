/**
 * Text after a table, a photo and a block quotation (tests/fixtures/print-pages/grid-after-blocks),
 * whose heights are their own, goes back onto the line grid of the page's other text, so that it backs
 * the lines on the other side of the sheet. One build with its PDF.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPdfs } from '../support/shared-browser.ts';
import { words, type Word } from './poppler.ts';

const fixture = fileURLToPath(new URL('../fixtures/print-pages/grid-after-blocks/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jianbao-grid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** The line pitch, 225 mm / 22. */
const pitch = 225 / 22;
/** The 天头: the 版心 starts 37 mm from the top. */
const top = 37;

let pdf: string;
let all: Word[];
beforeAll(async () => {
  cpSync(fixture, join(dir, 'content'), { recursive: true });
  await buildPdfs(join(dir, 'content'), dir);
  pdf = join(dir, 'dist/2024/1/2024-1.pdf');
  all = words(pdf);
}, 120_000);

it('sets the text after a table and after a photo on the grid of the text before them', () => {
  const offset = (word: Word) => (((word.yMin - top) % pitch) + pitch) % pitch;
  const first = (text: string) => all.find((word) => word.text.startsWith(text))!;
  const before = first('截至');
  const afterTable = first('表格之后的正文');
  const afterPhoto = first('照片之后的正文');
  // Each below its block on the same page, not at the top of the next, where every page starts on the grid.
  for (const after of [afterTable, afterPhoto]) expect(after.yMin, after.text).toBeGreaterThan(top + 2 * pitch);
  expect(Math.abs(offset(afterTable) - offset(before)), 'after the table').toBeLessThan(0.3);
  // A photo's box comes out about a pixel taller in print than where the page measured it (0.3 mm
  // seen); without the spacer, each line here was 1.2 mm off.
  expect(Math.abs(offset(afterPhoto) - offset(before)), 'after the photo').toBeLessThan(0.5);
});

it('sets a block quotation two whole characters in from each side, and the text after it on the grid', () => {
  const offset = (word: Word) => (((word.yMin - top) % pitch) + pitch) % pitch;
  const first = (text: string) => all.find((word) => word.text.startsWith(text))!;
  const quote = first('引文：');
  const second = all.find((word) => word.page === quote.page && word.yMin > quote.yMax && word.yMin < quote.yMax + pitch)!;
  // A paragraph's first line on the same page: the 版心's left edge (which odd and even pages move) and two characters.
  const after = first('引文之后的正文');
  expect(after.page).toBe(quote.page);
  /** One character, 156 mm / 28. */
  const character = 156 / 28;
  const left = after.xMin - 2 * character;
  // The quotation's lines two characters in from each edge of the 版心, its first line indented as a paragraph's.
  expect(quote.xMin - (left + 4 * character), 'first line').toBeCloseTo(0, 0);
  expect(second.xMin - (left + 2 * character), 'left edge').toBeCloseTo(0, 0);
  expect(second.xMax - (left + 26 * character), 'right edge').toBeCloseTo(0, 0);
  expect(Math.abs(offset(after) - offset(first('截至'))), 'after the quotation').toBeLessThan(0.3);
});
