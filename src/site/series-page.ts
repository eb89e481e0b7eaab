import { toHtml } from 'hast-util-to-html';
import { SHARE_NAME, shareLabel } from '../table/stacked-chart.ts';
import { type ChartRecord, chartNames, chartTitle, chartValue, drawChart } from '../table/table-chart.ts';
import type { IssueTable } from '../table/table-record.ts';
import type { SiteIssue } from './site-view.ts';
import { monthsBetween } from '../format/months.ts';

/** One charted table followed across issues: its 合计 month by month, and a stacked one's share done. */
export interface SeriesChart {
  readonly title: string;
  /** The inline SVG figure. */
  readonly html: string;
  /** Legend names, one per selected column, then for a stacked chart `进度`. */
  readonly names: readonly string[];
  /** Oldest first: the month, the issue it came from, the totals as written (and the share done). */
  readonly months: readonly SeriesMonth[];
  /** How it is drawn, to draw it again over fewer months (see `chartWithin`). */
  readonly drawing: { readonly chart: ChartRecord; readonly names: readonly string[] };
}

export interface SeriesMonth {
  /** `2021-03`: sorts as the months do. */
  readonly key: string;
  /** `2021年3月`. */
  readonly month: string;
  readonly issue: SiteIssue;
  /** The selected columns' totals, then for a stacked chart the share done. */
  readonly values: readonly string[];
  /** The whole 合计 row, which the chart is drawn from. */
  readonly total: readonly string[];
}

type Charted = IssueTable & { readonly chart: ChartRecord; readonly total: readonly string[] };

/**
 * Tables drawn with `chart` that have a totals row, grouped by their columns and selector (the
 * same table in every issue), each plotted as its totals per month, drawn as the newest issue
 * draws it (grouped, or stacked with the share done). When two issues fall in one month, the
 * later one counts; supplements are left out. `issues` are newest first.
 */
export function seriesCharts(issues: readonly SiteIssue[]): SeriesChart[] {
  const groups = new Map<string, { record: Charted; byMonth: Map<string, { issue: SiteIssue; record: Charted }> }>();
  // A supplement (增刊) is a one-off outside the monthly count: its tables would stand in for the month's.
  for (const issue of [...issues].reverse().filter((candidate) => !candidate.supplement)) {
    for (const record of issue.tables) {
      if (!record.chart || !record.total) continue;
      const charted = record as Charted;
      const key = `${record.columns.join('\u0000')}\u0001${record.chart.selector}`;
      const group = groups.get(key) ?? { record: charted, byMonth: new Map() };
      group.record = charted;
      groups.set(key, group);
      group.byMonth.set(reportedMonth(record.period, issue.date), { issue, record: charted });
    }
  }

  return [...groups.values()].map(({ record, byMonth }) => {
    const { chart } = record;
    const { names, measure } = chartNames(chart, record.paths);
    const title = chartTitle(chart, measure, '月', '合计');
    const { stacked } = chart;
    const share = (total: readonly string[]) => (stacked ? [shareLabel(chartValue(total[stacked.done]), chartValue(total[stacked.whole])) ?? '—'] : []);
    // In the months' order: a heading's month may be earlier than the issue before it's.
    const months = [...byMonth]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, { issue, record: table }]): SeriesMonth => {
        const [year, month] = key.split('-').map(Number);
        const { total } = table;
        return { key, month: `${year}年${month}月`, issue, values: [...chart.columns.map((column) => total[column] ?? ''), ...share(total)], total };
      });
    return seriesChart(title, { chart, names }, months);
  });
}

/** The chart over only the months in `keys`, for a page of the series page; undefined when it has none of them. */
export function chartWithin(chart: SeriesChart, keys: ReadonlySet<string>): SeriesChart | undefined {
  const months = chart.months.filter((entry) => keys.has(entry.key));
  return months.length === 0 ? undefined : seriesChart(chart.title, chart.drawing, months);
}

/**
 * The chart over `months`, its figure drawn when a template first reads `html`: a page whose
 * inputs are unchanged is not made, and so draws nothing. `html` is left out of JSON, so the
 * page's inputs (see `SitePage`) hold what it is drawn from instead: `drawing` and `months`.
 */
function seriesChart(title: string, drawing: SeriesChart['drawing'], months: readonly SeriesMonth[]): SeriesChart {
  const { chart, names } = drawing;
  let html: string | undefined;
  const draw = () =>
    toHtml(
      // The series page is never printed, whatever `chart-print` says.
      drawChart(
        { ...chart, print: true },
        {
          title,
          categories: months.map((entry) => entry.month),
          names,
          cells: (column) => months.map((entry) => entry.total[column]),
        },
      ),
    );
  const made = { title, names: chart.stacked ? [...names, SHARE_NAME] : names, months, drawing };
  return Object.defineProperty(made, 'html', { get: () => (html ??= draw()), enumerable: false }) as SeriesChart;
}

/**
 * The month a table reports: the one its heading names (a March issue reports February), when
 * that is the issue's month or one of the two before it; else the issue's, as a heading carried
 * forward and left unchanged (`2021年11月…` in a March issue) would put its figures on another
 * issue's month.
 */
function reportedMonth(period: string | undefined, date: string): string {
  const month = date.slice(0, 7);
  if (period === undefined) return month;
  const lag = monthsBetween(period, date);
  return lag >= 0 && lag <= 2 ? period : month;
}
