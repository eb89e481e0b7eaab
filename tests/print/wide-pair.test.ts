/**
 * Two landscape tables in a row, read from a workbook (tests/fixtures/print-pages/wide-pair):
 * the second (its chart kept to the web) starts a landscape page of its own with its title, as
 * the layout counted, rather than running on below the first and then breaking where the layout
 * had placed it alone. One PDF.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { pageSizes, pageTexts } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/wide-pair/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));
const landscape = { width: 841.92, height: 594.96 };

let result: RenderPdfResult;
let texts: string[];
beforeAll(async () => {
  result = await printIssue(content, undefined, outDir, 'wide-pair');
  // Each page's text without its spaces and its page number (`— 2 —`), which comes first.
  texts = pageTexts(result.output).map((text) => text.replace(/\s+/g, '').replace(/^―\d+―/, ''));
});

it('starts the second landscape table on a page of its own, and prints the pages the layout counted', () => {
  expect(result.layout.tables.map((table) => table.wide)).toEqual([true, true]);
  expect(result.pages).toBe(result.layout.pages);
  expect(pageSizes(result.output).slice(1)).toEqual(Array(result.pages - 1).fill(landscape));
  // Page 1 lists the titles in its contents; each table's page starts with its title.
  const first = texts.findIndex((text) => text.startsWith('2024年1-5月全县重点项目进展情况'));
  const second = texts.findIndex((text) => text.startsWith('重点项目进展情况（合计在上）'));
  expect([first, second > first + 1]).toEqual([1, true]);
  // The first table's last row and 合计 are on the page before the second's title, which leads its page.
  expect(texts[second - 1]).toContain('农村饮水安全巩固提升工程');
  // Its rows run on from that page: none is left alone above a break the layout made for another start.
  const rows = ['县人民医院', '城区污水管网', 'G205线城区', '（已取消）城东农贸市场', '高标准农田', '城北小学', '农村饮水安全'];
  const pageOf = (row: string) => texts.findIndex((text, index) => index >= second && text.includes(row));
  expect(rows.map(pageOf)).toEqual([second, second, second, second, second + 1, second + 1, second + 1]);
});
