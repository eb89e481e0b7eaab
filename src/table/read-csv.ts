import { readFileSync } from 'node:fs';
import { CsvError, type Options, parse } from 'csv-parse/sync';
import { csvSyntaxProblem } from './csv-syntax-problem.ts';
import { decodeCsv, EMPTY_CSV } from './decode-csv.ts';
import type { Problem } from './problem.ts';

/** One CSV record, cells trimmed, with the line it starts on. */
export interface CsvRow {
  readonly cells: readonly string[];
  readonly line: number;
}

export interface CsvResult {
  /** Empty whenever there are problems. */
  readonly rows: readonly CsvRow[];
  readonly problems: readonly Problem[];
}

const failed = (...problems: Problem[]): CsvResult => ({ rows: [], problems });
const at = (line: number, column = 1) => ({ line, column });

/**
 * Read a UTF-8 CSV file (BOM or not, any line endings) into equal-length rows. `name` is how
 * the file is called in messages. A file that cannot be read at all gives a problem without
 * a place, since there is no line to point at. Synchronous, as small files are best read.
 */
export function readCsv(path: string, name: string): CsvResult {
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
  return parseCsv(bytes);
}

/** Decode and parse CSV bytes; see `readCsv`. */
export function parseCsv(bytes: Uint8Array): CsvResult {
  const text = decodeCsv(bytes);
  if (typeof text !== 'string') return failed(text);

  // Excel writes CRLF; csv-parse miscounts lines on it, and cells don't need the CR.
  const lines = text.replace(/\r\n?/g, '\n');
  let lastLine = 0;
  const options: Options<CsvRow, string[]> = {
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    // Excel pads exports with rows of bare commas.
    skip_records_with_empty_values: true,
    trim: true,
    on_record: (cells, { lines: end }) => {
      lastLine = end;
      // csv-parse counts to the line a record ends on; quoted line breaks start it earlier.
      return { cells, line: end - cells.reduce((sum, cell) => sum + breaks(cell), 0) };
    },
  };
  let rows: CsvRow[];
  try {
    // The sync overloads don't follow `on_record`'s return type.
    rows = parse(lines, options as unknown as Options) as unknown as CsvRow[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return failed(csvSyntaxProblem(error, lines, lastLine));
  }
  if (rows.length === 0) return failed(EMPTY_CSV);

  const [first] = rows;
  const width = first?.cells.length ?? 0;
  const problems = rows
    .filter((row) => row.cells.length !== width)
    .map(
      (row): Problem => ({
        reason: `Expected ${width} cells as in the first row (line ${first?.line}), found ${row.cells.length}`,
        ruleId: 'table-row-length',
        place: at(row.line),
      }),
    );
  return problems.length > 0 ? failed(...problems) : { rows, problems: [] };
}

/** How many line breaks a cell holds. */
function breaks(cell: string): number {
  return cell.split('\n').length - 1;
}
