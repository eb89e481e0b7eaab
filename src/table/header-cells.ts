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
 * Merge header rows written out in full into spanning cells, one list per row, each list
 * holding only the cells that start in that row.
 *
 * - Equal adjacent cells merge across, but never over a boundary of the row above: a merge
 *   stays under one parent cell.
 * - A cell merges down into the cell above when it has the same text and the same columns.
 * - Empty cells in the first row never merge across (nothing says they belong together);
 *   in lower rows, empty cells under one parent merge like any equal cells. Stacked empty
 *   cells merge down like any equal cells.
 *
 * Rows must all have the same length.
 */
export function headerCells(rows: readonly (readonly string[])[]): HeaderCell[][] {
  const result: Building[][] = [];
  // The cell covering each column in the row above: the parent spans of this row.
  let above: (Building | undefined)[] = [];

  rows.forEach((texts, row) => {
    const starting: Building[] = [];
    const covering: Building[] = [];
    let column = 0;
    while (column < texts.length) {
      const text = texts[column] ?? '';
      const parent = above[column];
      let end = column + 1;
      while (
        end < texts.length &&
        texts[end] === text &&
        above[end] === parent &&
        (text !== '' || row > 0)
      ) {
        end++;
      }
      const colspan = end - column;
      let cell: Building;
      if (parent && parent.text === text && parent.column === column && parent.colspan === colspan) {
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
