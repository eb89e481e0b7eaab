/**
 * A table of twelve months by district (tests/fixtures/print-pages/monthly), whose names do not
 * all fit on one line beside twelve columns of figures at 12 pt: it prints a size smaller with
 * every name on one line, rather than at 12 pt with the names squeezed to three characters a line
 * (`广东梅` / `州经济` / `开发区`) and the table run over two landscape pages. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { pageTexts } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/monthly/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

let result: RenderPdfResult;
let texts: string[];
beforeAll(async () => {
  result = await printIssue(content, undefined, outDir, 'monthly');
  texts = pageTexts(result.output);
});

it('prints each district’s name on one line, the whole table on one landscape page', () => {
  expect(result.layout.tables).toMatchObject([{ wide: true, fontSizePt: 10.5, pages: [2, 2] }]);
  const page = texts.find((text) => text.includes('逐月用电量情况') && text.includes('合计'));
  expect(page).toBeDefined();
  for (const name of ['广东梅州经济开发区', '梅州高新技术产业园区', '县（市、区）']) expect(page).toContain(name);
});
