/**
 * A web address, and a word, longer than a line (tests/fixtures/print-pages/links) break inside
 * the 版心: unbroken, they ran past the right edge, the layout counted a page more than Chromium
 * printed, and the build stopped on the 版记's place. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/links/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('breaks a web address and a word longer than a line inside the 版心, and prints the pages the layout counted', async () => {
  const result = await printIssue(content, undefined, outDir, 'long-link');
  expect(result.pages).toBe(result.layout.pages);
  const printed = words(result.output);
  const link = printed.filter((word) => /pingyuan|abcdefghij|more\.html|PYXCZX/.test(word.text));
  expect(link.length).toBeGreaterThanOrEqual(4);
  // Page 1's 版心 runs from 28 mm to 184 mm across (GB/T 9704: 156 mm wide).
  for (const word of printed.filter((word) => word.page === 1)) expect(word.xMax, word.text).toBeLessThanOrEqual(184.5);
});
