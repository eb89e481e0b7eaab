import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import type { HeaderCell } from '../../src/table/header-cells.ts';
import { renderTable, type TableModel } from '../../src/table/render-table.ts';
import { rowTexts } from '../../src/table/row-text.ts';

const cell = (text: string, row: number, column: number, rowspan = 1, colspan = 1): HeaderCell => ({ text, row, column, rowspan, colspan });

/** 区县 | 计划: 户数, 小区数 | 进场: 户数, 小区数 — the leaf names repeat under two headers. */
function model(rows: number): TableModel {
  return {
    header: [
      [cell('区县', 0, 0, 2), cell('计划', 0, 1, 1, 2), cell('进场', 0, 3, 1, 2)],
      [cell('户数', 1, 1), cell('小区数', 1, 2), cell('户数', 1, 3), cell('小区数', 1, 4)],
    ],
    numberColumns: [false, true, true, true, true],
    rows: Array.from({ length: rows }, (_, index) => [`区${index + 1}`, '10', '2', index === 0 ? '/' : '5', index === 0 ? '/' : '1'].map((text) => ({ text }))),
    total: undefined,
  };
}

describe('rowTexts', () => {
  it('reads each row as its label with header and value pairs, naming repeated headers once by the header above', () => {
    expect(rowTexts(model(2))).toEqual(['区1 · 计划：户数 10，小区数 2。', '区2 · 计划：户数 10，小区数 2 · 进场：户数 5，小区数 1。']);
  });

  it('go into the page hidden, in place of the cells, up to 2,000 rows; a longer table is indexed by its cells', () => {
    const short = toHtml(renderTable(model(2000), '进展情况'));
    expect(short).toContain('<section class="table-wrap" tabindex="0" aria-label="进展情况" data-pagefind-ignore="">');
    expect(short).toContain('<div class="table-text" hidden>\n区1 · 计划：户数 10，小区数 2。\n');
    const long = toHtml(renderTable(model(2001), '进展情况'));
    expect(long).toContain('<section class="table-wrap" tabindex="0" aria-label="进展情况"><table');
    expect(long).not.toContain('table-text');
  });
});
