import type { CellValue } from 'exceljs';
import { leadingIndent } from './leading-indent.ts';
import { formatNumber } from './number-format.ts';

/** A cell's text as Excel shows it, the spaces typed before it as its indent, or why it has none a table could print. */
export type CellReading = { readonly text: string; readonly indent?: number } | { readonly reason: string };

/**
 * What a workbook cell shows: numbers under their number format, formulas as their saved
 * (cached) result, rich text and links as their text, dates as a Chinese Excel writes them. An
 * error value and a formula without a saved result are reasons, not text, unless `calculated`
 * says the sheet's formulas have results (an empty text result reads as none).
 */
export function cellText(value: CellValue, format: string | undefined, calculated: () => boolean = () => false): CellReading {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: formatNumber(value, format) };
  // A line break typed in the cell (Alt+Enter) is kept, as `\n`: the table shows it.
  if (typeof value === 'string') return leadingIndent(value.replace(/\r\n?/g, '\n').trimEnd());
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: formatDate(value, format) };
  if ('error' in value) {
    return { reason: `Expected a value, found the error ${value.error}; fix the formula in Excel or WPS and save the workbook again` };
  }
  if ('richText' in value)
    return leadingIndent(
      value.richText
        .map((run) => run.text)
        .join('')
        .replace(/\r\n?/g, '\n')
        .trimEnd(),
    );
  if ('hyperlink' in value) return cellText(value.text, format);
  // An empty text saved as a result (`IF(C3=0,"",D3/C3)`, `<v></v>`) reaches us as none:
  // where the sheet's other formulas have theirs, the program calculated, and that one is empty.
  if (value.result === undefined && calculated()) return { text: '' };
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

/** Built-in number format 14, as exceljs gives it. */
const SHORT_DATE = 'mm-dd-yy';

/**
 * A date as Excel shows it under a date format of year, month and day (`yyyy-mm-dd` →
 * `2024-05-31`, `m"月"d"日"` → `5月31日`, `yyyy"年"m"月"`); under any other (General, one with
 * a time) as Chinese Excel shows a date, `2024/3/1`. exceljs reads dates as UTC midnight.
 */
function formatDate(date: Date, format: string | undefined): string {
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  // The section for numbers: Chinese Excel writes date formats with one for text (`…"日";@`).
  const section = /^(?:"[^"]*"|\\.|[^;])*/.exec(format ?? '')?.[0] ?? '';
  // Built-in format 14, which exceljs names by its American form, is Chinese Excel's short date.
  if (section === SHORT_DATE) return `${year}/${month}/${day}`;
  // Colours and locales (`[$-804]`) left out; quoted and escaped text kept as written.
  const pattern = section.replace(/\[[^\]]*\]/g, '');
  const tokens = pattern.match(/"[^"]*"|\\.|y+|m+|d+|[^"\\ymd]+/gi) ?? [];
  const dated = tokens.some((token) => /^[ymd]/i.test(token));
  if (!dated || /[hs]/i.test(tokens.filter((token) => !token.startsWith('"') && !token.startsWith('\\')).join(''))) return `${year}/${month}/${day}`;
  const two = (value: number) => String(value).padStart(2, '0');
  return tokens
    .map((token) => {
      const unit = token[0]?.toLowerCase();
      if (token.startsWith('"')) return token.slice(1, -1);
      if (token.startsWith('\\')) return token.slice(1);
      if (unit === 'y') return token.length <= 2 ? two(year % 100) : String(year);
      if (unit === 'm') return token.length === 1 ? String(month) : two(month);
      if (unit === 'd') return token.length === 1 ? String(day) : two(day);
      return token;
    })
    .join('');
}
