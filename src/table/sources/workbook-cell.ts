import type { CellValue } from 'exceljs';
import { formatNumber } from './number-format.ts';

/** A cell's text as Excel shows it, or why it has none a table could print. */
export type CellReading = { readonly text: string } | { readonly reason: string };

/**
 * What a workbook cell shows: numbers under their number format, formulas as their saved
 * (cached) result, rich text and links as their text, dates as a Chinese Excel writes them. An
 * error value and a formula without a saved result are reasons, not text.
 */
export function cellText(value: CellValue, format: string | undefined): CellReading {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: formatNumber(value, format) };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: formatDate(value, format) };
  if ('error' in value) {
    return { reason: `Expected a value, found the error ${value.error}; fix the formula in Excel or WPS and save the workbook again` };
  }
  if ('richText' in value)
    return {
      text: value.richText
        .map((run) => run.text)
        .join('')
        .trim(),
    };
  if ('hyperlink' in value) return cellText(value.text, format);
  if (value.result === undefined) {
    const formula = 'sharedFormula' in value ? (value.formula ?? value.sharedFormula) : value.formula;
    return {
      reason:
        `Expected the saved result of the formula ${formula}, found none (the workbook was written by a program that does not calculate); ` +
        'open it in Excel, WPS or LibreOffice and save it again',
    };
  }
  return cellText(value.result, format);
}

/**
 * A date as Chinese Excel shows it: `2024年3月1日` under a format with 年月日, else `2024/3/1`.
 * exceljs reads dates as UTC midnight.
 */
function formatDate(date: Date, format: string | undefined): string {
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (format?.includes('年')) return format.includes('日') ? `${year}年${month}月${day}日` : `${year}年${month}月`;
  return `${year}/${month}/${day}`;
}
