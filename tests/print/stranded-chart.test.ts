/**
 * An article's title and the one line introducing its grouped chart (12 towns × 3 bars) at the
 * top of a page, after a first article that fills the pages before it
 * (tests/fixtures/print-pages/stranded-chart): even at 9 pt the chart did not fit under them, so
 * they stood alone, 18 of the page's 22 lines empty, the chart whole on the next page. The chart
 * is set smaller still (8.5 or 8 pt), so that title, line and chart share the page. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/stranded-chart/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('sets a chart smaller than 9 pt rather than leave its title and introducing line alone atop a page', async () => {
  const result = await printIssue(content, undefined, outDir, 'stranded-chart');
  expect(result.pages).toBe(result.layout.pages);
  const printed = words(result.output);
  const title = printed.find((word) => word.text.startsWith('2025年1—6'))!;
  const intro = printed.find((word) => word.text.endsWith('进展情况如下表：'))!;
  const caption = printed.find((word) => word.text.includes('（按镇名）'))!;
  // The chart's first and last bar labels, before the table's.
  const first = printed.find((word) => word.text === '大柘镇')!;
  const last = printed.find((word) => word.text === '长田镇')!;
  // The title starts its page: nothing of the first article is on it.
  expect(printed.some((word) => word.page === title.page && word.yMin < title.yMin && /[\u4e00-\u9fff]/.test(word.text))).toBe(false);
  expect([intro.page, caption.page, first.page, last.page]).toEqual([title.page, title.page, title.page, title.page]);
  expect(result.layout.charts).toMatchObject([{ page: title.page, floatedPast: 0 }]);
  expect(result.layout.charts[0]!.fontSizePt).toBeGreaterThanOrEqual(8);
  expect(result.layout.charts[0]!.fontSizePt).toBeLessThan(9);
});
