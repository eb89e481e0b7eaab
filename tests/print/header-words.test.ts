/**
 * A table with a column of running text (备注) beside short columns headed by one word each
 * (tests/fixtures/print-pages/header-words: 序号, 镇名, 责任人, 职务): those headers broke inside
 * the word (`序` / `号`, `责任` / `人`), the text column taking the room; they print whole. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/header-words/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

it('prints a header of one short word beside running text whole', async () => {
  const result = await printIssue(content, undefined, outDir, 'header-words');
  expect(result.layout.tables[0]).toMatchObject({ wide: false, textColumns: 1 });
  const printed = words(result.output).map((word) => word.text);
  for (const header of ['序号', '镇名', '责任人', '职务']) expect(printed, header).toContain(header);
});
