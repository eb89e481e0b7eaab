import { columnName } from './column-paths.ts';
import { labelIndex, sameLabel } from './label-cell.ts';
import { numberColumns } from './number-columns.ts';
import { atScale, formatDecimal, NOT_APPLICABLE, parseNumberCell, type Decimal } from './number-cell.ts';
import type { Problem } from './problem.ts';
import type { CsvRow } from './read-csv.ts';

export interface TotalsOptions {
  /** Label of the totals row, e.g. `合计`. */
  readonly label: string;
  /** Compute and append a totals row when the body has none. */
  readonly append: boolean;
}

/** The totals row: from the CSV (with its line) or computed (without). */
export interface TotalRow {
  readonly cells: readonly string[];
  readonly line: number | undefined;
  /** Where it is rendered: before `rows[at]`, or last when `at` is `rows.length`. */
  readonly at: number;
}

export interface Totals {
  readonly numberColumns: readonly boolean[];
  /** Body rows without the totals row. */
  readonly rows: readonly CsvRow[];
  readonly total: TotalRow | undefined;
  readonly problems: readonly Problem[];
}

/**
 * Find number columns, check that their cells are numbers, and check (or compute) the totals
 * row. A totals row sums the rows above it; placed first, it sums the rows below it.
 * `paths` are the column header paths, for messages.
 */
export function totals(
  body: readonly CsvRow[],
  paths: readonly (readonly string[])[],
  options: TotalsOptions,
): Totals {
  const problems: Problem[] = [];
  const isTotal = (row: CsvRow) => sameLabel(row.cells[labelIndex(row.cells)] ?? '', options.label);
  const totalAt = body.findIndex(isTotal);
  const rows = body.filter((row) => !isTotal(row));
  const numeric = numberColumns(rows.map((row) => row.cells), paths);
  const name = (column: number) => columnName(paths[column] ?? []);

  const first = body[totalAt];
  for (const row of first ? body.slice(totalAt + 1).filter(isTotal) : []) {
    problems.push({
      reason: `Unexpected second ${options.label} row, the first is on line ${first?.line}; keep one`,
      ruleId: 'table-total',
      place: { line: row.line, column: labelIndex(row.cells) + 1 },
    });
  }

  // Columns with a bad cell: their sums would only repeat that problem.
  const broken = new Set<number>();
  // Parsed number cells per column; anything else in a number column is reported once here.
  const parsed = (row: CsvRow, column: number, skip = -1): Decimal | undefined => {
    const cell = row.cells[column] ?? '';
    if (cell === '' || cell === NOT_APPLICABLE || column === skip) return undefined;
    const value = parseNumberCell(cell);
    if (!value) {
      broken.add(column);
      problems.push({
        reason: `Expected a number in column “${name(column)}”, got “${cell}”`,
        ruleId: 'table-number',
        place: { line: row.line, column: column + 1 },
      });
    }
    return value;
  };
  const values = rows.map((row) => numeric.map((yes, column) => (yes ? parsed(row, column) : undefined)));

  // The first `count` rows' sum, exact, at their finest precision.
  const sum = (column: number, count: number): Decimal => {
    const cells = values.slice(0, count).map((row) => row[column]);
    const scale = Math.max(0, ...cells.map((value) => value?.scale ?? 0));
    const grouped = cells.some((value) => value?.grouped);
    const units = cells.reduce((total, value) => total + (value ? atScale(value, scale) : 0n), 0n);
    return { units, scale, grouped };
  };

  if (first) {
    // Rows above the first totals row are all body rows; a totals row on top sums the rest.
    const count = totalAt === 0 ? rows.length : totalAt;
    const where = totalAt === 0 ? 'below' : 'above';
    const label = labelIndex(first.cells);
    numeric.forEach((yes, column) => {
      if (!yes) {
        if (column !== label) problems.push(...unsummable(first, column, rows.slice(0, count), `${options.label} value`, name(column)));
        return;
      }
      const stated = parsed(first, column, label);
      if (!stated || broken.has(column)) return;
      const expected = sum(column, count);
      const scale = Math.max(stated.scale, expected.scale);
      const units = atScale(expected, scale);
      if (atScale(stated, scale) === units) return;
      problems.push({
        reason:
          `${options.label} value ${first.cells[column]} in column “${name(column)}” does not ` +
          `match the sum of the rows ${where}, ${formatDecimal(units, scale, stated.grouped)}`,
        ruleId: 'table-total',
        place: { line: first.line, column: column + 1 },
      });
    });
    return { numberColumns: numeric, rows, total: { ...first, at: totalAt }, problems };
  }

  if (!options.append) return { numberColumns: numeric, rows, total: undefined, problems };

  // The label goes in the first text column, where a written 合计 row would have it.
  const labelAt = Math.max(0, numeric.indexOf(false));
  const cells = numeric.map((yes, column) => {
    if (column === labelAt) return options.label;
    if (!yes) return '';
    const { units, scale, grouped } = sum(column, rows.length);
    return formatDecimal(units, scale, grouped);
  });
  return { numberColumns: numeric, rows, total: { cells, line: undefined, at: rows.length }, problems };
}

// How many of a column's text cells a message names before it says how many more there are.
const NAMED_CELLS = 5;

/**
 * A number in the totals row of a column that is not a number column cannot be checked: report
 * it, naming the cells above (or below) that are not numbers, unless all of them are (a 序号
 * column, which is never summed).
 */
function unsummable(total: CsvRow, column: number, rows: readonly CsvRow[], what: string, name: string): Problem[] {
  const stated = total.cells[column] ?? '';
  if (!parseNumberCell(stated)) return [];
  const text = rows.filter((row) => {
    const cell = row.cells[column] ?? '';
    return cell !== '' && cell !== NOT_APPLICABLE && !parseNumberCell(cell);
  });
  if (text.length === 0) return [];
  const named = text.slice(0, NAMED_CELLS).map((row) => `“${row.cells[column]}” (line ${row.line})`);
  const more = text.length > NAMED_CELLS ? ` and ${text.length - NAMED_CELLS} more` : '';
  return [{
    reason:
      `${what} ${stated} in column “${name}” cannot be checked: ${named.join(', ')}${more} ` +
      `${text.length === 1 ? 'is not a number' : 'are not numbers'}; write them as numbers, ` +
      `or \`/\` where a figure does not apply (counted as 0)`,
    ruleId: 'table-total-non-number',
    place: { line: total.line, column: column + 1 },
  }];
}
