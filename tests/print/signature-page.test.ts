/**
 * A 落款 that would start a page (tests/fixtures/print-pages/signature-page: ten one-line
 * paragraphs fill page 1 to its last line, then the closing sentence) takes the last lines of the
 * text above with it, rather than stand alone at the top of the page. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/signature-page/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('keeps the 落款 on the page of the text it signs', async () => {
  const result = await printIssue(content, undefined, outDir, 'signature-page');
  expect(result.pages).toBe(result.layout.pages);
  const printed = words(result.output);
  const pageOf = (text: string) => printed.find((word) => word.text.includes(text))?.page;
  expect(pageOf('平远县农业农村局')).toBe(2);
  expect(pageOf('末段。')).toBe(2);
  // Page 1 still holds the text before the closing sentence.
  expect(pageOf('第10')).toBe(1);
});
