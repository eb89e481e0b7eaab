import { readFileSync } from 'node:fs';
import { CsvError, type Options, parse } from 'csv-parse/sync';
import type { PlaceLabel, Problem } from '../problem.ts';
import { csvSyntaxProblem } from './csv-syntax-problem.ts';
import { decodeCsv, emptyCsv } from './decode-csv.ts';
import type { SourceResult, SourceRow, TableSource } from './source.ts';

/** UTF-8 CSV files, BOM or not, any line endings. */
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
 * Read a CSV file into equal-length rows, cells trimmed. `name` is how the file is called in
 * messages. A file that cannot be read at all gives a problem without a place, since there is
 * no line to point at.
 */
function readCsv(path: string, name: string): SourceResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? failed({
          reason: `Cannot find ${name}; \`src\` is relative to this Markdown file`,
          ruleId: 'table-csv-missing',
        })
      : failed({
          reason: `Cannot read ${name} (${code ?? String(error)})`,
          ruleId: 'table-csv-read',
        });
  }
  return parseCsv(bytes, name);
}

/** Decode and parse CSV bytes; see `readCsv`. */
export function parseCsv(bytes: Uint8Array, name: string): SourceResult {
  const label = csvLabel(name);
  const text = decodeCsv(bytes, label);
  if (typeof text !== 'string') return failed(text);

  // Excel writes CRLF; csv-parse miscounts lines on it, and cells don't need the CR.
  const lines = text.replace(/\r\n?/g, '\n');
  let lastLine = 0;
  const options: Options<SourceRow, string[]> = {
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    // Excel pads exports with rows of bare commas.
    skip_records_with_empty_values: true,
    trim: true,
    on_record: (texts, { lines: end }) => {
      lastLine = end;
      // csv-parse counts to the line a record ends on; quoted line breaks start it earlier.
      const line = end - texts.reduce((sum, text) => sum + breaks(text), 0);
      return {
        cells: texts.map((text, index) => ({ text, place: { line, column: index + 1, label } })),
        place: { line, column: 1, label },
      };
    },
  };
  let rows: SourceRow[];
  try {
    // The sync overloads don't follow `on_record`'s return type.
    rows = parse(lines, options as unknown as Options) as unknown as SourceRow[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return failed(csvSyntaxProblem(error, lines, lastLine, label));
  }
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

/** How many line breaks a cell holds. */
function breaks(cell: string): number {
  return cell.split('\n').length - 1;
}
