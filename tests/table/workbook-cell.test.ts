import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/table/sources/workbook-cell.ts';

// A date cell as Excel shows it under its format; exceljs reads dates as UTC midnight.
describe('cellText of a date', () => {
  const may31 = new Date(Date.UTC(2024, 4, 31));
  it.each([
    ['yyyy-mm-dd', '2024-05-31'],
    ['m"月"d"日"', '5月31日'],
    ['yyyy"年"m"月"d"日"', '2024年5月31日'],
    ['yyyy"年"m"月"', '2024年5月'],
    ['[$-804]yyyy/m/d', '2024/5/31'],
    ['yyyy\\.mm\\.dd', '2024.05.31'],
    // With the section for text Chinese Excel adds, and its built-in short date (format 14).
    ['yyyy"年"m"月"d"日";@', '2024年5月31日'],
    ['m"月"d"日";@', '5月31日'],
    ['mm-dd-yy', '2024/5/31'],
    // No date format: as Chinese Excel shows a date.
    [undefined, '2024/5/31'],
    ['General', '2024/5/31'],
    ['0.00', '2024/5/31'],
    ['yyyy/m/d h:mm', '2024/5/31 0:00'],
  ])('under %s is %s', (format, text) => {
    expect(cellText(may31, format)).toEqual({ text });
  });

  // 14:30 on 31 May 2024 as Excel stores it, a fraction of a day with its rounding error.
  const afternoon = new Date(Date.UTC(2024, 4, 31, 14, 29, 59, 999));
  it.each([
    ['yyyy/m/d h:mm', '2024/5/31 14:30'],
    ['h:mm', '14:30'],
    ['h"时"mm"分"', '14时30分'],
    ['上午/下午h"时"mm"分"', '下午2时30分'],
    ['h:mm:ss AM/PM', '2:30:00 PM'],
    ['yyyy"年"m"月"d"日"', '2024年5月31日'],
    ['mm:ss', '30:00'],
  ])('with a time, under %s is %s', (format, text) => {
    expect(cellText(afternoon, format)).toEqual({ text });
  });
});
