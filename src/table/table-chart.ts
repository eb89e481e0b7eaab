import type { Element } from 'hast';
import { barChart } from './bar-chart.ts';
import type { ChartSeries } from './chart-figure.ts';
import { measureName, seriesNames } from './chart-columns.ts';
import { bareLabel, labelIndex } from './label-cell.ts';
import { isBlankNumber, parseNumberCell } from './number-cell.ts';
import { SHARE_NAME, stackedChart } from './stacked-chart.ts';
import type { TableRecord } from './table-record.ts';
import { SUBTOTAL } from './totals.ts';

/** What `chart…` asked of a table, as recorded. */
export type ChartRecord = NonNullable<TableRecord['chart']>;

/** A number cell as a bar length: `/` and blanks draw nothing. */
export function chartValue(cell: string | undefined): number | undefined {
  if (cell === undefined || cell === '' || isBlankNumber(cell)) return undefined;
  const parsed = parseNumberCell(cell);
  return parsed && Number(parsed.units) / 10 ** parsed.scale;
}

/** The legend names of the selected columns, in column order, and what they measure. */
export function chartNames(chart: ChartRecord, allPaths: readonly (readonly string[])[]): { readonly names: string[]; readonly measure: string } {
  const paths = chart.columns.map((column) => allPaths[column] ?? []);
  return { names: seriesNames(paths, chart.selector), measure: measureName(paths, chart.selector) };
}

/** A chart title: `户数(户)（按区县名称）`, stacked `户数(户)进度（按区县名称）`. */
export function chartTitle(chart: ChartRecord, measure: string, by: string | undefined, what = ''): string {
  const title = `${measure}${chart.stacked ? SHARE_NAME : what}`;
  return by ? `${title}（按${by}）` : title;
}

/**
 * Draw the selected columns as `chart` asks: grouped bars, or the parts stacked in their whole.
 * `cells` gives a column's cells, one per category.
 */
export function drawChart(
  chart: ChartRecord,
  drawing: {
    readonly title: string;
    readonly categories: readonly string[];
    readonly names: readonly string[];
    readonly cells: (column: number) => readonly (string | undefined)[];
  },
): Element {
  const { title, categories } = drawing;
  const series = (column: number): ChartSeries => {
    const cells = drawing.cells(column);
    return { name: drawing.names[chart.columns.indexOf(column)] ?? '', values: cells.map(chartValue), labels: cells.map((cell) => cell ?? '') };
  };
  const { stacked, print } = chart;
  if (!stacked) return barChart({ title, categories, series: chart.columns.map(series), print });
  const others = stacked.parts.filter((column) => column !== stacked.done);
  return stackedChart({ title, categories, whole: series(stacked.whole), done: series(stacked.done), others: others.map(series), print });
}

/**
 * The chart of a table with `chart`: one bar group (or stacked bar) per body row but its 小计
 * rows, which add up rows drawn already, as the 合计 row does. A row is named by its own label,
 * the last before the figures: `梅县区`, not the `城区片` merged down over its group beside it.
 */
export function tableChart(record: TableRecord & { readonly chart: ChartRecord }): Element {
  const { chart } = record;
  const figures = Math.min(...chart.columns);
  const labelOf = (row: readonly string[]) => {
    for (let column = Math.min(figures, row.length) - 1; column >= 0; column--) if (labelIndex([row[column]!]) === 0) return column;
    return labelIndex(row);
  };
  const rows = record.rows.filter((row) => !SUBTOTAL.test(bareLabel(row[labelOf(row)] ?? '')));
  const labelColumn = rows[0] ? labelOf(rows[0]) : -1;
  const by = labelColumn >= 0 ? record.paths[labelColumn]?.at(-1) : undefined;
  const { names, measure } = chartNames(chart, record.paths);
  return drawChart(chart, {
    title: chartTitle(chart, measure, by),
    categories: rows.map((row, index) => row[labelOf(row)] ?? String(index + 1)),
    names,
    cells: (column) => rows.map((row) => row[column]),
  });
}
