/**
 * Two tables in a row, nothing between them (tests/fixtures/print-pages/two-tables): a blank
 * line sets them apart, where the second's header sat on the first's 合计 and they read as one. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/two-tables/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('sets a table right after another a line apart from it', async () => {
  const result = await printIssue(content, undefined, outDir, 'two-tables');
  const all = words(result.output);
  const firstTotal = all.find((word) => word.text === '240')!;
  const secondHeader = all.find((word) => word.text.startsWith('计划投资'))!;
  expect(secondHeader.page).toBe(firstTotal.page);
  // A grid line is 10.2 mm; the rows' own padding takes a little of it.
  expect(secondHeader.yMin - firstTotal.yMax).toBeGreaterThan(9);
});
