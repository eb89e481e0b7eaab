import type { ChartRequest } from './chart-attributes.ts';
import { columnName } from './column-paths.ts';
import { labelIndex } from './label-cell.ts';
import { atScale, formatDecimal, isBlankNumber, parseNumberCell } from './number-cell.ts';
import type { Problem } from './problem.ts';
import { cellTexts, type SourceRow } from './sources/source.ts';

/** The columns of a stacked chart: the whole, its parts in column order, the part that is done. */
export interface StackedColumns {
  readonly whole: number;
  readonly parts: readonly number[];
  readonly done: number;
}

/**
 * Which of the selected columns is the whole (`chart-whole`, else the first) and which part is
 * done (`chart-done`, else the last part: progress tables list their stages in order).
 */
export function stackedColumns(
  request: ChartRequest,
  columns: readonly number[],
  paths: readonly (readonly string[])[],
): { readonly stacked: StackedColumns } | { readonly problem: Problem } {
  const name = (column: number) => `“${columnName(paths[column] ?? [])}”`;
  if (columns.length < 2) {
    return {
      problem: {
        reason:
          `Expected \`chart="${request.selector}"\` to select a whole and at least one part for a stacked chart, ` +
          `got only ${columns.map(name).join('')}; choose a text that more number columns share, or draw it with \`chart-type="grouped"\``,
        ruleId: 'table-chart-whole',
      },
    };
  }

  const whole = pick(request.whole, columns, paths, 'chart-whole') ?? columns[0]!;
  if (typeof whole !== 'number') return whole;
  const parts = columns.filter((column) => column !== whole);
  const done = pick(request.done, parts, paths, 'chart-done') ?? parts.at(-1)!;
  if (typeof done !== 'number') return done;
  return { stacked: { whole, parts, done } };
}

/**
 * The one column among `columns` whose header contains `text`, or why there is not one. Of
 * several, the one it names more closely: by its whole path as messages print it (`年度计划 /
 * 计划投资`), by a heading equal to it, or by its own (lowest) heading.
 */
function pick(
  text: string | undefined,
  columns: readonly number[],
  paths: readonly (readonly string[])[],
  attribute: 'chart-whole' | 'chart-done',
): number | { readonly problem: Problem } | undefined {
  if (text === undefined) return undefined;
  const path = (column: number) => paths[column] ?? [];
  const named = columns.filter((column) => columnName(path(column)) === text);
  if (named.length === 1) return named[0];
  const matches = columns.filter((column) => path(column).some((cell) => cell.includes(text)));
  if (matches.length === 1) return matches[0];
  for (const closer of [(column: number) => path(column).includes(text), (column: number) => path(column).at(-1)?.includes(text) === true]) {
    const narrowed = matches.filter(closer);
    if (narrowed.length === 1) return narrowed[0];
  }
  const among = columns.map((column) => `“${columnName(paths[column] ?? [])}”`).join(', ');
  const what = attribute === 'chart-whole' ? 'the columns `chart` selected' : 'the parts (the selected columns but the whole)';
  return {
    problem: {
      reason:
        matches.length === 0
          ? `Expected \`${attribute}="${text}"\` to match the header of one of ${what}: ${among}`
          : `Expected \`${attribute}="${text}"\` to match one column, but it matches ${matches.length} of ${what}: ${among}; use a longer text`,
      ruleId: attribute === 'chart-whole' ? 'table-chart-whole' : 'table-chart-done',
    },
  };
}

/**
 * Rows whose parts add up to more than their whole: the parts would overrun the whole's bar,
 * so the table or the choice of whole is wrong. Sums are exact decimals, as in totals.ts.
 */
export function overrunParts(rows: readonly SourceRow[], stacked: StackedColumns, paths: readonly (readonly string[])[]): Problem[] {
  return rows.flatMap((row) => {
    const texts = cellTexts(row);
    const values = [stacked.whole, ...stacked.parts].map((column) => parseNumberCell(isBlankNumber(texts[column] ?? '') ? '0' : (texts[column] ?? '')));
    if (values.some((value) => value === undefined)) return [];
    const scale = Math.max(...values.map((value) => value!.scale));
    const [whole = 0n, ...parts] = values.map((value) => atScale(value!, scale));
    const sum = parts.reduce((total, part) => total + part, 0n);
    if (sum <= whole) return [];
    const cell = row.cells[stacked.whole];
    const label = texts[labelIndex(texts)] ?? '';
    return [
      {
        reason:
          `Expected the parts of “${columnName(paths[stacked.whole] ?? [])}” in ${label} to add up to at most ${formatDecimal(whole, scale)}, ` +
          `got ${stacked.parts.map((column) => texts[column]).join(' + ')} = ${formatDecimal(sum, scale)}; ` +
          'a stacked chart draws the parts inside the whole’s bar, so correct the row or choose the whole with `chart-whole`',
        ruleId: 'table-chart-parts',
        ...(cell ? { place: cell.place } : {}),
      },
    ];
  });
}
