import { issueLabel } from '../format/chinese.ts';
import type { Issue, Place } from '../model.ts';
import type { RuleId } from '../report/rules.ts';

/** A numbering problem, reported in `source` at the frontmatter value it is about. */
export interface NumberingProblem {
  readonly source: string;
  readonly place: Place | undefined;
  readonly reason: string;
  readonly ruleId: RuleId;
}

type Key = 'number' | 'total' | 'date';

export interface NumberingOptions {
  /**
   * Report gaps. Turn off when some issue files could not be read: the missing number may
   * be theirs, and their own errors say what to fix.
   * @default true
   */
  readonly gaps?: boolean;
}

/**
 * Check the archive's numbering: within a year, numbers start at 1 with no gap and no
 * duplicate (the archive's first year may start at any number, as its first total may: an
 * archive can begin mid-series); across the archive, no two issues share a `total`, the total rises by exactly 1
 * from issue to issue, and dates (and, within a year, numbers) rise with the total.
 * Every issue is numbered: there are no supplements (增刊) outside the sequence.
 */
export function checkNumbering(issues: readonly Issue[], options: NumberingOptions = {}): NumberingProblem[] {
  const gaps = options.gaps ?? true;
  return [...checkYears(issues, gaps), ...checkTotals(issues, gaps)];
}

function problem(issue: Issue, key: Key, reason: string, ruleId: RuleId): NumberingProblem {
  return { source: issue.source, place: issue.places?.[key], reason: `\`${key}\`: ${reason}`, ruleId };
}

/** `2021年第11期 总第18期 (content/2021/11/index.md)`. */
function name(issue: Issue): string {
  return `${issueLabel(issue)} (${issue.source})`;
}

const byNumber = (a: Issue, b: Issue) => a.number - b.number || a.date.localeCompare(b.date) || a.source.localeCompare(b.source);
const byTotal = (a: Issue, b: Issue) => a.total - b.total || a.date.localeCompare(b.date) || a.source.localeCompare(b.source);

function checkYears(issues: readonly Issue[], gaps: boolean): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  const years = new Map<number, Issue[]>();
  for (const issue of issues) years.set(issue.year, [...(years.get(issue.year) ?? []), issue]);
  const sorted = [...years].sort(([a], [b]) => a - b);
  for (const [year, group] of sorted) {
    let previous: Issue | undefined;
    const first = year === sorted[0]?.[0];
    for (const issue of [...group].sort(byNumber)) {
      if (previous?.number === issue.number) {
        problems.push(problem(issue, 'number', `${year}年第${issue.number}期 is also ${previous.source}; each issue of a year has its own number`, 'numbering-duplicate'));
        continue;
      }
      const expected = (previous?.number ?? 0) + 1;
      if (gaps && issue.number !== expected && (previous || !first)) {
        const reason = previous
          ? `Expected ${year}年第${expected}期 after 第${previous.number}期 (${previous.source}), got 第${issue.number}期; numbers within a year have no gaps`
          : `Expected ${year}年第1期 as the year’s first issue, got 第${issue.number}期; numbering restarts at 1 each year`;
        problems.push(problem(issue, 'number', reason, 'numbering-gap'));
      }
      previous = issue;
    }
  }
  return problems;
}

function checkTotals(issues: readonly Issue[], gaps: boolean): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  let previous: Issue | undefined;
  for (const issue of [...issues].sort(byTotal)) {
    if (!previous) {
      previous = issue;
      continue;
    }
    if (previous.total === issue.total) {
      problems.push(problem(issue, 'total', `总第${issue.total}期 is also ${name(previous)}; every issue has its own total`, 'numbering-total-duplicate'));
      continue;
    }
    if (gaps && issue.total !== previous.total + 1) {
      problems.push(problem(issue, 'total', `Expected 总第${previous.total + 1}期 after ${name(previous)}, got 总第${issue.total}期; the total rises by 1 with every issue, across years`, 'numbering-total-gap'));
    }
    if (issue.date < previous.date) {
      problems.push(problem(issue, 'date', `${issue.date} is before ${previous.date}, the date of ${name(previous)}; dates rise with the total`, 'numbering-date-order'));
    } else if (issue.year === previous.year && issue.number < previous.number) {
      problems.push(problem(issue, 'number', `第${issue.number}期 comes after ${name(previous)} by its total, but has a lower number; numbers rise with the total`, 'numbering-order'));
    }
    previous = issue;
  }
  return problems;
}
