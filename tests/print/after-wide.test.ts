/**
 * The article after a landscape table (tests/fixtures/print-pages/after-wide: a 10-column table,
 * then an article): its title, on the portrait page after the landscape one, started a line down,
 * its margin kept after the change of page; it starts on the 版心's first line, as does the
 * landscape table's own title on its page. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/after-wide/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));
/** One grid line, 225 / 22 mm. */
const LINE = 225 / 22;

it('starts the titles around a landscape table on the first line of their pages', async () => {
  const result = await printIssue(content, undefined, outDir, 'after-wide');
  expect(result.pages).toBe(result.layout.pages);
  expect(result.layout.tables[0]).toMatchObject({ wide: true });
  const printed = words(result.output);
  // The landscape page's 版心 starts 28 mm from its top (an odd page's 订口), a portrait one's 37 mm.
  const wide = printed.find((word) => word.text === '各镇扎实开展汛前安全隐患大排查' && word.page > 1)!;
  const after = printed.find((word) => word.text === '县水务局开展水库安全度汛检查' && word.page > 1)!;
  expect(after.page).toBe(wide.page + 1);
  expect(Math.abs(wide.yMin - (wide.page % 2 === 1 ? 28 : 26))).toBeLessThan(LINE / 2);
  expect(Math.abs(after.yMin - 37)).toBeLessThan(LINE / 2);
});
