import type { RuleId } from '../report/rules.ts';

/**
 * Something wrong with one table, found before any message exists so the pure steps
 * (reading, header merging, totals) stay free of vfile.
 */
export interface Problem {
  readonly reason: string;
  readonly ruleId: RuleId;
  /** Where in the table source; absent when the problem is about the `::table` directive itself. */
  readonly place?: SourcePlace;
}

/**
 * A cell or row of a table source. `line` and `column` are 1-based (a CSV line and field, a
 * sheet row and column), the point tools read from a message; `label` names it for people.
 */
export interface SourcePlace {
  readonly line: number;
  readonly column: number;
  readonly label: PlaceLabel;
}

/** How a source names its places, one formatter shared by all of them. */
export interface PlaceLabel {
  /** A cell, as a message is named: `progress.csv:5:3`; a workbook would say `燃气进展.xlsx 3月进展!E12`. */
  cell(line: number, column: number): string;
  /** A row inside a sentence: `line 5`; a workbook would say `row 12`. */
  row(line: number): string;
  /**
   * The place inside the file when its line and column do not name it the way people do: a
   * workbook's `3月进展!E12`, printed after the file name in place of `:line:column`.
   */
  where?(line: number, column: number): string;
}

export const cellLabel = (place: SourcePlace): string => place.label.cell(place.line, place.column);
export const rowLabel = (place: SourcePlace): string => place.label.row(place.line);
/** A cell inside a sentence whose message names its file already: `3月进展!E12`; a CSV's `line 5, column 3`. */
export const cellInFile = (place: SourcePlace): string => place.label.where?.(place.line, place.column) ?? `line ${place.line}, column ${place.column}`;
