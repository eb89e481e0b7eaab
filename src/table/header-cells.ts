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

/**
 * An empty header cell that continues no merge (`joins-nothing`), or a last column with no
 * heading in any header row (`untitled`): either would print as an empty `<th>`.
 */
export interface HeaderBlank {
  readonly kind: 'joins-nothing' | 'untitled';
  /** 0-based header row and column of the cell. */
  readonly row: number;
  readonly column: number;
  /** For `joins-nothing`: the heading above, which spans more columns than this one. */
  readonly above?: string | undefined;
}

export interface Header {
  /** One list per header row, each holding only the cells that start in that row. */
  readonly cells: HeaderCell[][];
  readonly blanks: readonly HeaderBlank[];
}

interface Building {
  text: string;
  row: number;
  column: number;
  rowspan: number;
  colspan: number;
}

/**
 * Merge header rows into spanning cells. The same rules for every format, so a CSV saved by
 * Excel from a merged header, the same header written out in full, and the workbook itself give
 * one table:
 * - A cell with an explicit span (a workbook's merged cells) keeps it, cut at the last header
 *   row, and the cells it covers are left out.
 * - Equal adjacent cells merge across, but never over a boundary of the row above: a merge
 *   stays under one parent cell. A cell merges down into the cell above when it has the same
 *   text and the same columns (an explicit span never grows by repetition).
 * - An empty cell continues a merge, as Excel writes merged cells to CSV: it joins the cell
 *   above when that cell spans only its column, otherwise the cell to its left under the same
 *   parent; a row that is empty under the whole width of a wider cell above joins that cell.
 *   Since no merge crosses a boundary of the row above, at most one of the two fits. An empty
 *   cell that fits neither, and a last column with no heading at all, are `blanks`.
 *
 * Rows must all have the same length.
 */
export function headerCells(rows: readonly (readonly SpannedCell[])[]): Header {
  const result: Building[][] = [];
  const blanks: HeaderBlank[] = [];
  const spanned = explicitSpans(rows);
  const explicit = new Set(spanned.flat());
  const width = rows[0]?.length ?? 0;
  const last = width - 1;
  if (width > 0 && rows.every((cells, row) => cells[last]?.text === '' && !spanned[row]?.[last])) {
    blanks.push({ kind: 'untitled', row: 0, column: last });
  }
  // The cell covering each column in the row above: the parent spans of this row.
  let above: (Building | undefined)[] = [];

  rows.forEach((cells, row) => {
    const texts = cells.map((cell) => cell.text);
    const fixed = spanned[row] ?? [];
    const starting: Building[] = [];
    const covering: Building[] = [];
    const blank = (column: number) => texts[column] === '' && !fixed[column];
    let column = 0;
    while (column < width) {
      const given = fixed[column];
      if (given) {
        if (given.row === row && given.column === column) starting.push(given);
        covering[column++] = given;
        continue;
      }
      const parent = above[column];
      if (blank(column)) {
        const left = covering[column - 1];
        if (parent && parent.colspan === 1) {
          parent.rowspan++;
          covering[column++] = parent;
        } else if (left && left.row === row && left.rowspan === 1 && above[column - 1] === parent) {
          left.colspan++;
          covering[column++] = left;
        } else if (parent && parent.column === column && range(column, parent.colspan).every(blank)) {
          parent.rowspan++;
          for (const index of range(column, parent.colspan)) covering[index] = parent;
          column += parent.colspan;
        } else {
          if (!(row === 0 && column === last && blanks[0]?.kind === 'untitled')) {
            blanks.push({ kind: 'joins-nothing', row, column, above: parent?.text });
          }
          const cell = { text: '', row, column, rowspan: 1, colspan: 1 };
          starting.push(cell);
          covering[column++] = cell;
        }
        continue;
      }
      const text = texts[column] ?? '';
      let end = column + 1;
      while (end < width && !fixed[end] && texts[end] === text && above[end] === parent) end++;
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

  return { cells: result, blanks };
}

/** `count` column indexes from `start`. */
function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => start + index);
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
