import { isBlankNumber } from '../table/number-cell.ts';
import type { TableGrid } from './table-grid.ts';

/** How Excel and WPS tell a formula when they open a CSV file: by its first character. */
const FORMULA_START = /^[=+\-@]/;
/** A signed figure or rate (`-35`, `+2.1%`), which opens as that number, not as a formula. */
const SIGNED_NUMBER = /^[-+]?(?:\d[\d,]*)?\.?\d+[%‰]?$/;

/** A cell of a Word table that a spreadsheet would run as a formula, with its row and column, from 1. */
export interface FormulaCell {
  readonly text: string;
  readonly row: number;
  readonly column: number;
}

/**
 * The cells of `grid` that Excel or WPS would read as a formula when its CSV file is opened
 * (`=HYPERLINK(…)`, DDE's `=cmd|' /C calc'!A0`), given a `'` before them, which makes them text
 * there, in place: a draft's table holds text, and one made to do harm can hold such a cell for
 * the editor who opens the CSV file to correct a figure. Not a signed figure or a dash.
 */
export function disarmFormulaCells(grid: TableGrid): { readonly rows: string[][]; readonly cells: FormulaCell[] } {
  const cells: FormulaCell[] = [];
  const rows = grid.rows.map((row, line) =>
    row.map((text, column) => {
      const trimmed = text.trim();
      if (!FORMULA_START.test(trimmed) || SIGNED_NUMBER.test(trimmed) || isBlankNumber(trimmed)) return text;
      cells.push({ text: trimmed, row: line + 1, column: column + 1 });
      return `'${text}`;
    }),
  );
  return { rows, cells };
}
