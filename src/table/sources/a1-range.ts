/** A block of sheet cells, 1-based and inclusive, as A1 notation writes it (`A3:H12`). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

// Excel's last column is XFD (16384) and its last row 1048576.
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/** `A3:H12` (also `$A$3:$H$12`, `h12:a3`, a single cell `B2`) as a range, or undefined when it is not A1 notation. */
export function parseRange(text: string): CellRange | undefined {
  const [first = '', second = first, ...rest] = text.trim().toUpperCase().split(':');
  if (rest.length > 0) return undefined;
  const from = parseCell(first);
  const to = parseCell(second);
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.column, to.column),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.column, to.column),
  };
}

function parseCell(text: string): { row: number; column: number } | undefined {
  const match = CELL.exec(text);
  if (!match) return undefined;
  const [, letters = '', digits = ''] = match;
  const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  const row = Number(digits);
  return row >= 1 && row <= MAX_ROW && column <= MAX_COLUMN ? { row, column } : undefined;
}

/** A 1-based column number as its letters: 1 → `A`, 28 → `AB`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
