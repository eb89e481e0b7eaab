import type { Problem } from './problem.ts';

/** How a chart draws its columns: a bar per column, or the parts of a whole as one bar. */
export type ChartType = 'grouped' | 'stacked';

/** What the `chart…` attributes of a `::table` ask for. */
export interface ChartRequest {
  /** Header text selecting the number columns to draw (`''`: every number column). */
  readonly selector: string;
  /** @default 'grouped' */
  readonly type: ChartType;
  /**
   * Stacked: header text naming the selected column that is the whole; undefined for the
   * default, the first selected column.
   */
  readonly whole: string | undefined;
  /**
   * Stacked: header text naming the part that counts as done, whose share of the whole the
   * chart prints; undefined for the default, the last part.
   */
  readonly done: string | undefined;
  /** Whether the chart prints in the PDF. @default true */
  readonly print: boolean;
}

/** The attributes this module reads, in the order the README lists them. */
export const CHART_ATTRIBUTES = ['chart', 'chart-type', 'chart-whole', 'chart-done', 'chart-print'] as const;

const TYPES: readonly ChartType[] = ['grouped', 'stacked'];

/**
 * Read and check the chart attributes: `chart` turns the chart on, the others only shape it, so
 * they are a mistake without it; `chart-whole` and `chart-done` only mean something for a
 * stacked chart.
 */
export function chartAttributes(given: Readonly<Record<string, string | null | undefined>>): {
  readonly chart: ChartRequest | undefined;
  readonly problems: readonly Problem[];
} {
  const problems: Problem[] = [];
  const value = (key: string) => (given[key] === undefined ? undefined : (given[key] ?? '').trim());
  const selector = value('chart');
  if (selector === undefined) {
    for (const key of CHART_ATTRIBUTES.slice(1)) {
      if (given[key] === undefined) continue;
      problems.push({
        reason: `Unexpected \`${key}\` on a ::table without \`chart\`; add \`chart="…"\` naming the columns to draw, or remove \`${key}\``,
        ruleId: 'table-chart-attribute',
      });
    }
    return { chart: undefined, problems };
  }

  const typeText = value('chart-type') ?? 'grouped';
  const type = TYPES.find((candidate) => candidate === typeText);
  if (!type) {
    problems.push({
      reason: `Expected \`chart-type\` to be \`grouped\` (a bar per column) or \`stacked\` (the parts of a whole as one bar), got “${typeText}”`,
      ruleId: 'table-chart-type',
    });
  }
  const whole = value('chart-whole') || undefined;
  const done = value('chart-done') || undefined;
  if (type === 'grouped') {
    for (const key of ['chart-whole', 'chart-done'] as const) {
      if (given[key] === undefined) continue;
      problems.push({
        reason: `Unexpected \`${key}\` on a grouped chart: it names a column of a stacked chart; add \`chart-type="stacked"\` or remove \`${key}\``,
        ruleId: 'table-chart-attribute',
      });
    }
  }

  const printText = value('chart-print') ?? 'yes';
  if (printText !== 'yes' && printText !== 'no') {
    problems.push({
      reason: `Expected \`chart-print\` to be \`yes\` (print the chart in the PDF) or \`no\` (show it on the web only), got “${printText}”`,
      ruleId: 'table-chart-print',
    });
  }
  return { chart: { selector, type: type ?? 'grouped', whole, done, print: printText !== 'no' }, problems };
}
