import { isBlankNumber, isPercentCell, parseNumberCell } from '../table/number-cell.ts';
import type { TableGrid } from './table-grid.ts';

/** A figure typed with its unit, `1,200万元`, `12个`: the figure and the unit. */
const WITH_UNIT = /^([-+]?[\d,]+(?:\.\d+)?)\s*([\p{Script=Han}A-Za-z²³/]+)$/u;

/** A column of figures some of which are typed with their unit. */
export interface UnitColumn {
  /** Its heading, the header rows' texts joined with ` / `. */
  readonly heading: string;
  /** Its first figure typed with a unit, `1,200万元`. */
  readonly example: string;
  readonly unit: string;
}

/**
 * The columns of a Word table whose figures are typed with their unit (`1,200万元`), which
 * `::table` reads as text: such a column's 合计 goes unchecked, as a workbook's numbers shown with
 * a unit do (`table-xlsx-unit`). A column is one of figures when each of its body cells is a
 * number, one typed with a unit, a rate (`50%`), `/`, a dash or empty; its first cell, the
 * rows' label, is passed over.
 */
export function unitColumns(grid: TableGrid): UnitColumn[] {
  const body = grid.rows.slice(grid.headerRows);
  const width = grid.rows[0]?.length ?? 0;
  const found: UnitColumn[] = [];
  for (let column = 1; column < width; column++) {
    const cells = body.map((row) => row[column]!.trim()).filter((cell) => cell !== '');
    const typed = cells.map((cell) => WITH_UNIT.exec(cell)).find((match) => match !== null);
    const figures = cells.every((cell) => parseNumberCell(cell) || isBlankNumber(cell) || isPercentCell(cell) || WITH_UNIT.test(cell));
    if (!typed || !figures) continue;
    const heading = [...new Set(grid.rows.slice(0, grid.headerRows).map((row) => row[column]!))].filter(Boolean).join(' / ');
    found.push({ heading, example: typed[0], unit: typed[2]! });
  }
  return found;
}
