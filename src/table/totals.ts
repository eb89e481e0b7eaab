import { columnName } from './column-paths.ts';
import { bareLabel, labelIndex, sameLabel } from './label-cell.ts';
import { numberColumns } from './number-columns.ts';
import { atScale, formatDecimal, isBlankNumber, meantNumber, parseNumberCell, type Decimal } from './number-cell.ts';
import { cellInFile, rowLabel, type Problem, type SourcePlace } from './problem.ts';
import { cellTexts as texts, type SourceCell, type SourceRow } from './sources/source.ts';

/** The totals row's label by default (`::table` without `total="…"`). */
export const DEFAULT_TOTAL = '合计';

export interface TotalsOptions {
  /** Label of the totals row, e.g. `合计`. */
  readonly label: string;
  /** Compute and append a totals row when the body has none. */
  readonly append: boolean;
}

/** The totals row: from the source (with its line) or computed (without). */
export interface TotalRow {
  readonly cells: readonly string[];
  readonly line: number | undefined;
  /** Where it is rendered: before `rows[at]`, or last when `at` is `rows.length`. */
  readonly at: number;
}

export interface Totals {
  readonly numberColumns: readonly boolean[];
  /** Body rows without the totals row. */
  readonly rows: readonly SourceRow[];
  readonly total: TotalRow | undefined;
  readonly problems: readonly Problem[];
  /** What the editor should know and the table still prints with: a 合计 the workbook's number format rounds its rows for. */
  readonly notes: readonly Problem[];
}

/** Words naming a rate or share in a column's header (完成率, 占比, 同比增长(%), 提高（个百分点）): its 合计 is not a sum. */
const RATE = /率|[%％]|比例|占比|比重|同比|环比|平均|人均|百分点/;
/** Labels that total a table as 合计 does, the default label: 总计, 全市合计, 全县总计. */
const TOTAL_LABELS = /^(全[省市县区州盟旗])?(合计|总计|总合计)$/;
/** A grand total: where a table has one, its 合计 rows add up their groups (城区 … 合计, 农村 … 合计, 总计). */
const GRAND_TOTAL = /^(全[省市县区州盟旗])?(总计|总合计)$/;
/** The label's end of a row adding up the rows of its group: `城区小计`, `城区合计`. */
export const SUBTOTAL = /(小计|合计)$/;
/** The label of a row breaking out a part of the row above (`其中：城区`), counted in that row already. */
const PART = /^其中/;

/**
 * Find number columns, check that their cells are numbers, and check (or compute) the totals
 * row. A totals row sums the rows above it; placed first, it sums the rows below it; `小计` rows
 * and parts (`其中：…` rows, and rows indented under a row with figures) are not counted in it,
 * and a column whose header names a rate or share (RATE) is not summed.
 * `paths` are the column header paths, for messages.
 */
export function totals(body: readonly SourceRow[], paths: readonly (readonly string[])[], options: TotalsOptions): Totals {
  const problems: Problem[] = [];
  const notes: Problem[] = [];
  const labelOf = (row: SourceRow) => text(row, labelIndex(texts(row)));
  const bare = (row: SourceRow) => bareLabel(labelOf(row));
  // The default 合计 also reads 总计, 全县合计…; a label set with `total` is the only one.
  const totalLabels = options.label !== DEFAULT_TOTAL ? undefined : body.some((row) => GRAND_TOTAL.test(bare(row))) ? GRAND_TOTAL : TOTAL_LABELS;
  const isTotal = (row: SourceRow) => (totalLabels ? totalLabels.test(bare(row)) : sameLabel(labelOf(row), options.label));
  const totalAt = body.findIndex(isTotal);
  const rows = body.filter((row) => !isTotal(row));
  const numeric = numberColumns(rows.map(texts), paths);
  const name = (column: number) => columnName(paths[column] ?? []);
  // A rate's or share's 合计 is worked out from other columns, not summed: printed as written.
  const rate = paths.map((path) => path.some((text) => RATE.test(text)));
  const first = body[totalAt];
  if (first) {
    for (const row of body.slice(totalAt + 1).filter(isTotal)) {
      problems.push({
        reason: `Unexpected second ${bare(row)} row, the first is on ${rowLabel(first.place)}; keep one`,
        ruleId: 'table-total',
        place: placeOf(row, labelIndex(texts(row))),
      });
    }
  }

  // Columns with a bad cell: their sums would only repeat that problem.
  const broken = new Set<number>();
  // Parsed number cells per column; anything else in a number column is reported once here.
  const parsed = (row: SourceRow, column: number, skip = -1): Decimal | undefined => {
    const cell = text(row, column);
    if (cell === '' || isBlankNumber(cell) || column === skip) return undefined;
    const value = parseNumberCell(cell);
    if (!value) {
      broken.add(column);
      const meant = meantNumber(cell);
      problems.push({
        reason: `Expected a number in column “${name(column)}”, got “${cell}”${meant ? `, ${meant.why}; write ${meant.number}` : ''}`,
        ruleId: 'table-number',
        place: placeOf(row, column),
      });
    }
    return value;
  };
  const values = rows.map((row) => numeric.map((yes, column) => (yes ? parsed(row, column) : undefined)));

  // A 小计 row adds up rows the 合计 counts already, and a part is in the row it breaks down: a
  // 其中 row, or a row indented under a row with figures (`　　西郊街道` under `梅江区` or
  // `其中：金山街道`). Under a heading without figures (`一、城区`) or a 小计, indented rows are
  // the group's own.
  const parts: boolean[] = [];
  const subtotal: boolean[] = [];
  const depth = rows.map((row) => row.cells[labelIndex(texts(row))]?.indent ?? 0);
  // The rows a row may be indented under, least indented first: its parent is the last one less
  // indented than itself. Labels indented alike, however far, make no parts.
  const above: number[] = [];
  rows.forEach((row, index) => {
    while (above.length > 0 && depth[above.at(-1)!]! >= depth[index]!) above.pop();
    const parent = above.at(-1);
    const under = parent !== undefined && (parts[parent]! || (!subtotal[parent] && values[parent]!.some((value) => value !== undefined)));
    parts.push(under || PART.test(bare(row)));
    subtotal.push(!parts[index] && SUBTOTAL.test(bare(row)));
    above.push(index);
  });
  const summed = rows.map((_, index) => !parts[index] && !subtotal[index]);
  // The row each part is counted in: the nearest above it that is not a part.
  const ownerOf: (number | undefined)[] = [];
  let whole: number | undefined;
  for (const index of rows.keys()) {
    if (parts[index]) ownerOf[index] = whole;
    else whole = index;
  }

  // What a wrong total's message adds of the rows from `from` up to `to`: those it left out, and
  // those it counted right after a 其中 row (a CSV saved from a sheet loses the indent of the
  // parts after the first), at most two named of each.
  const leftOut = (from: number, to: number): string => {
    const indexes = Array.from({ length: to - from }, (_, index) => from + index);
    const partRows = indexes.filter((index) => parts[index]);
    const owners = new Set(partRows.map((index) => ownerOf[index]));
    const owner = owners.size === 1 ? rows[[...owners][0] ?? -1] : undefined;
    const subtotalRows = indexes.filter((index) => subtotal[index]);
    const afterPart = indexes.filter(
      (index) => index > from && summed[index] && parts[index - 1] && PART.test(bare(rows[index - 1]!)) && depth[index] === depth[index - 1],
    );
    const notes = [
      partRows.length === 0
        ? ''
        : `${named(partRows)} left out as ${partRows.length === 1 ? 'a part' : 'parts'} of ${owner ? labelOf(owner) : 'the rows above them'}`,
      subtotalRows.length === 0 ? '' : `${named(subtotalRows)} left out as ${subtotalRows.length === 1 ? 'a subtotal' : 'subtotals'}`,
      afterPart.length === 0
        ? ''
        : afterPart.length === 1
          ? `${named(afterPart)}, right after a 其中 row, counted: indent it if it is a part too`
          : `${named(afterPart)}, each right after a 其中 row, counted: indent them if they are parts too`,
    ].filter(Boolean);
    return notes.length === 0 ? '' : ` (${notes.join('; ')})`;
  };
  const named = (indexes: readonly number[]) => someLabels(indexes.map((index) => labelOf(rows[index]!)));

  // The rows from `from` up to `to` that a total counts.
  const counted = (from: number, to: number) => rows.flatMap((_, index) => (index >= from && index < to && summed[index] ? [index] : []));
  // Those rows' sum, exact, at their finest precision.
  const sum = (column: number, indexes: readonly number[]): Decimal => {
    const cells = indexes.map((index) => values[index]![column]);
    const scale = Math.max(0, ...cells.map((value) => value?.scale ?? 0));
    const grouped = cells.some((value) => value?.grouped);
    const units = cells.reduce((total, value) => total + (value ? atScale(value, scale) : 0n), 0n);
    return { units, scale, grouped };
  };

  // Whether the total's own number is the sum of its rows' numbers where a workbook shows them
  // rounded (15.75 and 5.45 under `0.0`, whose 合计 Excel shows as 21.2, not 15.8 + 5.5): every
  // cell holds its number apart from its text, an empty one counting 0.
  const addsUpUnrounded = (total: SourceRow, column: number, indexes: readonly number[]): boolean => {
    const stated = total.cells[column]?.value;
    const cells = indexes.map((index) => rows[index]!.cells[column]);
    if (stated === undefined || cells.some((cell) => cell?.value === undefined && cell?.text !== '')) return false;
    const exact = cells.reduce((all, cell) => all + (cell?.value ?? 0), 0);
    // Excel's own sum of the same numbers, to its 15 significant digits.
    return Math.abs(exact - stated) <= Math.abs(stated) * 1e-12 + 1e-9;
  };

  // What a wrong total's message adds of a workbook's figures stored as text (`'1,234`, a cell
  // formatted as text before it was typed), which the table counts and Excel's SUM leaves out:
  // the cells named, by their place in the workbook.
  const storedAsText = (total: SourceRow, column: number, indexes: readonly number[]): string => {
    const cells = indexes.map((index) => rows[index]!.cells[column]);
    // Only a workbook's cells hold a number apart from their text; the total's alone where every
    // row's figure is text (a column formatted as text, 文本, before it was typed: Excel's SUM is 0).
    if (![total.cells[column], ...cells].some((cell) => cell?.value !== undefined)) return '';
    const texts = cells.filter((cell): cell is SourceCell => cell !== undefined && cell.value === undefined && parseNumberCell(cell.text) !== undefined);
    if (texts.length === 0) return '';
    const named = texts.slice(0, 2).map(({ place, text }) => `${cellInFile(place)} “${text}”`);
    const more = texts.length > 2 ? ` and ${texts.length - 2} more` : '';
    return `; ${named.join(', ')}${more} ${texts.length === 1 ? 'is a figure' : 'are figures'} stored as text, which Excel’s SUM leaves out: convert ${texts.length === 1 ? 'it' : 'them'} to a number in the workbook`;
  };

  // A 小计 adds up its group: the rows since the 小计 above it, or, where the first 小计 comes
  // before any row it could add up (小计 on top of their groups), the rows down to the next.
  const subtotals = rows.flatMap((_, index) => (subtotal[index] ? [index] : []));
  const onTop = subtotals.length > 0 && counted(0, subtotals[0]!).length === 0;
  for (const [order, at] of subtotals.entries()) {
    const [from, to] = onTop ? [at + 1, subtotals[order + 1] ?? rows.length] : [order === 0 ? 0 : subtotals[order - 1]! + 1, at];
    const group = counted(from, to);
    if (group.length === 0) continue;
    numeric.forEach((yes, column) => {
      const stated = values[at]![column];
      if (!yes || rate[column] || broken.has(column) || !stated) return;
      const expected = differing(stated, sum(column, group));
      if (expected === undefined) return;
      if (addsUpUnrounded(rows[at]!, column, group)) {
        notes.push(roundedRows(`${bare(rows[at]!)} value ${text(rows[at]!, column)}`, name(column), expected, placeOf(rows[at]!, column)));
        return;
      }
      const [top, bottom] = [rows[group[0]!]!, rows[group.at(-1)!]!];
      problems.push({
        reason:
          `${bare(rows[at]!)} value ${text(rows[at]!, column)} in column “${name(column)}” does not match the sum of its rows, ` +
          `${labelOf(top)} to ${labelOf(bottom)}, ${expected}${leftOut(from, to)}${storedAsText(rows[at]!, column, group)}`,
        ruleId: 'table-total',
        place: placeOf(rows[at]!, column),
      });
    });
  }

  if (first) {
    // Rows above the first totals row are all body rows; a totals row on top sums the rest.
    const count = totalAt === 0 ? rows.length : totalAt;
    const where = totalAt === 0 ? 'below' : 'above';
    const label = labelIndex(texts(first));
    const called = bare(first);
    numeric.forEach((yes, column) => {
      if (rate[column]) return;
      if (!yes) {
        if (column !== label) problems.push(...unsummable(first, column, rows.slice(0, count), `${called} value`, name(column)));
        return;
      }
      const stated = parsed(first, column, label);
      if (!stated || broken.has(column)) return;
      const expected = differing(stated, sum(column, counted(0, count)));
      if (expected === undefined) return;
      if (addsUpUnrounded(first, column, counted(0, count))) {
        notes.push(roundedRows(`${called} value ${text(first, column)}`, name(column), expected, placeOf(first, column)));
        return;
      }
      problems.push({
        reason: `${called} value ${text(first, column)} in column “${name(column)}” does not match the sum of the rows ${where}, ${expected}${leftOut(0, count)}${storedAsText(first, column, counted(0, count))}`,
        ruleId: 'table-total',
        place: placeOf(first, column),
      });
    });
    return { numberColumns: numeric, rows, total: { cells: texts(first), line: first.place.line, at: totalAt }, problems, notes };
  }

  if (!options.append) return { numberColumns: numeric, rows, total: undefined, problems, notes };

  // The label goes in the first text column, where a written 合计 row would have it.
  const labelAt = Math.max(0, numeric.indexOf(false));
  const cells = numeric.map((yes, column) => {
    if (column === labelAt) return options.label;
    if (!yes || rate[column]) return '';
    const { units, scale, grouped } = sum(column, counted(0, rows.length));
    return formatDecimal(units, scale, grouped);
  });
  return { numberColumns: numeric, rows, total: { cells, line: undefined, at: rows.length }, problems, notes };
}

/**
 * A total that is the sum of its rows' numbers, which the workbook shows rounded so that the rows
 * as printed add up to another figure: a warning, as the workbook is right and a reader adding up
 * the printed rows is not.
 */
function roundedRows(what: string, column: string, shownSum: string, place: SourcePlace): Problem {
  return {
    reason:
      `${what} in column “${column}” is the sum of the workbook’s numbers, but the rows as printed add up to ${shownSum}: ` +
      'their number format rounds them; show the decimals they have, or round the numbers themselves in the workbook (ROUND)',
    ruleId: 'table-total-rounding',
    place,
  };
}

/** Rows by their labels in a message: two named, then how many more (`甲, 乙 and 2 more rows`). */
function someLabels(labels: readonly string[]): string {
  const [first, second] = labels;
  if (labels.length <= 2) return labels.join(' and ');
  return `${first}, ${second} and ${labels.length - 2} more ${labels.length === 3 ? 'row' : 'rows'}`;
}

/**
 * The sum as a message gives it (at the finer precision of the two, grouped as the stated value
 * is), when the stated value differs from it; undefined when they match.
 */
function differing(stated: Decimal, sum: Decimal): string | undefined {
  const scale = Math.max(stated.scale, sum.scale);
  const units = atScale(sum, scale);
  return atScale(stated, scale) === units ? undefined : formatDecimal(units, scale, stated.grouped);
}

// How many of a column's text cells a message names before it says how many more there are.
const NAMED_CELLS = 5;

/**
 * A number in the totals row of a column that is not a number column cannot be checked: report
 * it, naming the cells above (or below) that are not numbers, unless all of them are (a 序号
 * column, which is never summed).
 */
function unsummable(total: SourceRow, column: number, rows: readonly SourceRow[], what: string, name: string): Problem[] {
  const stated = text(total, column);
  if (!parseNumberCell(stated)) return [];
  const words = rows.filter((row) => {
    const cell = text(row, column);
    return cell !== '' && !isBlankNumber(cell) && !parseNumberCell(cell);
  });
  if (words.length === 0) return [];
  const named = words.slice(0, NAMED_CELLS).map((row) => `“${text(row, column)}” (${rowLabel(row.place)})`);
  const typed = words.map((row) => text(row, column)).find((cell) => meantNumber(cell) !== undefined);
  const meant = typed === undefined ? undefined : meantNumber(typed)!;
  const more = words.length > NAMED_CELLS ? ` and ${words.length - NAMED_CELLS} more` : '';
  return [
    {
      reason:
        `${what} ${stated} in column “${name}” cannot be checked: ${named.join(', ')}${more} ` +
        `${words.length === 1 ? 'is not a number' : 'are not numbers'}; write them as numbers${meant ? ` (“${typed}” is ${meant.why}: write ${meant.number})` : ''}, ` +
        `or \`/\` where a figure does not apply (counted as 0)`,
      ruleId: 'table-total-non-number',
      place: placeOf(total, column),
    },
  ];
}

function text(row: SourceRow, column: number): string {
  return row.cells[column]?.text ?? '';
}

function placeOf(row: SourceRow, column: number): SourcePlace {
  return row.cells[column]?.place ?? row.place;
}
