/**
 * Tables with columns of running text (tests/fixtures/print-pages/text-columns, issue 2022/1): a
 * table with a row taller than a page; a 20-row table with a text column across a page break; a
 * 14-column table whose four text columns (主要做法, 存在问题, 下步措施, 备注) hold 15–56
 * characters a cell, from a workbook with a merged two-row header and from a CSV, which ends the
 * text on an even page. The browser's own widths squeezed the text to three characters a line,
 * and the 14-column table ran over ten landscape pages with rows cut off at their foot. One PDF,
 * measured through its rules and pdftotext's word boxes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderPdfResult, TableFit } from '../../src/print/index.ts';
import { type Box, mmPerPt, pageSizes, pageTexts, tableGrid, type Word, words } from './poppler.ts';
import { printIssue } from './print-pages.ts';

const content = fileURLToPath(new URL('../fixtures/print-pages/text-columns/', import.meta.url));
const outDir = fileURLToPath(new URL('../output/print-pages/', import.meta.url));
const landscape = { width: 841.92, height: 594.96 };
/** A cell's padding each side and a 0.75 pt rule, in mm. */
const padding = 2 + 0.75 * mmPerPt;

/** A CSV of the fixture as rows of cells (its text has no half-width commas or quotes). */
const csv = (name: string): string[][] =>
  readFileSync(`${content}2022/1/${name}`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
const characters = (text: string): number => [...text].length;

/** A table as printed on one page: its rules, and each cell's lines of text by row and column. */
interface PrintedTable {
  readonly rows: readonly number[];
  readonly columns: readonly number[];
  readonly cells: readonly (readonly string[][])[];
  /** Words that cross a rule or lie outside the table: text cut off or running over. */
  readonly outside: readonly Word[];
}

let result: RenderPdfResult;
let allWords: Word[];
let tables: readonly TableFit[];

/**
 * The table inside `area` of `page` (its left edge the table's), read through its rules; `open`
 * where its last row runs on to the next page, with no rule under it at the area's foot.
 */
function printedTable(page: number, area: Box, open = false): PrintedTable {
  const grid = tableGrid(result.output, page, area);
  const columns = grid.columns;
  const rows = open ? [...grid.rows, area.bottom] : grid.rows;
  const cells = rows.slice(1).map(() => columns.slice(1).map((): Word[] => []));
  const outside: Word[] = [];
  for (const word of allWords.filter((candidate) => candidate.page === page && candidate.yMin >= rows[0]! && candidate.yMax <= rows.at(-1)!)) {
    const middle = (word.yMin + word.yMax) / 2;
    const row = rows.findIndex((rule, index) => rule < middle && middle < rows[index + 1]!);
    const column = columns.findIndex((rule, index) => rule - 0.15 < word.xMin && word.xMax < columns[index + 1]! + 0.15);
    if (row < 0 || column < 0) outside.push(word);
    else cells[row]![column]!.push(word);
  }
  // A cell's words by line (their tops within a millimetre), each line's words joined.
  const lines = (found: Word[]): string[] => {
    const sorted = [...found].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    const result: Array<{ top: number; words: Word[] }> = [];
    for (const word of sorted) {
      const line = result.find((candidate) => Math.abs(candidate.top - word.yMin) < 1);
      if (line) line.words.push(word);
      else result.push({ top: word.yMin, words: [word] });
    }
    return result.map((line) =>
      line.words
        .sort((a, b) => a.xMin - b.xMin)
        .map((word) => word.text)
        .join(''),
    );
  };
  return { rows, columns, cells: cells.map((row) => row.map(lines)), outside };
}

/** The landscape 版心 (225 × 156 mm, 35 mm from the left edge; its top 28 mm on an odd page, 26 on an even one). */
const wideArea = (page: number): Box => ({ left: 35, right: 35 + 225, top: page % 2 === 1 ? 28 : 26, bottom: page % 2 === 1 ? 184 : 182 });
const widths = (table: PrintedTable): number[] => table.columns.slice(1).map((rule, index) => rule - table.columns[index]!);

beforeAll(async () => {
  result = await printIssue(content, '2022/1/', outDir, 'text-columns');
  allWords = words(result.output);
  tables = result.layout.tables;
});

describe('a row taller than a page', () => {
  const rows = csv('issues.csv');
  /** The table on `page`, from its header's top to `bottom`: the foot of the 版心, where a split row runs on. */
  const printedOn = (page: number, open: boolean, bottom = 37 + 225) => {
    const top = allWords.find((word) => word.page === page && word.text === '序号')!.yMin - 2;
    const left = page % 2 === 1 ? 28 : 26;
    return printedTable(page, { left, right: left + 156, top, bottom }, open);
  };

  it('starts where it falls, below the rows before it, and runs on over the next pages, nothing cut off', () => {
    expect(tables[0]).toMatchObject({ wide: false, zoom: 1, fontSizePt: 12, textColumns: 1, splitRows: 1, pages: [1, 3] });
    // On page 3 a paragraph follows it.
    const next = allWords.find((word) => word.page === 3 && word.text.startsWith('各地要对照问题清单'))!;
    const printed = [printedOn(1, true), printedOn(2, true), printedOn(3, false, next.yMin)];
    for (const table of printed) {
      expect(table.outside).toEqual([]);
      expect(table.cells[0]!.map((lines) => lines.join(''))).toEqual(rows[0]);
    }
    const body = printed.flatMap((table) => table.cells.slice(1));
    expect(body.map((row) => row[2]!.join('')).join('')).toBe(
      rows
        .slice(1)
        .map((row) => row[2])
        .join(''),
    );
    // It starts on page 1, below the row before it and the article's title, and each page it
    // runs off is filled to the foot of the 版心 (its last line within two lines of 12 pt).
    const names = (table: PrintedTable) =>
      table.cells
        .slice(1)
        .map((row) => row[1]!.join(''))
        .filter(Boolean);
    expect(printed.map(names)).toEqual([['梅江区', '梅县区'], [], ['兴宁市', '平远县']]);
    expect(allWords.some((word) => word.page === 1 && word.text === '各地存在问题汇总')).toBe(true);
    for (const page of [1, 2]) {
      const { columns } = printed[page - 1]!;
      const column = allWords.filter((word) => word.page === page && word.xMin > columns[2]! && word.xMax < columns[3]!);
      expect(Math.max(...column.map((word) => word.yMax)), `page ${page}`).toBeGreaterThan(37 + 225 - 2 * 12 * 1.35 * mmPerPt);
    }
  });
});

describe('a 20-row table with a text column across a page break', () => {
  it('keeps its heading and the line introducing it, its header on each page, three rows or more a page', () => {
    // The table does not fit at the foot of page 3, where its title and that line would.
    expect(tables[1]).toMatchObject({ wide: false, textColumns: 1, pages: [4, 5], moved: true });
    for (const text of ['各片区改造项目进展', '各片区改造项目进展如下：']) expect(allWords.find((word) => word.text === text)?.page, text).toBe(4);
    for (const page of [4, 5]) {
      expect(
        allWords.some((word) => word.page === page && word.text === '项目名称'),
        `header on page ${page}`,
      ).toBe(true);
      expect(allWords.filter((word) => word.page === page && word.text.endsWith('片区改造项目')).length, `rows on page ${page}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the same table from a workbook with a merged two-row header', () => {
  const rows = csv('progress.csv').slice(1, 6);

  it('prints its text columns the same way, the merged header on every page', () => {
    expect(tables[2]).toMatchObject({ wide: true, zoom: 1, fontSizePt: 9, textColumns: 4, pages: [7, 8] });
    const printed = [7, 8].map((page) => printedTable(page, wideArea(page)));
    const body = printed.flatMap((table) => table.cells.slice(1));
    expect(body.map((row) => row.slice(10).map((lines) => lines.join('')))).toEqual(rows.map((row) => row.slice(10)));
    for (const row of body) for (const lines of row.slice(10)) for (const line of lines.slice(0, -1)) expect(characters(line), line).toBeGreaterThanOrEqual(5);
    for (const [index, table] of printed.entries()) {
      // Only the merged headings span rules.
      expect(table.outside.map((word) => word.text).sort()).toEqual(['投资情况', '改造小区', '改造规模']);
      expect(
        widths(table)
          .slice(10)
          .every((width) => width >= 6 * 9 * mmPerPt + padding - 0.3),
        `page ${7 + index}`,
      ).toBe(true);
    }
  });
});

describe('a 14-column table with four text columns', () => {
  const rows = csv('progress.csv');
  let printed: PrintedTable[];
  beforeAll(() => {
    printed = [9, 10, 11, 12].map((page) => printedTable(page, wideArea(page)));
  });

  it('prints at 9 pt on four landscape pages, every cell whole in its column, the pages it counted', () => {
    expect(tables[3]).toMatchObject({ wide: true, zoom: 1, fontSizePt: 9, textColumns: 4, splitRows: 0, pages: [9, 12] });
    expect(result.pages).toBe(result.layout.pages);
    const sizes = pageSizes(result.output);
    for (const page of [9, 10, 11, 12]) expect(sizes[page - 1], `page ${page}`).toEqual(landscape);
    for (const table of printed) {
      expect(table.outside).toEqual([]);
      expect(table.columns).toHaveLength(15);
      // The header again on each page.
      expect(table.cells[0]!.map((lines) => lines.join(''))).toEqual(rows[0]);
    }
    // The body rows, as written, a figure never broken.
    const body = printed.flatMap((table) => table.cells.slice(1));
    expect(body.map((row) => row.map((lines) => lines.join('')))).toEqual(rows.slice(1));
    for (const row of body) for (const lines of row.slice(2, 10)) expect(lines).toHaveLength(1);
  });

  it('fills each page but its last: the next row would not fit in what is left at the foot', () => {
    for (const [index, table] of printed.slice(0, -1).entries()) {
      const left = wideArea(9 + index).bottom - table.rows.at(-1)!;
      const next = printed[index + 1]!.rows;
      // The next page's first body row: under its header.
      expect(left, `page ${9 + index}`).toBeLessThan(next[2]! - next[1]!);
    }
  });

  it('sets its text six characters a line or more, a column with more text wider', () => {
    const columns = widths(printed[0]!);
    // A line but a cell's last: one character fewer where a full-width comma may not start the next line (`推进管线迁` / `改，`).
    for (const table of printed)
      for (const row of table.cells.slice(1))
        for (const lines of row.slice(10)) for (const line of lines.slice(0, -1)) expect(characters(line), line).toBeGreaterThanOrEqual(5);
    const text = [10, 11, 12, 13].map((column) => ({
      header: rows[0]![column]!,
      width: columns[column]!,
      length: rows.slice(1).reduce((sum, row) => sum + characters(row[column]!), 0),
    }));
    for (const column of text) expect(column.width, column.header).toBeGreaterThanOrEqual(6 * 9 * mmPerPt + padding - 0.3);
    const byLength = [...text].sort((a, b) => b.length - a.length);
    for (const [index, column] of byLength.slice(1).entries()) expect(column.width, column.header).toBeLessThanOrEqual(byLength[index]!.width + 0.3);
  });

  it('gives each other column no more than its widest figure, name or header word needs', () => {
    for (const table of printed) expect(widths(table)).toEqual(widths(printed[0]!));
    const columns = widths(printed[0]!);
    const pageWords = allWords.filter((word) => word.page >= 9 && word.page <= 12);
    for (let column = 0; column < 10; column++) {
      const [from, to] = [printed[0]!.columns[column]!, printed[0]!.columns[column + 1]!];
      const needs = Math.max(...pageWords.filter((word) => word.xMin > from && word.xMax < to).map((word) => word.xMax - word.xMin));
      // Rounded up to a whole pixel and one more, and each rule set on a whole pixel: 4 px at most.
      expect(columns[column], rows[0]![column]).toBeLessThanOrEqual(needs + padding + 4 * (25.4 / 96));
      expect(columns[column], rows[0]![column]).toBeGreaterThanOrEqual(needs + padding - 0.3);
    }
    // The names take two lines to make room for the text.
    expect(printed.flatMap((table) => table.cells.slice(1)).find((row) => row[1]!.join('') === '广东梅州经济开发区')?.[1]).toEqual(['广东梅州经', '济开发区']);
  });
});

describe('the 版记 after a landscape table that ends the text on an even page', () => {
  it('comes on the even page after a blank one, both unnumbered', () => {
    expect(result.layout.distribution?.page).toBe(14);
    expect(result.pages).toBe(14);
    expect(allWords.filter((word) => word.page === 13)).toEqual([]);
    const last = allWords.filter((word) => word.page === 14);
    expect(last.map((word) => word.text)).toContain('报送：市委办公室、市政府办公室。');
    expect(last.filter((word) => /^[―\d]+$/.test(word.text))).toEqual([]);
  });
});

describe('a header with a note in brackets, 县（市、区）, in a column two characters wide', () => {
  it('keeps the brackets whole on a line of their own, never breaking at their 、', () => {
    const lines = pageTexts(result.output).flatMap((text) => text.split('\n'));
    // Six tables' headers (pdftotext -raw: a cell's lines in turn): `县`, then `（市、区）`, not `县（市、` / `区）`.
    expect(lines.filter((line) => line === '（市、区）')).toHaveLength(6);
    expect(lines.filter((line) => /（市、$|^区）/.test(line))).toEqual([]);
  });
});
