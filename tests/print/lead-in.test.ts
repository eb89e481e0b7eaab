/**
 * A paragraph introducing a list (`会议要求：`, tests/fixtures/print-pages/lead-in) on a page's last
 * line: it ended page 2 alone, its list over the page; it goes to page 3 with the list's first
 * item. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/lead-in/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('keeps a paragraph ending in a colon with the list it introduces', async () => {
  const result = await printIssue(content, undefined, outDir, 'lead-in');
  expect(result.pages).toBe(result.layout.pages);
  const printed = words(result.output);
  const leadIn = printed.find((word) => word.text === '会议要求：')!;
  const item = printed.find((word) => word.text.startsWith('1．'))!;
  expect(item.page).toBe(leadIn.page);
  // The line before it, the end of the text above, stays at the foot of the page before.
  const above = printed.find((word) => word.text === '各镇要进一步加强统筹协调，压实工作。')!;
  expect(above.page).toBe(leadIn.page - 1);
});
