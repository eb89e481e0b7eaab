import { describe, expect, it } from 'vitest';
import { columnName, columnPaths } from '../../src/table/column-paths.ts';
import { type HeaderCell, headerCells as merged } from '../../src/table/header-cells.ts';
import type { SpannedCell } from '../../src/table/sources/source.ts';

const csv = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split(',').map((cell) => ({ text: cell })));
/** The merged cells of a header that has no empty `<th>`. */
const headerCells = (rows: readonly (readonly SpannedCell[])[]) => {
  const { cells, blanks } = merged(rows);
  expect(blanks).toEqual([]);
  return cells;
};
/** `text` with `↓rowspan` / `→colspan` when above 1: short enough to read a whole header. */
const show = (rows: HeaderCell[][]) =>
  rows.map((row) => row.map((cell) => `${cell.text}${cell.rowspan > 1 ? `↓${cell.rowspan}` : ''}${cell.colspan > 1 ? `→${cell.colspan}` : ''}`));

const reference = csv(`
序号,区县名称,改造计划,改造计划,改造进展情况,改造进展情况,改造进展情况,改造进展情况
序号,区县名称,涉及户数(户),小区数(个),1. 正在开展,1. 正在开展,2. 已完成,2. 已完成
序号,区县名称,涉及户数(户),小区数(个),户数(户),小区数(个),户数(户),小区数(个)
`);

describe('headerCells', () => {
  it('merges the reference three-level header', () => {
    expect(show(headerCells(reference))).toEqual([
      ['序号↓3', '区县名称↓3', '改造计划→2', '改造进展情况→4'],
      ['涉及户数(户)↓2', '小区数(个)↓2', '1. 正在开展→2', '2. 已完成→2'],
      ['户数(户)', '小区数(个)', '户数(户)', '小区数(个)'],
    ]);
  });

  it('places each cell at the row and column it starts in', () => {
    const [, second = []] = headerCells(reference);
    expect(second[2]).toEqual({ text: '1. 正在开展', row: 1, column: 4, rowspan: 1, colspan: 2 });
  });

  it('splits a horizontal merge at a boundary of the row above', () => {
    expect(show(headerCells(csv('计划,计划,进展,进展\n户数,户数,户数,户数')))).toEqual([
      ['计划→2', '进展→2'],
      ['户数→2', '户数→2'],
    ]);
  });

  it('merges down only with the same text and the same columns', () => {
    expect(show(headerCells(csv('户数,户数,小区数\n户数,户数,小区数\n户数,合计,小区数')))).toEqual([['户数↓2→2', '小区数↓3'], [], ['户数', '合计']]);
  });

  it('does not merge a narrower cell into a wider one above', () => {
    expect(show(headerCells(csv('甲,甲,乙\n甲,丙,乙')))).toEqual([
      ['甲→2', '乙↓2'],
      ['甲', '丙'],
    ]);
  });

  it('gives an Excel-saved merged header (empty cells) the same cells as the repeated form', () => {
    const excel = csv(`
序号,区县名称,改造计划,,改造进展情况,,,
,,涉及户数(户),小区数(个),1. 正在开展,,2. 已完成,
,,,,户数(户),小区数(个),户数(户),小区数(个)
`);
    expect(headerCells(excel)).toEqual(headerCells(reference));
  });

  it('joins an empty cell to the one above when that spans one column, else to the one on its left', () => {
    // 备注 spans down although 小区数 is to its left: that merge would cross 计划's edge.
    expect(show(headerCells(csv('地区,计划,,备注\n,户数,小区数,')))).toEqual([
      ['地区↓2', '计划→2', '备注↓2'],
      ['户数', '小区数'],
    ]);
  });

  it('lets a row empty under the whole of a wider cell join it', () => {
    expect(show(headerCells(csv('地区,计划,\n,,\n,户数,小区数')))).toEqual([['地区↓3', '计划↓2→2'], [], ['户数', '小区数']]);
  });

  it('reports an empty cell that joins nothing, and a last column without a heading', () => {
    expect(merged(csv(',指标,指标\n地区,户数,小区数')).blanks).toEqual([{ kind: 'joins-nothing', row: 0, column: 0, above: undefined }]);
    expect(merged(csv('计划,,\n,户数,小区数')).blanks).toEqual([{ kind: 'joins-nothing', row: 1, column: 0, above: '计划' }]);
    expect(merged(csv('地区,户数,\n地区,户数,')).blanks).toEqual([{ kind: 'untitled', row: 0, column: 2 }]);
  });

  it('continues explicit spans through empty cells that are not part of a merge', () => {
    const rows = [
      [{ text: '序号', rowSpan: 2 }, { text: '计划', colSpan: 2 }, { text: '' }],
      [{ text: '' }, { text: '户数' }, { text: '小区数' }],
      [{ text: '' }, { text: '' }, { text: '' }],
    ];
    expect(show(headerCells(rows))).toEqual([['序号↓3', '计划→2'], ['户数↓2', '小区数↓2'], []]);
  });

  it('leaves a single header row as it is', () => {
    expect(show(headerCells(csv('区县,户数,户数')))).toEqual([['区县', '户数→2']]);
  });
});

describe('headerCells with explicit spans', () => {
  it('keeps a given span, cut at the last header row, and merges the other cells by repetition', () => {
    const rows = [
      [{ text: '计划', colSpan: 2 }, { text: '' }, { text: '备注', rowSpan: 5 }, { text: '进展' }, { text: '进展' }],
      [{ text: '户数' }, { text: '户数' }, { text: '' }, { text: '户数' }, { text: '户数' }],
    ];
    expect(show(headerCells(rows))).toEqual([
      ['计划→2', '备注↓2', '进展→2'],
      ['户数→2', '户数→2'],
    ]);
  });

  it('never grows a given span by repetition, across or down', () => {
    const rows = [
      [{ text: '计划', colSpan: 2 }, { text: '' }, { text: '计划' }],
      [{ text: '计划', colSpan: 2 }, { text: '' }, { text: '计划' }],
    ];
    expect(show(headerCells(rows))).toEqual([['计划→2', '计划↓2'], ['计划→2']]);
  });
});

describe('columnPaths', () => {
  it('lists the distinct texts above each column, top-down', () => {
    const paths = columnPaths(headerCells(reference), 8);
    expect(paths.map(columnName)).toEqual([
      '序号',
      '区县名称',
      '改造计划 / 涉及户数(户)',
      '改造计划 / 小区数(个)',
      '改造进展情况 / 1. 正在开展 / 户数(户)',
      '改造进展情况 / 1. 正在开展 / 小区数(个)',
      '改造进展情况 / 2. 已完成 / 户数(户)',
      '改造进展情况 / 2. 已完成 / 小区数(个)',
    ]);
  });

  it('names a column under a merged cell by every heading above it, once', () => {
    expect(columnPaths(headerCells(csv('地区,指标\n,户数')), 2).map(columnName)).toEqual(['地区', '指标 / 户数']);
  });
});
