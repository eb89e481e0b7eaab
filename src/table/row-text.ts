import { columnPaths, oneLine } from './column-paths.ts';
import { labelIndex } from './label-cell.ts';
import { isBlankNumber } from './number-cell.ts';
import type { HeaderCell } from './header-cells.ts';
import type { SpannedCell } from './sources/source.ts';

/** What a row's sentence is made from: the table as `renderTable` draws it (its `TableModel`). */
export interface RowTextTable {
  readonly header: readonly (readonly HeaderCell[])[];
  readonly numberColumns: readonly boolean[];
  readonly rows: readonly (readonly SpannedCell[])[];
  readonly total: { readonly cells: readonly string[]; readonly at: number } | undefined;
}

/**
 * Each body row (and the totals row) as one sentence a search result can quote: the row's label,
 * then the cells after it with their headers, ending in `。`:
 * `梅县区 · 改造计划：涉及户数(户) 2034，小区数(个) 15 · 2. 已完成…的项目：户数(户) 2034，小区数(个) 15。`
 * Columns under one header whose names repeat elsewhere in the table (`户数(户)`) are named
 * after that header once; cells that do not apply (`/`) or are blank are left out.
 */
export function rowTexts(model: RowTextTable): string[] {
  const paths = columnPaths(model.header, model.numberColumns.length);
  const leaves = paths.map((path) => path.at(-1) ?? '');
  const repeated = new Set(leaves.filter((leaf, column) => leaves.indexOf(leaf) !== column));
  const rows = model.rows.map((cells) => cells.map((cell) => cell.text));
  if (model.total) rows.splice(model.total.at, 0, [...model.total.cells]);
  return rows.flatMap((cells) => {
    const label = labelIndex(cells);
    if (label === -1) return [];
    // Consecutive number columns under one parent header, each with its cells as `name value`.
    const groups: { parent: string | undefined; pairs: string[]; repeats: boolean }[] = [];
    cells.forEach((cell, column) => {
      // Every cell after the label: figures, rates (`85.3%`) and text (a 备注, a 责任单位).
      if (column <= label || cell === '' || isBlankNumber(cell)) return;
      const path = paths[column]!;
      const parent = path.length > 1 ? path.at(-2) : undefined;
      const last = groups.at(-1);
      const group = last && last.parent === parent ? last : { parent, pairs: [], repeats: false };
      if (group !== last) groups.push(group);
      group.pairs.push(`${leaves[column]} ${oneLine(cell)}`);
      group.repeats ||= repeated.has(leaves[column]!);
    });
    const parts = groups.flatMap((group) => (group.repeats && group.parent ? [`${group.parent}：${group.pairs.join('，')}`] : group.pairs));
    return [`${[oneLine(cells[label]!), ...parts].join(' · ')}。`];
  });
}
