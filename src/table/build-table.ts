import { CONTROL_CHARACTERS, controlCharacterProblem } from '../format/control-characters.ts';
import type { ChartRequest } from './chart-attributes.ts';
import { chartColumns } from './chart-columns.ts';
import { columnName, columnPaths } from './column-paths.ts';
import { type HeaderBlank, headerCells } from './header-cells.ts';
import { cellInFile, type Problem, rowLabel } from './problem.ts';
import { isBlankNumber, parseNumberCell } from './number-cell.ts';
import type { TableModel } from './render-table.ts';
import { cellTexts, type SourceRow } from './sources/source.ts';
import type { TableAttributes } from './table-attributes.ts';
import type { TableRecord } from './table-record.ts';
import { type Totals, totals } from './totals.ts';
import { overrunParts, stackedColumns } from './stacked-columns.ts';

export interface BuildContext {
  /** Absolute path of the table source, for the record. */
  readonly path: string;
  /** The source as named in messages. */
  readonly name: string;
  /** Line of the directive. */
  readonly line: number;
}

/**
 * Turn the rows a table source read into what gets rendered and recorded, or the problems that
 * stop it; the same for every format.
 */
export function buildTable(
  rows: readonly SourceRow[],
  attributes: TableAttributes & { readonly headerRows: number },
  context: BuildContext,
):
  | { readonly model: TableModel; readonly record: TableRecord; readonly notes: readonly Problem[] }
  | { readonly problems: readonly Problem[]; readonly notes?: readonly Problem[] } {
  const { headerRows } = attributes;
  // A cell from a received workbook or CSV can hide one as a draft can (see CONTROL_CHARACTERS).
  const controls = rows.flatMap((row) =>
    row.cells.flatMap((cell): Problem[] => {
      const found = cell.text.match(CONTROL_CHARACTERS);
      return found ? [{ reason: controlCharacterProblem(found[0]!), ruleId: 'control-character', place: cell.place }] : [];
    }),
  );
  if (controls.length > 0) return { problems: controls };
  if (rows.length <= headerRows) {
    return {
      problems: [
        {
          reason:
            `Expected a body row below the header (\`header-rows="${headerRows}"\`), ` +
            `found ${rows.length} row${rows.length === 1 ? '' : 's'} in ${context.name}`,
          ruleId: 'table-header-rows',
        },
      ],
    };
  }

  const head = rows.slice(0, headerRows);
  const figures = head.findIndex((row, index) => index > 0 && holdsFigures(row));
  if (figures !== -1) {
    const row = head[figures]!;
    return {
      problems: [
        {
          reason:
            `Expected headings in the ${headerRows} header rows (\`header-rows="${headerRows}"\`), found figures on ${rowLabel(row.place)} ` +
            `(${cellTexts(row).filter(Boolean).slice(0, 4).join(', ')}…); set \`header-rows="${figures}"\``,
          ruleId: 'table-header-rows',
          place: row.place,
        },
      ],
    };
  }
  // The other way: header rows `header-rows` leaves out would each cell be a figure that is not one.
  let unheaded = headerRows;
  while (unheaded + 1 < rows.length && !holdsFigures(rows[unheaded]!)) unheaded++;
  const below = rows[unheaded];
  if (unheaded > headerRows && below && holdsFigures(below) && rows.slice(headerRows, unheaded).every((row) => headsFigures(row, below))) {
    const row = rows[headerRows]!;
    return {
      problems: [
        {
          reason:
            `Expected figures after the ${headerRows} header ${headerRows === 1 ? 'row' : 'rows'}, found headings on ${rowLabel(row.place)} ` +
            `(${cellTexts(row).filter(Boolean).slice(0, 4).join(', ')}…); set \`header-rows="${unheaded}"\`` +
            (titleOf(rows) === undefined ? '' : `, or, as the first row holds only “${titleOf(rows)}”, a title, leave the title and unit rows out of the file`),
          ruleId: 'table-header-rows',
          place: row.place,
        },
      ],
    };
  }
  const { cells: header, blanks } = headerCells(head.map((row) => row.cells));
  if (blanks.length > 0) return { problems: blanks.map((blank) => blankProblem(blank, rows, headerRows)) };
  const paths = columnPaths(header, rows[0]?.cells.length ?? 0);
  const checked = totals(rows.slice(headerRows), paths, attributes);
  const { notes } = checked;
  if (checked.problems.length > 0) return { problems: checked.problems, notes };

  const chart = attributes.chart && chartRecord(attributes.chart, paths, checked);
  if (chart && 'problems' in chart) return { problems: chart.problems, notes };

  const body = checked.rows.map(cellTexts);
  const total = checked.total && [...checked.total.cells];
  return {
    notes,
    model: {
      header,
      numberColumns: checked.numberColumns,
      rows: checked.rows.map((row) => row.cells),
      total: checked.total && { cells: checked.total.cells, at: checked.total.at },
    },
    record: {
      src: context.path,
      header,
      columns: paths.map(columnName),
      paths,
      chart,
      rows: body,
      total,
      line: context.line,
    },
  };
}

/**
 * An empty `<th>` the header would have, as a problem at its cell. Of a last column without a
 * heading, what most often left it so: a title line above the table (a CSV saved with the
 * sheet's title), or a header taller than `header-rows`, its heading in a row below them.
 */
function blankProblem(blank: HeaderBlank, rows: readonly SourceRow[], headerRows: number): Problem {
  const row = rows[blank.row];
  const place = row?.cells[blank.column]?.place ?? row?.place;
  if (blank.kind === 'untitled') {
    const title = titleOf(rows);
    const below = rows.findIndex((candidate, index) => index >= headerRows && isHeading(candidate.cells[blank.column]?.text ?? ''));
    const filled = rows.flatMap((candidate) => {
      const cell = candidate.cells[blank.column];
      return cell && cell.text !== '' ? [cell] : [];
    });
    const hint = title
      ? `the first row holds only “${title}”, a title: leave the title and unit rows out of the file, so that it starts with the header`
      : below !== -1 && !rows.slice(headerRows, below).some(holdsFigures)
        ? `its heading “${rows[below]!.cells[blank.column]!.text}” is in a row below the header’s ${headerRows}: set \`header-rows="${below + 1}"\``
        : filled.length === 1 && isHeading(filled[0]!.text)
          ? `only ${cellInFile(filled[0]!.place)} “${filled[0]!.text}” is filled in it, so it is most likely no column of the table: leave that cell out (a workbook’s \`range\` picks the table’s cells) or delete it`
          : 'write its heading, or delete the column if it is not part of the table';
    return { reason: `Expected a heading for the last column, found only empty header cells; ${hint}`, ruleId: 'table-header-untitled', place };
  }
  const why =
    blank.above === undefined
      ? 'there is no heading to its left or above it to continue'
      : `the heading above it, “${blank.above}”, spans more columns, and no heading to its left under it continues into it`;
  return {
    reason: `Unexpected empty header cell: ${why}; write this column's heading, or merge the cell with the heading it belongs to`,
    ruleId: 'table-header-blank',
    place,
  };
}

/** What `chart…` draws, checked against the table: its columns and, stacked, their roles. */
function chartRecord(
  request: ChartRequest,
  paths: readonly (readonly string[])[],
  checked: Pick<Totals, 'rows' | 'numberColumns'>,
): NonNullable<TableRecord['chart']> | { readonly problems: readonly Problem[] } {
  const selected = chartColumns(request.selector, paths, checked.numberColumns);
  if ('problem' in selected) return { problems: [selected.problem] };
  const drawn = { selector: request.selector, columns: selected.columns, print: request.print };
  if (request.type === 'grouped') return drawn;
  const roles = stackedColumns(request, selected.columns, paths);
  if ('problem' in roles) return { problems: [roles.problem] };
  const overruns = overrunParts(checked.rows, roles.stacked, paths);
  return overruns.length > 0 ? { problems: overruns } : { ...drawn, stacked: roles.stacked };
}

/** What a 栏次 row puts over the label columns: `甲`, `乙`, letters, or `栏次` itself. */
const COLUMN_MARK = /^([甲乙丙丁戊己庚辛壬癸A-Za-z]|栏次)$/;

/**
 * A 栏次 row: the columns' numbers `1`, `2`, `3`…, with `甲`, `乙` (or `栏次`) over the label
 * columns, as statistics forms number their columns under the headings. Three numbers, or two
 * marks, at least: `甲,1,2` may be a row of figures.
 */
export function isColumnNumbers(row: SourceRow): boolean {
  const filled = cellTexts(row).filter((text) => text !== '');
  const numbers = filled.filter((text) => /^\d+$/.test(text));
  const marks = filled.filter((text) => COLUMN_MARK.test(text));
  if (numbers.length + marks.length !== filled.length || numbers.length < 2) return false;
  return numbers.every((text, index) => Number(text) === index + 1) && (numbers.length >= 3 || marks.length >= 2 || marks.includes('栏次'));
}

/**
 * Whether a row reads as headings over the row of figures below it: text, no number, over most
 * of that row's figures (a group's row, `一,城区,,`, has its name over the labels only).
 */
function headsFigures(row: SourceRow, figures: SourceRow): boolean {
  const cells = cellTexts(row);
  if (cells.some((text) => parseNumberCell(text) !== undefined)) return false;
  const under = cellTexts(figures).flatMap((text, column) => (parseNumberCell(text) === undefined ? [] : [cells[column] ?? '']));
  return under.filter((text) => text !== '' && !/^[-—－/]$/.test(text)).length * 2 > under.length;
}

/**
 * A row of figures, not headings: most of its filled cells, and two at least, are numbers, and
 * they are neither years (`2023`, `2024` over their columns) nor the columns' numbers (a 栏次
 * row: `1`, `2`, `3`…).
 */

/** The text of the first row when it is all in its first cell, across a table of three columns or more: a sheet's title saved with it. */
function titleOf(rows: readonly SourceRow[]): string | undefined {
  const texts = rows[0] ? cellTexts(rows[0]) : [];
  return texts.length > 2 && texts[0] !== '' && texts.slice(1).every((text) => text === '') ? texts[0] : undefined;
}

/** A cell's text that reads as a heading: words, not a figure or a blank. */
function isHeading(text: string): boolean {
  return text !== '' && parseNumberCell(text) === undefined && !isBlankNumber(text);
}

function holdsFigures(row: SourceRow): boolean {
  const filled = cellTexts(row).filter((text) => text !== '');
  const numbers = filled.filter((text) => parseNumberCell(text) !== undefined);
  if (numbers.length < 2 || numbers.length * 2 <= filled.length) return false;
  const years = numbers.every((text) => /^(19|20)\d\d$/.test(text));
  const counting = numbers.every((text, index) => index === 0 || Number(text) === Number(numbers[index - 1]) + 1);
  return !years && !counting;
}
