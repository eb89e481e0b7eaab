import { issueLabel } from '../format/chinese.ts';
import type { Issue } from '../model.ts';

/** The numbers of the issue after the archive's newest. */
export interface NextIssue {
  readonly year: number;
  /** 第N期, or 增刊第N期 for a supplement. */
  readonly number: number;
  readonly supplement?: boolean;
  /** Absent for a supplement that stands outside the total. */
  readonly total?: number | undefined;
  /** `YYYY-MM-DD`. */
  readonly date: string;
}

export interface NextIssueOptions {
  /**
   * Start the year's next supplement (增刊) rather than its next regular issue.
   * @default false
   */
  readonly supplement?: boolean;
  /**
   * Supplements take their place in the total (`supplements-count-in-total` in bulletin.yaml).
   * @default false
   */
  readonly supplementsInTotal?: boolean;
}

/**
 * The issue dated `date` that follows `issues`: its year is the date's, its number one more
 * than the highest of that year in its sequence (regular or supplement; 1 in a new year), its
 * total one more than the highest of the archive (1 in an empty archive), none for a supplement
 * outside the total. Throws when `date` is before the newest issue's date.
 */
export function nextIssue(issues: readonly Issue[], date: string, options: NextIssueOptions = {}): NextIssue {
  const supplement = options.supplement ?? false;
  const year = Number(date.slice(0, 4));
  const newest = newestIssue(issues, options.supplementsInTotal ?? false);
  if (newest && date < newest.date) {
    throw new Error(`Expected a date on or after ${newest.date}, the date of the newest issue ${issueLabel(newest)} (${newest.source}), got ${date}`);
  }
  const numbers = issues.filter((issue) => issue.year === year && Boolean(issue.supplement) === supplement).map((issue) => issue.number);
  const total = !supplement || options.supplementsInTotal ? (newest?.total ?? 0) + 1 : undefined;
  return { year, number: Math.max(0, ...numbers) + 1, ...(supplement && { supplement }), total, date };
}

/** The archive's issue with the highest total, of those in the total (supplements only when they count in it). */
export function newestIssue(issues: readonly Issue[], supplementsInTotal: boolean): (Issue & { total: number }) | undefined {
  const counted = issues.filter((issue): issue is Issue & { total: number } => issue.total !== undefined && (supplementsInTotal || !issue.supplement));
  return counted.reduce<(typeof counted)[number] | undefined>((found, issue) => (!found || issue.total > found.total ? issue : found), undefined);
}
