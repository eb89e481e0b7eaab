import type { Problem } from './problem.ts';

/**
 * The most body rows, and cells, a table may have before `check` warns that it is too large for
 * a bulletin's pages. Measured (jianbao pdf, 2 cores): 500 rows × 10 columns printed on 34 A4
 * pages in 1.1 s; 2,000 × 10 on 128 pages in 4.4 s; 1,000 × 50 shrunk onto 20 pages in 16 s;
 * 5,000 × 10 on 316 pages in 12 s; 5,000 × 50 passed the PDF's 60 s limit after a `check` that
 * said nothing. 300 rows run to about 20 pages; 10,000 cells take a few seconds to print.
 */
const MAX_PRINTED_ROWS = 300;
const MAX_PRINTED_CELLS = 10_000;

/** A warning at the `::table` for a table too large to print in a bulletin, else undefined. */
export function printSizeProblem(rows: number, columns: number, src: string): Problem | undefined {
  const cells = rows * columns;
  if (rows <= MAX_PRINTED_ROWS && cells <= MAX_PRINTED_CELLS) return undefined;
  const size = `${rows.toLocaleString('en')} rows × ${columns.toLocaleString('en')} columns`;
  return {
    reason:
      `Expected a table a bulletin's pages can hold (at most ${MAX_PRINTED_ROWS} rows and ${MAX_PRINTED_CELLS.toLocaleString('en')} cells), found ${size} in ${src}: ` +
      'printed, it runs to tens of pages or more, and a table of hundreds of thousands of cells takes the PDF past its 60 s limit; ' +
      `print the part readers need (a summary, or a workbook's cells picked with \`range\`) and link the whole file, \`[全表](${src})\`, for the rest`,
    ruleId: 'table-too-large',
  };
}
