import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/table/sources/number-format.ts';

// What an Excel cell shows under its number format, as a table prints it.
describe('formatNumber', () => {
  it.each([
    ['General', 36.89999999999999, '36.9'],
    ['0.0', 4, '4.0'],
    ['#,##0', 3200, '3,200'],
    ['0.0%', 0.853, '85.3%'],
    ['#,##0.0"万元"', 12345.67, '12,345.7万元'],
    ['#,##0;[Red]-#,##0', -7, '-7'],
    ['0.00;-0.00;"-"', -3, '-3.00'],
    // Zero as a dash, which a table counts as 0.
    ['0.00;-0.00;"-"', 0, '-'],
    ['_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', 0, '-'],
    ['_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-', 0, '-'],
    // Zero hidden by an empty section, shown as nothing; the other numbers as their sections show them.
    ['0;-0;;@', 0, ''],
    ['0;-0;;@', -5, '-5'],
    ['#,##0;;', 1200, '1,200'],
    ['0;', -3, ''],
    ['0.0"元;角"', 2, '2.0元;角'],
    // Accounting padding left out: a table aligns its own columns.
    ['_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', 1234, '1,234'],
    // Negatives Excel brackets or only colours print with a minus: a printed table has neither.
    ['_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', -1234, '-1,234'],
    ['0.00_);[Red](0.00)', -12.25, '-12.25'],
    ['0;[Red]0', -120, '-120'],
    ['_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-', -5.5, '-5.50'],
    // Yuan shown as 万元: the point is text (`!.`, `\\.`) between the digits.
    ['0!.0000', 1234567, '123.4567'],
    ['0\\.0000', 12, '0.0012'],
    ['0!.0000;-0!.0000', -98765, '-9.8765'],
  ])('shows %s %d as %s', (format, value, text) => {
    expect(formatNumber(value, format)).toBe(text);
  });
});
