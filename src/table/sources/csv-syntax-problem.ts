import type { CsvError } from 'csv-parse/sync';
import type { PlaceLabel, Problem } from '../problem.ts';

const CLOSING_QUOTE = 'Unexpected text after a closing quote; quote the whole cell and write a `"` inside it as `""`';
const SYNTAX_REASONS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'Unclosed quote: the quoted cell in this row runs to the end of the file',
  CSV_INVALID_CLOSING_QUOTE: CLOSING_QUOTE,
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: CLOSING_QUOTE,
  INVALID_OPENING_QUOTE: 'Unexpected quote inside an unquoted cell; quote the whole cell and write a `"` inside it as `""`',
};

/**
 * A csv-parse error in our words. `text` is what was parsed, `lastLine` the line the last
 * good record ended on, `label` how the file names its places.
 */
export function csvSyntaxProblem(error: CsvError, text: string, lastLine: number, label: PlaceLabel): Problem {
  const { code } = error;
  const context = error as CsvError & { lines?: unknown; column?: unknown };
  let line = typeof context.lines === 'number' ? context.lines : 1;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse gives the end of the file; the editor needs the row the quote opens in.
    const all = text.split('\n');
    line = lastLine + 1;
    while (all[line - 1]?.trim() === '' && line < all.length) line++;
  }
  return {
    // csv-parse's own text ends with the position, which the place already gives.
    reason: SYNTAX_REASONS[code] ?? `Cannot parse CSV: ${error.message}`,
    ruleId: 'table-csv-syntax',
    place: { line, column: typeof context.column === 'number' ? context.column + 1 : 1, label },
  };
}
