import { sameLabel } from './label-cell.ts';
import { halfWidth, isBlankNumber, parseNumberCell } from './number-cell.ts';

// Row numbers are numbers, but neither summed nor aligned as quantities.
const ROW_NUMBER_HEADERS = ['序号', '编号'];

/**
 * Whether each column is a number column: most of its body cells that are not blank or `/`
 * are numbers, typed full-width or not. A column headed `序号` or `编号` never is.
 */
export function numberColumns(rows: readonly (readonly string[])[], paths: readonly (readonly string[])[]): boolean[] {
  return paths.map((path, column) => {
    if (path.some((text) => ROW_NUMBER_HEADERS.some((header) => sameLabel(text, header)))) {
      return false;
    }
    let numbers = 0;
    let others = 0;
    for (const cells of rows) {
      const cell = cells[column] ?? '';
      if (cell === '' || isBlankNumber(cell)) continue;
      // A figure typed full-width (`１２０`) is still a figure, for the check to name: a column of
      // them is no text column whose 合计 goes unchecked.
      if (parseNumberCell(cell) || halfWidth(cell)) numbers++;
      else others++;
    }
    return numbers > others;
  });
}
