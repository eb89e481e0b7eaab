import type { SpannedCell } from './sources/source.ts';

/** One `<th>` of a merged header. */
export interface HeaderCell {
  readonly text: string;
  /** 0-based header row where the cell starts. */
  readonly row: number;
  /** 0-based column where the cell starts. */
  readonly column: number;
  readonly rowspan: number;
  readonly colspan: number;
}

interface Building {
  text: string;
  row: number;
  column: number;
  rowspan: number;
  colspan: number;
}

/**
 * Merge header rows into spanning cells, one list per row, each list holding only the cells
 * that start in that row.
 *
 * A cell with an explicit span (a workbook's merged cells) keeps it, cut at the last header
 * row, and the cells it covers are left out. The other cells, written out in full as in CSV,
 * merge by repetition:
 * - Equal adjacent cells merge across, but never over a boundary of the row above: a merge
 *   stays under one parent cell.
 * - A cell merges down into the cell above when it has the same text and the same columns.
 * - Empty cells in the first row never merge across (nothing says they belong together);
 *   in lower rows, empty cells under one parent merge like any equal cells. Stacked empty
 *   cells merge down like any equal cells.
 *
 * Rows must all have the same length.
 */
export function headerCells(rows: readonly (readonly SpannedCell[])[]): HeaderCell[][] {
  const result: Building[][] = [];
  const spanned = explicitSpans(rows);
  const explicit = new Set(spanned.flat());
  // The cell covering each column in the row above: the parent spans of this row.
  let above: (Building | undefined)[] = [];

  rows.forEach((cells, row) => {
    const texts = cells.map((cell) => cell.text);
    const fixed = spanned[row] ?? [];
    const starting: Building[] = [];
    const covering: Building[] = [];
    let column = 0;
    while (column < texts.length) {
      const given = fixed[column];
      if (given) {
        if (given.row === row && given.column === column) starting.push(given);
        covering[column++] = given;
        continue;
      }
      const text = texts[column] ?? '';
      const parent = above[column];
      let end = column + 1;
      while (end < texts.length && !fixed[end] && texts[end] === text && above[end] === parent && (text !== '' || row > 0)) {
        end++;
      }
      const colspan = end - column;
      let cell: Building;
      if (parent && !explicit.has(parent) && parent.text === text && parent.column === column && parent.colspan === colspan) {
        cell = parent;
        cell.rowspan++;
      } else {
        cell = { text, row, column, rowspan: 1, colspan };
        starting.push(cell);
      }
      for (let index = column; index < end; index++) covering[index] = cell;
      column = end;
    }
    result.push(starting);
    above = covering;
  });

  return result;
}

/** For each header row and column, the explicitly spanning cell covering it, if any: never grown by repetition. */
function explicitSpans(rows: readonly (readonly SpannedCell[])[]): (Building | undefined)[][] {
  const grid: (Building | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, row) => {
    cells.forEach((input, column) => {
      const rowspan = Math.min(input.rowSpan ?? 1, rows.length - row);
      const colspan = Math.min(input.colSpan ?? 1, cells.length - column);
      if ((rowspan <= 1 && colspan <= 1) || grid[row]?.[column]) return;
      const cell: Building = { text: input.text, row, column, rowspan, colspan };
      for (let down = row; down < row + rowspan; down++) {
        for (let across = column; across < column + colspan; across++) (grid[down] ??= [])[across] = cell;
      }
    });
  });
  return grid;
}
