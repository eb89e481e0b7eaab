/**
 * Two landscape tables in a row, read from a workbook (tests/fixtures/print-pages/wide-pair):
 * the second (its chart kept to the web) starts a landscape page of its own with its title, as
 * the layout counted, rather than running on below the first and then breaking where the layout
 * had placed it alone; its short names and dates stay whole, the type a size smaller. One PDF.
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
  expect(texts[second - 1]).toContain('乡镇卫生院改造项目');
  // Its rows run on from that page: none is left alone above a break the layout made for another start.
  const rows = [
    '县人民医院',
    '城区污水管网',
    'G205线城区',
    '（已取消）城东农贸市场',
    '高标准农田',
    '城北小学',
    '农村饮水安全',
    '县城供水厂',
    '工业园区',
    '城南公园',
    '乡镇卫生院',
  ];
  const pageOf = (row: string) => texts.findIndex((text, index) => index >= second && text.includes(row));
  // Its title on the first line of its page, not a line down (its margin after the forced break):
  // eight rows there, three on the next.
  expect(rows.map(pageOf)).toEqual([...Array(8).fill(second), ...Array(3).fill(second + 1)]);
});

it('steps the type down rather than break a two-character name or a date over two lines', () => {
  // At 12 pt the table fitted only with every cell wrapped: `王` / `强`, `2023年3` / `月15日`.
  expect(result.layout.tables.map((table) => table.fontSizePt)).toEqual([10.5, 10.5]);
  const lines = pageTexts(result.output).flatMap((text) => text.split('\n'));
  const names = ['王强', '李明', '张伟', '赵六', '陈刚', '刘芳', '黄亮', '吴军', '郑洁', '何平', '林峰'];
  const dates = [
    '2023年3月15日',
    '2024年1月8日',
    '2023年10月20日',
    '2024年2月26日',
    '2024年4月1日',
    '2023年11月6日',
    '2024年3月18日',
    '2024年2月5日',
    '2023年12月12日',
  ];
  expect([...names, ...dates].filter((word) => !lines.some((line) => line.includes(word)))).toEqual([]);
});
