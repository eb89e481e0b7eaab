/**
 * An article's title that the layout moves to a page's top with its table
 * (tests/fixtures/print-pages/title-top: title, a line introducing the table, the table, at page
 * 2's foot): it started a line down, its margin kept after the forced break; it starts on the
 * 版心's first line, as a title the browser carries over does. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/title-top/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));
/** GB/T 9704's 版心 starts 37 mm from the top; one grid line is 225 / 22 mm. */
const AREA_TOP = 37;
const LINE = 225 / 22;

it('starts a title moved to a page’s top with its table on the 版心’s first line', async () => {
  const result = await printIssue(content, undefined, outDir, 'title-top');
  expect(result.pages).toBe(result.layout.pages);
  expect(result.layout.tables[0]!.moved).toBe(true);
  const printed = words(result.output);
  const title = printed.find((word) => word.text === '各镇转移安置情况' && word.page > 1)!;
  const table = printed.find((word) => word.text === '蕉城镇')!;
  expect(table.page).toBe(title.page);
  // Nothing above it on its page, and its line the first: its top within half a line of the 版心's.
  expect(printed.filter((word) => word.page === title.page && word.yMin < title.yMin)).toEqual([]);
  expect(Math.abs(title.yMin - AREA_TOP)).toBeLessThan(LINE / 2);
});
