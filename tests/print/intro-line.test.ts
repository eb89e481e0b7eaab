/**
 * A table whose page break comes right after the line introducing it (`…情况如下表：`,
 * tests/fixtures/print-pages/intro-line): the line moves with the table to the next page, rather
 * than closing the page above it with the table's place left empty. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { pageTexts } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/intro-line/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));

let result: RenderPdfResult;
let texts: string[];
beforeAll(async () => {
  result = await printIssue(content, undefined, outDir, 'intro-line');
  texts = pageTexts(result.output).map((text) => text.replace(/\s+/g, ''));
});

it('moves the line introducing a table to the table’s page', () => {
  const intro = texts.findIndex((text) => text.includes('改造进展情况如下表：'));
  const table = texts.findIndex((text) => text.includes('1梅江区484'));
  expect(intro).toBeGreaterThan(0);
  expect(table).toBe(intro);
  expect(result.layout.tables[0]).toMatchObject({ moved: true, wide: false });
});
