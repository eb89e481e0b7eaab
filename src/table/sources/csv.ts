import { CsvError, type Options, parse } from 'csv-parse/sync';
import type { PlaceLabel, Problem } from '../problem.ts';
import { csvSyntaxProblem } from './csv-syntax-problem.ts';
import { type DecodedCsv, decodeCsv, emptyCsv } from './decode-csv.ts';
import { leadingIndent } from './leading-indent.ts';
import { readSourceFile } from './read-source-file.ts';
import { contentHash } from '../../cache/hash.ts';
import { MAX_TABLE_CELLS, type SourceCell, type SourceResult, type SourceRow, type TableSource } from './source.ts';

/** CSV files as Excel and WPS save them: UTF-8 (BOM or not), UTF-16, GB18030; any line endings. */
export const csvSource: TableSource = {
  extensions: ['csv'],
  read: (path, { name }) => readCsv(path, name),
};

/** Places as `progress.csv:5:3`, rows as `line 5`: the line and the 1-based field. */
export function csvLabel(name: string): PlaceLabel {
  return { cell: (line, column) => `${name}:${line}:${column}`, row: (line) => `line ${line}` };
}

const failed = (...problems: Problem[]): SourceResult => ({ rows: [], problems });

/**
 * Read a CSV file into equal-length rows, cells trimmed, the spaces before a cell's text read as
 * its indent. `name` is how the file is called in messages. A file that cannot be read at all
 * gives a problem without a place, since there is no line to point at.
 */
function readCsv(path: string, name: string): SourceResult {
  const file = readSourceFile(path, name, { missing: 'table-csv-missing', read: 'table-csv-read' });
  return 'problem' in file ? failed(file.problem) : { ...parseCsv(file.bytes, name), bytesHash: contentHash(file.bytes) };
}

/** Decode and parse CSV bytes; see `readCsv`. */
export function parseCsv(bytes: Uint8Array, name: string): SourceResult {
  const label = csvLabel(name);
  const decoded = decodeCsv(bytes, label);
  if ('reason' in decoded) return failed(decoded);

  // Excel writes CRLF; csv-parse miscounts lines on it, and cells don't need the CR.
  const lines = decoded.text.replace(/\r\n?/g, '\n');
  const delimiter = delimiterOf(decoded.encoding, lines);
  // At most one cell a delimiter or line end: a file of more cells than a table holds is refused
  // before csv-parse reads it (see MAX_TABLE_CELLS).
  const cells = occurrences(lines, delimiter) + occurrences(lines, '\n') + 2;
  if (cells > MAX_TABLE_CELLS) {
    return failed({
      reason: `Expected a table of at most ${MAX_TABLE_CELLS.toLocaleString('en')} cells, found up to ${cells.toLocaleString('en')} in ${name}`,
      ruleId: 'table-csv-read',
    });
  }
  let lastLine = 0;
  const options: Options<SourceRow, string[]> = {
    record_delimiter: '\n',
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    // Excel pads exports with rows of bare commas.
    skip_records_with_empty_values: true,
    // Spaces after a cell's text are trimmed; those before it indent it (`　　西郊街道`, a part of
    // the row above), kept to be read as its indent (see `records`).
    rtrim: true,
    on_record: (texts, { lines: end }) => {
      lastLine = end;
      // csv-parse counts to the line a record ends on; quoted line breaks start it earlier.
      const line = end - texts.reduce((sum, text) => sum + breaks(text), 0);
      return {
        cells: texts.map((text, index) => cellOf(text, { line, column: index + 1, label })),
        place: { line, column: 1, label },
      };
    },
  };
  // The rows, or csv-parse's syntax error; `ltrim` trims the spaces before a cell's text.
  const records = (ltrim: boolean): SourceRow[] | CsvError => {
    lastLine = 0;
    try {
      // The sync overloads don't follow `on_record`'s return type.
      return withoutTrailingEmptyColumns(parse(lines, { ...options, ltrim } as unknown as Options) as unknown as SourceRow[]);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      return error;
    }
  };
  // Kept, spaces before a quoted cell (`1, "2"`) are a syntax error; trimmed, they pad the cell:
  // such a file is read trimmed, without its indents.
  let rows = records(false);
  if (rows instanceof CsvError && rows.code === 'INVALID_OPENING_QUOTE') rows = records(true);
  if (rows instanceof CsvError) return failed(csvSyntaxProblem(rows, lines, lastLine, label));
  if (rows.length === 0) return failed(emptyCsv(label));

  const [first] = rows;
  const width = first?.cells.length ?? 0;
  const problems = rows
    .filter((row) => row.cells.length !== width)
    .map(
      (row): Problem => ({
        reason: `Expected ${width} cells as in the first row (line ${first?.place.line}), found ${row.cells.length}`,
        ruleId: 'table-row-length',
        place: row.place,
      }),
    );
  return problems.length > 0 ? failed(...problems) : { rows, problems: [] };
}

/** How often `character` occurs in `text`, counted without splitting it. */
function occurrences(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count++;
  return count;
}

/** “Unicode 文本” (UTF-16) separates cells with tabs; every other export with commas. */
function delimiterOf(encoding: DecodedCsv['encoding'], text: string): string {
  const first = text.slice(0, text.indexOf('\n') >>> 0);
  return encoding === 'utf-16' && first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/**
 * Rows cut to the last column that has a cell with text in some row: Excel keeps a column that
 * was formatted, or once held something, as a trailing empty cell in every row.
 */
function withoutTrailingEmptyColumns(rows: SourceRow[]): SourceRow[] {
  // A loop, not Math.max(...): a table may have more rows than a call has room for arguments.
  const width = rows.reduce((widest, row) => row.cells.reduce((end, cell, index) => (cell.text === '' ? end : Math.max(end, index + 1)), widest), 0);
  return rows.map((row) => (row.cells.length > width ? { ...row, cells: row.cells.slice(0, width) } : row));
}

/** How many line breaks a cell holds. */
function breaks(cell: string): number {
  let count = 0;
  for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * A cell, its text read for its indent (see `leadingIndent`). Written out: spreading the reading
 * into the cell made objects that took a 25,000-row table's build past its 128 MB heap
 * (tests/pipeline/bounded-inputs.test.ts), where these fit.
 */
function cellOf(typed: string, place: SourceCell['place']): SourceCell {
  const { text, indent } = leadingIndent(typed);
  return indent === undefined ? { text, place } : { text, place, indent };
}
