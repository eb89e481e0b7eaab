/**
 * A charted table introduced by a line (`截至5月20日，各镇巡查情况如下：`) whose chart does not fit
 * at the foot of the page and floats past the paragraph after the table
 * (tests/fixtures/print-pages/chart-intro): the line stayed behind, heading that paragraph, and
 * the chart it introduces printed after it on the next page; it floats with the chart. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { pageTexts } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/chart-intro/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('floats a chart with the line that introduces it', async () => {
  const result = await printIssue(content, undefined, outDir, 'chart-intro');
  expect(result.pages).toBe(result.layout.pages);
  expect(result.layout.charts).toMatchObject([{ floatedPast: 1 }]);
  // Page by page, in reading order: the title, the paragraph the chart floated past, the line
  // introducing the chart, then the chart.
  const text = pageTexts(result.output).join('\n').replace(/\s+/g, '');
  const title = text.indexOf('各镇巡查情况各镇要进一步加强统筹协调');
  const intro = text.indexOf('截至5月20日');
  const chart = text.indexOf('巡查人次（按镇名）');
  expect(title).toBeGreaterThan(0);
  expect(intro).toBeGreaterThan(title);
  expect(chart).toBeGreaterThan(intro);
  expect(text.slice(intro, chart)).not.toContain('各镇要进一步加强统筹协调');
});
