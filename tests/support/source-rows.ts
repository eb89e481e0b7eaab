import type { SourcePlace } from '../../src/table/problem.ts';
import { csvLabel } from '../../src/table/sources/csv.ts';
import type { SourceRow } from '../../src/table/sources/source.ts';

const label = csvLabel('test.csv');

/** A place in `test.csv`, equal to the places of `sourceRows`. */
export const at = (line: number, column: number): SourcePlace => ({ line, column, label });

/** Rows as the CSV source gives them, from lines of cells split at `separator`, the first on `firstLine`. */
export function sourceRows(lines: readonly string[], separator: string, firstLine = 1): SourceRow[] {
  return lines.map((text, index) => {
    const line = firstLine + index;
    return { cells: text.split(separator).map((cell, column) => ({ text: cell, place: at(line, column + 1) })), place: at(line, 1) };
  });
}
