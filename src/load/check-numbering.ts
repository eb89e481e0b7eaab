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

type Key = 'number' | 'supplement' | 'total' | 'date';

export interface NumberingOptions {
  /**
   * Report gaps. Turn off when some issue files could not be read: the missing number may
   * be theirs, and their own errors say what to fix.
   * @default true
   */
  readonly gaps?: boolean;
  /**
   * Issues whose frontmatter has other errors, by the year, number and total it still gives (see
   * `placeholderIssue`): a gap their numbers fill is none. Nothing is reported at them; their own
   * errors, and a number they repeat (`repeatedNumbers`), are reported elsewhere.
   */
  readonly fillers?: readonly Issue[];
  /**
   * Supplements (增刊) take their place in the 总第N期 sequence, as `supplements-count-in-total`
   * in bulletin.yaml says; otherwise their totals, when given, only must not repeat another's.
   * @default false
   */
  readonly supplementsInTotal?: boolean;
}

/** The regular 第N期 sequence of a year, and the 增刊第N期 one beside it. */
interface Sequence {
  readonly key: Key;
  /** Written before 第N期. */
  readonly mark: string;
  readonly what: string;
  readonly duplicate: RuleId;
  readonly gap: RuleId;
}

const REGULAR: Sequence = { key: 'number', mark: '', what: 'issue', duplicate: 'numbering-duplicate', gap: 'numbering-gap' };
const SUPPLEMENT: Sequence = {
  key: 'supplement',
  mark: '增刊',
  what: 'supplement',
  duplicate: 'numbering-supplement-duplicate',
  gap: 'numbering-supplement-gap',
};

type Totalled = Issue & { readonly total: number };
const hasTotal = (issue: Issue): issue is Totalled => issue.total !== undefined;

/**
 * Check the archive's numbering: within a year, numbers start at 1 with no gap and no
 * duplicate, regular issues and supplements (增刊) each on their own (the archive's first year
 * may start at any number, as its first total may: an archive can begin mid-series); across the
 * archive, no two issues share a `total`, the total rises by exactly 1 from issue to issue, and
 * dates (and, within a year, numbers) rise with the total. Supplements are in that total only
 * when `supplementsInTotal` is set.
 */
export function checkNumbering(issues: readonly Issue[], options: NumberingOptions = {}): NumberingProblem[] {
  const gaps = options.gaps ?? true;
  const fillers = new Set(options.fillers ?? []);
  const all = [...issues, ...fillers];
  const regular = all.filter((issue) => !issue.supplement);
  const supplements = all.filter((issue) => issue.supplement);
  // A reduce, not Math.min(...): an archive may hold more issues than a call can take arguments.
  const firstYear = all.reduce((first, issue) => Math.min(first, issue.year), Number.POSITIVE_INFINITY);
  const counted = (options.supplementsInTotal ? all : regular).filter(hasTotal);
  // A filler without its total leaves the gap in the totals it might fill unknown.
  const totalGaps = gaps && [...fillers].every((filler) => counted.includes(filler as Totalled));
  const backwards = totalsGoingBack(issues.filter((issue) => !issue.supplement).filter(hasTotal), new Set(counted.map((issue) => issue.total)));
  return [
    ...checkYears(regular, REGULAR, firstYear, gaps, fillers),
    ...checkYears(supplements, SUPPLEMENT, firstYear, gaps, fillers),
    ...backwards.problems,
    // A total going back leaves a gap where it belongs: one to fill, not to report as well.
    ...checkTotals(
      counted.filter((issue) => !backwards.issues.has(issue)),
      totalGaps && backwards.issues.size === 0,
      fillers,
    ),
    ...(options.supplementsInTotal ? [] : checkTotalsApart(issues.filter(hasTotal))),
    ...checkLateDates(issues),
  ];
}

/**
 * An issue dated in the year after its own (as the schema allows up to February in a series that
 * sets `year-end-in-next-year`): right for a year's last issue sent out late, and what a new
 * year's first issue looks like with last year's `year` left in it, so a warning that says which.
 */
function checkLateDates(issues: readonly Issue[]): NumberingProblem[] {
  return issues
    .filter((issue) => !issue.date.startsWith(`${issue.year}-`))
    .map((issue) => {
      const next = issue.year + 1;
      const reason = `${issue.date} is in ${next}, the year after ${issueLabel(issue)}: right for a year’s last issue sent out late; if this is ${next}’s first issue, set \`year: ${next}\` and its number (\`jianbao new\` numbers an issue by its date)`;
      return problem(issue, 'date', reason, 'numbering-date-next-year');
    });
}

/**
 * Of `broken`, issues whose frontmatter has other errors but gives its year and number right (see
 * `placeholderIssue`), each that repeats the number of one of `issues`, at its number: one run
 * names a copied folder's number along with its missing date, say.
 */
export function repeatedNumbers(issues: readonly Issue[], broken: readonly Issue[]): NumberingProblem[] {
  const numbered = new Map(issues.map((issue) => [`${issue.year} ${issue.supplement ? 's' : ''}${issue.number}`, issue]));
  return broken.flatMap((issue) => {
    const same = issue.year > 0 && issue.number > 0 ? numbered.get(`${issue.year} ${issue.supplement ? 's' : ''}${issue.number}`) : undefined;
    if (!same) return [];
    const { key, mark, what, duplicate } = issue.supplement ? SUPPLEMENT : REGULAR;
    return [problem(issue, key, `${issue.year}年${mark}第${issue.number}期 is also ${same.source}; each ${what} of a year has its own number`, duplicate)];
  });
}

function problem(issue: Issue, key: Key, reason: string, ruleId: RuleId): NumberingProblem {
  return { source: issue.source, place: issue.places?.[key], reason: `\`${key}\`: ${reason}`, ruleId };
}

/** `2021年第11期 总第18期 (content/2021/11/index.md)`. */
function name(issue: Issue): string {
  return `${issueLabel(issue)} (${issue.source})`;
}

const byNumber = (a: Issue, b: Issue) => a.number - b.number || a.date.localeCompare(b.date) || a.source.localeCompare(b.source);
const byTotal = (a: Totalled, b: Totalled) => a.total - b.total || a.date.localeCompare(b.date) || a.source.localeCompare(b.source);

function checkYears(issues: readonly Issue[], sequence: Sequence, firstYear: number, gaps: boolean, fillers: ReadonlySet<Issue>): NumberingProblem[] {
  const { key, mark, what } = sequence;
  const problems: NumberingProblem[] = [];
  const years = new Map<number, Issue[]>();
  // Pushed, not copied: copying the year's list for every issue grows with the square of a year's issues.
  for (const issue of issues) {
    const group = years.get(issue.year);
    if (group) group.push(issue);
    else years.set(issue.year, [issue]);
  }
  const sorted = [...years].sort(([a], [b]) => a - b);
  for (const [year, group] of sorted) {
    let previous: Issue | undefined;
    const first = year === firstYear;
    for (const issue of [...group].sort(byNumber)) {
      if (fillers.has(issue) || (previous && fillers.has(previous) && previous.number === issue.number)) {
        previous = issue;
        continue;
      }
      if (previous?.number === issue.number) {
        problems.push(
          problem(issue, key, `${year}年${mark}第${issue.number}期 is also ${previous.source}; each ${what} of a year has its own number`, sequence.duplicate),
        );
        continue;
      }
      const expected = (previous?.number ?? 0) + 1;
      if (gaps && issue.number !== expected && (previous || !first)) {
        const reason = previous
          ? `Expected ${year}年${mark}第${expected}期 after ${mark}第${previous.number}期 (${previous.source}), got ${mark}第${issue.number}期; numbers within a year have no gaps`
          : `Expected ${year}年${mark}第1期 as the year’s first ${what}, got ${mark}第${issue.number}期; numbering restarts at 1 each year`;
        problems.push(problem(issue, key, reason, sequence.gap));
      }
      previous = issue;
    }
  }
  return problems;
}

/**
 * Regular issues whose total goes back against their years and numbers (`2023年第3期 总第9期`
 * after `第2期 总第11期`), each reported at its total. Ordered by the totals, such an issue
 * would put the blame on the issues around it, whose dates and numbers then seem out of order;
 * so the issues kept are the longest run whose totals rise with the numbers (the earlier issue
 * where two disagree), and every other is the one to renumber, left out of `checkTotals`.
 */
function totalsGoingBack(issues: readonly Totalled[], taken: ReadonlySet<number>): { problems: NumberingProblem[]; issues: ReadonlySet<Totalled> } {
  // Two issues of one number (a duplicate, reported as such) are in no order by it: by their totals.
  const ordered = [...issues].sort((a, b) => a.year - b.year || a.number - b.number || a.total - b.total || a.source.localeCompare(b.source));
  const kept = new Set(longestRising(ordered.map((issue) => issue.total)).map((index) => ordered[index]!));
  // The next issue kept after each, found in one pass from the end.
  const afters: (Totalled | undefined)[] = [];
  for (let index = ordered.length - 1, after: Totalled | undefined; index >= 0; index--) {
    afters[index] = after;
    if (kept.has(ordered[index]!)) after = ordered[index];
  }
  const problems: NumberingProblem[] = [];
  const back = new Set<Totalled>();
  let before: Totalled | undefined;
  ordered.forEach((issue, index) => {
    if (kept.has(issue)) {
      before = issue;
      return;
    }
    back.add(issue);
    const after = afters[index];
    const expected = expectedBetween(before, after, taken);
    const reason =
      before && issue.total < before.total
        ? `总第${issue.total}期 is below the total of ${name(before)}, numbered before it; totals rise with the years and numbers: correct this issue’s total${expected}`
        : `总第${issue.total}期 is above the total of ${name(after!)}, numbered after it; totals rise with the years and numbers: correct this issue’s total${expected}`;
    problems.push(problem(issue, 'total', reason, 'numbering-order'));
  });
  return { problems, issues: back };
}

/** ` to 总第12期` where the issues kept around a misplaced total leave it one place, not `taken` (by a 增刊). */
function expectedBetween(before: Totalled | undefined, after: Totalled | undefined, taken: ReadonlySet<number>): string {
  if (before && after && after.total === before.total + 2 && !taken.has(before.total + 1)) return ` to 总第${before.total + 1}期`;
  return '';
}

/**
 * Indexes of the longest run of `values` that never falls, in order; where runs are as long, the
 * one of earlier values (patience sorting from the end, in O(n log n) for a large archive).
 */
function longestRising(values: readonly number[]): number[] {
  // From the end, a run that never rises: tails[k] is the index starting the best run of k + 1.
  const tails: number[] = [];
  const next = new Array<number | undefined>(values.length);
  for (let index = values.length - 1; index >= 0; index--) {
    const value = values[index]!;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! >= value) low = middle + 1;
      else high = middle;
    }
    next[index] = low > 0 ? tails[low - 1] : undefined;
    tails[low] = index;
  }
  const run: number[] = [];
  for (let index = tails.at(-1); index !== undefined; index = next[index]) run.push(index);
  return run;
}

function checkTotals(issues: readonly Totalled[], gaps: boolean, fillers: ReadonlySet<Issue>): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  let previous: Totalled | undefined;
  for (const issue of [...issues].sort(byTotal)) {
    if (!previous || fillers.has(issue) || (fillers.has(previous) && previous.total === issue.total)) {
      previous = issue;
      continue;
    }
    if (previous.total === issue.total) {
      problems.push(problem(issue, 'total', `总第${issue.total}期 is also ${name(previous)}; every issue has its own total`, 'numbering-total-duplicate'));
      continue;
    }
    if (gaps && issue.total !== previous.total + 1) {
      problems.push(
        problem(
          issue,
          'total',
          `Expected 总第${previous.total + 1}期 after ${name(previous)}, got 总第${issue.total}期; the total rises by 1 with every issue, across years`,
          'numbering-total-gap',
        ),
      );
    }
    if (issue.date < previous.date) {
      problems.push(
        problem(issue, 'date', `${issue.date} is before ${previous.date}, the date of ${name(previous)}; dates rise with the total`, 'numbering-date-order'),
      );
    } else if (issue.year === previous.year && !issue.supplement === !previous.supplement && issue.number < previous.number) {
      problems.push(
        problem(
          issue,
          'number',
          `第${issue.number}期 comes after ${name(previous)} by its total, but has a lower number; numbers rise with the total`,
          'numbering-order',
        ),
      );
    }
    previous = issue;
  }
  return problems;
}

/**
 * Supplements outside the total may still carry one (an office that numbers some of them): it
 * must not be another issue's. Regular issues come first, so a supplement is reported against
 * the regular issue it repeats; duplicates among regular issues are checkTotals' to report.
 */
function checkTotalsApart(issues: readonly Totalled[]): NumberingProblem[] {
  const problems: NumberingProblem[] = [];
  const seen = new Map<number, Totalled>();
  for (const issue of [...issues].sort((a, b) => Number(Boolean(a.supplement)) - Number(Boolean(b.supplement)) || byTotal(a, b))) {
    const other = seen.get(issue.total);
    if (!other) seen.set(issue.total, issue);
    else if (issue.supplement) {
      const reason = `总第${issue.total}期 is also ${name(other)}; a supplement’s total must not repeat another issue’s: change it or delete it (supplements stand outside the total unless bulletin.yaml sets supplements-count-in-total: true)`;
      problems.push(problem(issue, 'total', reason, 'numbering-total-duplicate'));
    }
  }
  return problems;
}
