/**
 * Tables across page breaks (tests/fixtures/print-pages/tables/2021/1): a 3 + 10-row table after a
 * long article that would have been split at a page's foot, a 26-row table that would have
 * left rows alone at the top of a page, and a third table; one PDF.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderPdfResult } from '../../src/print/index.ts';
import { pageTexts } from './poppler.ts';
import { printedTables, printFixtureIssue, type PrintedRow } from './print-pages.ts';

let result: RenderPdfResult;
let texts: string[];
let tables: PrintedRow[][];

beforeAll(async () => {
  result = await printFixtureIssue('2021/1/', 'table-breaks');
  texts = pageTexts(result.output);
  tables = printedTables(texts);
});

const pagesOf = (rows: readonly PrintedRow[]) => [...new Set(rows.map((row) => row.page))];
const rowsOn = (rows: readonly PrintedRow[], page: number) => rows.filter((row) => row.page === page).length;

describe('tables across page breaks', () => {
  it('finds the three tables in the PDF, every row once', () => {
    expect(tables.map((rows) => rows.length)).toEqual([10, 27, 10]);
    expect(tables.map((rows) => rows.at(-1)?.label)).toEqual(['合计', '合计', '合计']);
    expect(result.layout.tables.map((table) => table.pages)).toEqual(tables.map((rows) => [rows[0]!.page, rows.at(-1)!.page]));
  });

  it('moves a table that fits on a page whole to the next page, with its title', () => {
    const [first, , third] = tables;
    expect(pagesOf(first!)).toHaveLength(1);
    expect(pagesOf(third!)).toHaveLength(1);
    // Not vacuous: the first table would have been split at the foot of the page before.
    expect(result.layout.tables[0]).toMatchObject({ moved: true, pushedRows: 0 });
    const page = first![0]!.page;
    const title = '2021年1月梅州市城镇老旧小区改造进展情况';
    expect(texts[page - 1]!.replace(/\s+/g, '')).toContain(title);
    expect(texts[page - 2]!.replace(/\s+/g, '')).not.toContain(title);
  });

  it('never splits a table as 1 + 9: at least 3 body rows at a page foot and 3 (with the 合计) on the next', () => {
    for (const rows of tables) {
      const pages = pagesOf(rows);
      if (pages.length === 1) continue;
      expect(rowsOn(rows, pages[0]!), `rows at the foot of page ${pages[0]}`).toBeGreaterThanOrEqual(3);
      expect(rowsOn(rows, pages.at(-1)!), `rows at the top of page ${pages.at(-1)}`).toBeGreaterThanOrEqual(3);
    }
    // Not vacuous: the long table crosses pages, and a row was pushed over to keep 3 together.
    const long = tables[1]!;
    expect(pagesOf(long).length).toBeGreaterThan(1);
    expect(result.layout.tables[1]?.pushedRows).toBeGreaterThan(0);
  });

  it('repeats the header rows on every page a table crosses', () => {
    for (const page of pagesOf(tables[1]!)) expect(texts[page - 1]).toContain('序号 区县名称');
  });

  it('keeps the 版记 on an even last page', () => {
    expect(result.layout.pages).toBe(result.pages);
    expect(result.layout.distribution?.page).toBe(result.pages);
    expect(result.pages % 2).toBe(0);
  });
});
