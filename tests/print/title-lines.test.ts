/**
 * A title written on two lines (` / `) whose second is longer than a line
 * (tests/fixtures/print-pages/title-lines) is balanced line by line: Chromium balanced only the
 * first, and the second broke greedily, leaving `成效` alone on its last line. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/title-lines/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('balances each line of a title written on two lines', async () => {
  const result = await printIssue(content, undefined, outDir, 'title-lines');
  expect(result.pages).toBe(result.layout.pages);
  // The title's printed lines, as pdftotext reads each: a line of Chinese is one word.
  // At 二号 (22 pt), taller than the contents list's lines, which name the title too.
  const title = words(result.output).filter((word) => /宜居|成效/.test(word.text) && word.yMax - word.yMin > 7);
  expect(title.map((word) => word.text)).toEqual(['扎实推进宜居宜业和美乡村', '建设取得阶段性成效']);
  // The bookmark keeps the whole title, its lines joined by a space.
  expect(result.layout.headings).toContain('平远县深入学习运用“千村示范、万村整治”工程经验 扎实推进宜居宜业和美乡村建设取得阶段性成效');
});
