import type { RuleId } from '../report/rules.ts';

/**
 * Something wrong with one table, found before any message exists so the pure steps
 * (reading, header merging, totals) stay free of vfile.
 */
export interface Problem {
  readonly reason: string;
  readonly ruleId: RuleId;
  /**
   * Where in the CSV: `line` is the CSV line, `column` the 1-based field number.
   * Absent when the problem is about the `::table` directive itself.
   */
  readonly place?: { readonly line: number; readonly column: number };
}
