/**
 * A web address, a word and a line of code longer than a line (tests/fixtures/print-pages/links)
 * break inside the 版心: unbroken, they ran past the right edge, the layout counted a page more
 * than Chromium printed, and the build stopped on the 版记's place. Code prints in the bundled
 * faces, not in the machine's monospace one; a link to a file beside the issue goes to the site;
 * a link's text that is not an address (a telephone number) breaks as text does. One PDF.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { pdffonts, words } from './poppler.ts';
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
  // A line that ends in an address and two characters, the paragraph's last word carried over,
  // is spread between its characters, not in two gaps wider than a character around 了.
  const address = printed.find((word) => word.text.includes('post_2345678'))!;
  const line = printed.filter((word) => word.page === address.page && Math.abs(word.yMin - address.yMin) < 1).sort((a, b) => a.xMin - b.xMin);
  expect(line.map((word) => word.text).join('')).toContain('了');
  for (const [index, word] of line.slice(1).entries()) expect(word.xMin - line[index]!.xMax, word.text).toBeLessThan(2);
  // The code block's line and the line of code in the text, broken inside the 版心 of their page.
  const code = printed.filter((word) => /report\?county|已完成小区数/.test(word.text));
  expect(code.length).toBeGreaterThanOrEqual(2);
  for (const word of code) expect(word.xMax, word.text).toBeLessThanOrEqual(word.page % 2 === 1 ? 184.5 : 182.5);
  // A link to a file beside the issue goes to it on the site, not to the build's work folder.
  const pdf = readFileSync(result.output, 'latin1');
  expect(pdf).toContain('/URI (https://example.org/jianbao/2021/1/figures.csv)');
  expect(pdf).not.toContain('/URI (file:');
  // A telephone number linked at a line's end goes to the next line whole, where it broke as 07 / 53-8821234.
  expect(printed.some((word) => word.text.includes('0753-8821234'))).toBe(true);
  // The paragraph indented with four half-width spaces is text, not code.
  expect(printed.map((word) => word.text).join('')).toContain('缩进四个半角空格的段落');
  expect(pdffonts(result.output).map((font) => font.name.replace(/^[A-Z]{6}\+/, '').replace(/-.*/, ''))).toSatisfy((names: string[]) =>
    names.every((name) => ['NotoSerifSC', 'NotoSansSC', 'LXGWWenKai'].includes(name)),
  );
});
