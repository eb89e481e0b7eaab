import { describe, expect, it } from 'vitest';
import { printSizeProblem } from '../../src/table/print-size.ts';

// `tests/fixtures/check/table-too-large` shows the warning as `check` prints it, at the `::table`.
describe('a table too large for a bulletin’s pages', () => {
  it('passes 300 rows and 10,000 cells', () => {
    expect(printSizeProblem(300, 2, 'a.csv')).toBeUndefined();
    expect(printSizeProblem(100, 100, 'a.csv')).toBeUndefined();
  });

  it('warns at a row or a cell more, saying what to do', () => {
    expect(printSizeProblem(301, 2, 'a.csv')?.ruleId).toBe('table-too-large');
    expect(printSizeProblem(100, 101, 'a.csv')?.ruleId).toBe('table-too-large');
    expect(printSizeProblem(5000, 50, '数据/large.xlsx')?.reason).toBe(
      "Expected a table a bulletin's pages can hold (at most 300 rows and 10,000 cells), found 5,000 rows × 50 columns in 数据/large.xlsx: printed, it runs to tens of pages or more, and a table of hundreds of thousands of cells takes the PDF past its 60 s limit; print the part readers need (a summary, or a workbook's cells picked with `range`) and link the whole file, `[全表](数据/large.xlsx)`, for the rest",
    );
  });
});
