import type { Element } from 'hast';
import { barChart } from './bar-chart.ts';
import { measureName, seriesName, sharedCells } from './chart-columns.ts';
import { labelIndex } from './label-cell.ts';
import { NOT_APPLICABLE, parseNumberCell } from './number-cell.ts';
import type { TableRecord } from './table-record.ts';

/** A number cell as a bar length: `/` and blanks draw nothing. */
export function chartValue(cell: string | undefined): number | undefined {
  if (cell === undefined || cell === '' || cell === NOT_APPLICABLE) return undefined;
  const parsed = parseNumberCell(cell);
  return parsed && Number(parsed.units) / 10 ** parsed.scale;
}

/** The bar chart of a table with `chart`: one bar group per body row, one bar per selected column. */
export function tableChart(record: TableRecord & { readonly chart: NonNullable<TableRecord['chart']> }): Element {
  const { chart } = record;
  const paths = chart.columns.map((column) => record.paths[column] ?? []);
  const shared = sharedCells(paths);
  const labelColumn = record.rows[0] ? labelIndex(record.rows[0]) : -1;
  const byWhat = labelColumn >= 0 ? record.paths[labelColumn]?.at(-1) : undefined;
  const measure = measureName(paths, chart.selector);
  return barChart({
    title: byWhat ? `${measure}（按${byWhat}）` : measure,
    categories: record.rows.map((row, index) => row[labelIndex(row)] ?? String(index + 1)),
    series: chart.columns.map((column, which) => ({
      name: seriesName(paths[which] ?? [], chart.selector, shared),
      values: record.rows.map((row) => chartValue(row[column])),
      labels: record.rows.map((row) => row[column] ?? ''),
    })),
  });
}
