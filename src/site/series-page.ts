import { toHtml } from 'hast-util-to-html';
import { barChart } from '../table/bar-chart.ts';
import { measureName, seriesName, sharedCells } from '../table/chart-columns.ts';
import { chartValue } from '../table/table-chart.ts';
import type { TableRecord } from '../table/table-record.ts';
import type { SiteIssue } from './site-view.ts';

/** One charted table followed across issues: its 合计 month by month. */
export interface SeriesChart {
  readonly title: string;
  /** The inline SVG figure. */
  readonly html: string;
  /** Legend names, one per selected column. */
  readonly names: readonly string[];
  /** Oldest first: the month, the issue it came from, the totals as written. */
  readonly months: readonly SeriesMonth[];
}

export interface SeriesMonth {
  /** `2021-03`: sorts as the months do. */
  readonly key: string;
  /** `2021年3月`. */
  readonly month: string;
  readonly issue: SiteIssue;
  readonly values: readonly string[];
}

type Charted = TableRecord & { readonly chart: NonNullable<TableRecord['chart']>; readonly total: readonly string[] };

/**
 * Tables drawn with `chart` that have a totals row, grouped by their columns and selector (the
 * same table in every issue), each plotted as its totals per month. When two issues fall in
 * one month, the later one counts; supplements are left out. `issues` are newest first.
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
      groups.set(key, group);
      const [year, month] = issue.date.split('-').map(Number);
      group.byMonth.set(`${year}-${String(month).padStart(2, '0')}`, { issue, record: charted });
    }
  }

  return [...groups.values()].map(({ record, byMonth }) => {
    const { columns, selector } = record.chart;
    const paths = columns.map((column) => record.paths[column] ?? []);
    const shared = sharedCells(paths);
    const names = paths.map((path) => seriesName(path, selector, shared));
    const title = `${measureName(paths, selector)}合计（按月）`;
    const months = [...byMonth].map(([key, { issue, record: table }]): SeriesMonth => {
      const [year, month] = key.split('-').map(Number);
      return { key, month: `${year}年${month}月`, issue, values: columns.map((column) => table.total[column] ?? '') };
    });
    return seriesChart(title, names, months);
  });
}

/** The chart over only the months in `keys`, for a page of the series page; undefined when it has none of them. */
export function chartWithin(chart: SeriesChart, keys: ReadonlySet<string>): SeriesChart | undefined {
  const months = chart.months.filter((entry) => keys.has(entry.key));
  return months.length === 0 ? undefined : seriesChart(chart.title, chart.names, months);
}

function seriesChart(title: string, names: readonly string[], months: readonly SeriesMonth[]): SeriesChart {
  const figure = barChart({
    title,
    categories: months.map((entry) => entry.month),
    series: names.map((name, which) => ({
      name,
      values: months.map((entry) => chartValue(entry.values[which])),
      labels: months.map((entry) => entry.values[which] ?? ''),
    })),
  });
  return { title, html: toHtml(figure), names, months };
}
