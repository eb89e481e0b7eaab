/**
 * A grouped chart taller than a page (tests/fixtures/print-pages/tall-chart: 12 towns × 3 bars)
 * under its article's title and introducing line: it printed its caption alone on a page of its
 * own and its bars on the next; it is set smaller, down to 9 pt, to be whole on one page. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/tall-chart/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('prints a chart taller than a page whole on one page, its caption with its bars and legend', async () => {
  const result = await printIssue(content, undefined, outDir, 'tall-chart');
  expect(result.pages).toBe(result.layout.pages);
  const printed = words(result.output);
  const caption = printed.find((word) => word.text.includes('（按镇名）'))!;
  // The chart's first and last bar labels, before the table's.
  const first = printed.find((word) => word.text === '大柘镇')!;
  const last = printed.find((word) => word.text === '长田镇')!;
  expect([first.page, last.page]).toEqual([caption.page, caption.page]);
  expect(result.layout.charts).toHaveLength(1);
  expect(result.layout.charts[0]!.page).toBe(caption.page);
  expect(result.layout.charts[0]!.fontSizePt).toBeGreaterThanOrEqual(9);
  expect(result.layout.charts[0]!.fontSizePt).toBeLessThan(10.5);
});
