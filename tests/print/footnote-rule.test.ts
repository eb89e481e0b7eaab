/**
 * The issue's footnotes after a 落款 that ends a page two lines short of its foot
 * (tests/fixtures/print-pages/footnote-rule): the notes went to the next page and their short
 * rule stayed alone at the foot of the page before; it goes over with the first note. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { horizontalRules, words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/footnote-rule/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('keeps the footnotes’ rule with the first note', async () => {
  const result = await printIssue(content, undefined, outDir, 'footnote-rule');
  expect(result.pages).toBe(result.layout.pages);
  const printed = words(result.output);
  // The 落款's date, after the masthead's (pdftotext sets its 日 apart).
  const date = printed.filter((word) => word.text.startsWith('2025年5月4')).at(-1)!;
  // The note, after the article's list, whose first item starts so too.
  const note = printed.filter((word) => word.text.startsWith('1．')).at(-1)!;
  expect(note.page).toBe(date.page + 1);
  // The rule (8 characters, 45 mm: more than a fifth of the page's width) is over the note, and
  // nothing of it under the 落款 at the foot of the page before.
  const rules = (page: number, top: number, bottom: number) => horizontalRules(result.output, page, 0.15, { top, bottom });
  expect(rules(date.page, date.yMax, 262)).toEqual([]);
  const [rule, ...others] = rules(note.page, 30, note.yMin);
  expect(others).toEqual([]);
  expect(rule!.right - rule!.left).toBeGreaterThan(40);
});
