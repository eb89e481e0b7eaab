import { issueLabel } from '../format/chinese.ts';
import type { Issue } from '../model.ts';

/** The numbers of the issue after the archive's newest. */
export interface NextIssue {
  readonly year: number;
  readonly number: number;
  readonly total: number;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * The issue dated `date` that follows `issues`: its year is the date's, its number one more
 * than the highest of that year (1 in a new year), its total one more than the highest of the
 * archive (1 in an empty archive). Throws when `date` is before the newest issue's date.
 */
export function nextIssue(issues: readonly Issue[], date: string): NextIssue {
  const year = Number(date.slice(0, 4));
  const newest = issues.reduce<Issue | undefined>((found, issue) => (!found || issue.total > found.total ? issue : found), undefined);
  if (newest && date < newest.date) {
    throw new Error(`Expected a date on or after ${newest.date}, the date of the newest issue ${issueLabel(newest)} (${newest.source}), got ${date}`);
  }
  const numbers = issues.filter((issue) => issue.year === year).map((issue) => issue.number);
  return { year, number: Math.max(0, ...numbers) + 1, total: (newest?.total ?? 0) + 1, date };
}
