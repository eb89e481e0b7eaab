import { isBlankNumber, parseNumberCell } from './number-cell.ts';

/** A row's label: its first cell that is not blank, `/` or a number; -1 when there is none. */
export function labelIndex(cells: readonly string[]): number {
  return cells.findIndex((cell) => cell !== '' && !isBlankNumber(cell) && parseNumberCell(cell) === undefined);
}

/**
 * How many cells a totals label covers: itself and the blank cells after it, up to the first
 * number column (`合计,,14736` → 2), so the label reads across the text columns.
 */
export function labelSpan(cells: readonly string[], index: number, numberColumns: readonly boolean[]): number {
  let end = index + 1;
  while (end < cells.length && cells[end] === '' && !numberColumns[end]) end++;
  return end - index;
}

/** A label as labels compare, without spaces: print layouts pad two-character labels (`合　计`). */
export function bareLabel(label: string): string {
  return label.replace(/\s+/g, '');
}

/** Whether two labels are the same but for spaces (see `bareLabel`). */
export function sameLabel(a: string, b: string): boolean {
  return bareLabel(a) === bareLabel(b);
}
