import { expect, it } from 'vitest';
import { type IssueTable, sharedTable } from '../../src/table/table-record.ts';

/** A month's table as an issue's render gives it: its own copy of everything. */
function month(total: string[], period: string, stacked = false): IssueTable {
  return {
    columns: ['区县', '户数(户) / 计划', '户数(户) / 完成'],
    paths: [['区县'], ['户数(户)', '计划'], ['户数(户)', '完成']],
    chart: { selector: '户数', columns: [1, 2], print: true, ...(stacked && { stacked: { whole: 1, parts: [2], done: 2 } }) },
    total,
    period,
  };
}

it('holds the columns, header paths and chart that equal tables repeat once, and keeps each its own totals', () => {
  const october = sharedTable(month(['合计', '100', '40'], '2021-10'));
  const november = sharedTable(month(['合计', '100', '55'], '2021-11'));
  expect(november.columns).toBe(october.columns);
  expect(november.paths).toBe(october.paths);
  expect(november.chart).toBe(october.chart);
  expect(november).toEqual(month(['合计', '100', '55'], '2021-11'));
  expect(october.total).toEqual(['合计', '100', '40']);
});

it('shares nothing between tables that differ', () => {
  const grouped = sharedTable(month(['合计', '1', '1'], '2021-10'));
  const stacked = sharedTable(month(['合计', '1', '1'], '2021-10', true));
  expect(stacked.chart).not.toBe(grouped.chart);
  expect(stacked.chart?.stacked).toEqual({ whole: 1, parts: [2], done: 2 });
  expect(grouped.chart?.stacked).toBeUndefined();
});
