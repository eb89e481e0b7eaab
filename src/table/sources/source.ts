import type { Problem, SourcePlace } from '../problem.ts';

/**
 * The most cells a table source may hold: a bulletin's tables hold hundreds. A cell typed far
 * from a sheet's table (`XFD1048576`) made a sheet of 17 billion cells that the build went
 * through, and a CSV row of a million cells took csv-parse minutes, past Ctrl-C.
 */
export const MAX_TABLE_CELLS = 1_000_000;

/**
 * One cell as its source holds it. A cell with `colSpan` or `rowSpan` above 1 (a workbook's
 * merged cells) covers the cells to its right and below it, which stay in their rows with
 * empty text, as spreadsheets keep them; a source without spans (CSV) repeats header text
 * instead, and equal header cells merge.
 */
export interface SourceCell {
  readonly text: string;
  readonly place: SourcePlace;
  readonly colSpan?: number | undefined;
  readonly rowSpan?: number | undefined;
  /**
   * How far the source indents the text, in full-width characters (see `leadingIndent`): spaces
   * typed before it, or a workbook cell's indent. `text` is without them. Undefined for none.
   */
  readonly indent?: number | undefined;
  /**
   * The number the cell holds, where the source keeps it apart from the text it shows: a workbook
   * cell's, which its number format may round (15.75 shown as `15.8`). Undefined for CSV.
   */
  readonly value?: number | undefined;
}

/** A cell's text, spans and indent without its place: what header merging and rendering read. */
export type SpannedCell = Pick<SourceCell, 'text' | 'colSpan' | 'rowSpan' | 'indent'>;

/** One row of a table source: all rows of a table have the same number of cells. */
export interface SourceRow {
  readonly cells: readonly SourceCell[];
  /** Where the row starts, for messages about the whole row. */
  readonly place: SourcePlace;
}

/** A row's cell texts, which is all the checks after reading look at. */
export function cellTexts(row: SourceRow): string[] {
  return row.cells.map((cell) => cell.text);
}

export interface SourceResult {
  /** Empty whenever there are problems. */
  readonly rows: readonly SourceRow[];
  readonly problems: readonly Problem[];
  /**
   * How many rows the source's own layout marks as the header (a workbook's merged cell at the
   * top-left), used when `::table` has no `header-rows`; 1 when undefined.
   */
  readonly headerRows?: number | undefined;
  /** What the table leaves out of the source and the editor should know: warnings, never stopping the build. */
  readonly notes?: readonly Problem[] | undefined;
  /** The hash of the file's bytes the rows were read from (see `contentHash`), when it could be read. */
  readonly bytesHash?: string | undefined;
}

export interface SourceContext {
  /** How the file is named in messages: as the Markdown file is (relative to cwd, or absolute). */
  readonly name: string;
  /** The `::table` attributes the source declared in `TableSource.attributes`, as written. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/**
 * A file format a `::table` can read. Everything after reading (header merging, totals, charts,
 * rendering) sees only rows of cells, so a format is one of these and a line in `./index.ts`.
 */
export interface TableSource {
  /** File extensions it reads, lower case, without the dot. */
  readonly extensions: readonly string[];
  /** `::table` attributes only this format reads (a workbook's `sheet` and `range`). */
  readonly attributes?: readonly string[] | undefined;
  /** The file's rows, or the problems that stop it; a format read by an asynchronous library returns a promise. */
  read(path: string, context: SourceContext): SourceResult | Promise<SourceResult>;
}
