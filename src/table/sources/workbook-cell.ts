import type { CellValue } from 'exceljs';
import { superscript } from '../../format/superscript.ts';
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
        // A unit's raised digit (m², typed as m2 with 上标 on the 2) prints raised.
        .map((run) => (run.font?.vertAlign === 'superscript' ? (superscript(run.text) ?? run.text) : run.text))
        .join('')
        .replace(/\r\n?/g, '\n')
        .trimEnd(),
    );
  if ('hyperlink' in value) return cellText(value.text, format);
  const formula = 'sharedFormula' in value ? (value.formula ?? value.sharedFormula) : value.formula;
  // An empty text saved as a result (`IF(C3=0,"",D3/C3)`, `<v></v>`) reaches us as none, as does
  // a formula never calculated (`<f>SUM(C2:C4)</f>` alone): exceljs reads both alike. Where the
  // sheet's other formulas have theirs, the program calculated, and a formula that can give an
  // empty text (one holding `""`) gave one; any other without a result, a 合计's SUM, was not
  // calculated, and would print an empty 合计 that no check sees.
  if (value.result === undefined && calculated() && formula?.includes('""')) return { text: '' };
  if (value.result === undefined) {
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
 * A date as Excel shows it under a date or time format (`yyyy-mm-dd` → `2024-05-31`,
 * `m"月"d"日"` → `5月31日`, `yyyy"年"m"月"`, `yyyy/m/d h:mm` → `2024/5/31 14:30`,
 * `上午/下午h"时"mm"分"` → `下午2时30分`); under any other (General, a number format) as Chinese
 * Excel shows a date, `2024/3/1`. exceljs reads a date as UTC, its time of day included.
 */
function formatDate(date: Date, format: string | undefined): string {
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  // The section for numbers: Chinese Excel writes date formats with one for text (`…"日";@`).
  const section = /^(?:"[^"]*"|\\.|[^;])*/.exec(format ?? '')?.[0] ?? '';
  // Built-in format 14, which exceljs names by its American form, is Chinese Excel's short date.
  if (section === SHORT_DATE) return `${year}/${month}/${day}`;
  // Colours and locales (`[$-804]`) left out; quoted and escaped text kept as written.
  const pattern = section.replace(/\[[^\]]*\]/g, '');
  const tokens = pattern.match(/"[^"]*"|\\.|上午\/下午|AM\/PM|y+|m+|d+|h+|s+|./gi) ?? [];
  const units = tokens.map((token) => (/^(?:[ymdhs]|上午\/下午|AM\/PM)/i.test(token) ? token[0]!.toLowerCase() : ''));
  if (!units.some((unit) => 'ymdhs'.includes(unit) && unit !== '')) return `${year}/${month}/${day}`;
  // Seconds of the day, rounded: a time is a fraction of a day, stored with its rounding error.
  const seconds = Math.round((date.getTime() - Date.UTC(year, month - 1, day)) / 1000);
  const [hour, minute, second] = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60];
  const twelve = units.some((unit) => unit === '上' || unit === 'a');
  const two = (value: number) => String(value).padStart(2, '0');
  // `m` after an hour or before a second is the minute, as in Excel.
  const clock = (index: number) => {
    const before = units.slice(0, index).filter(Boolean).at(-1);
    const after = units.slice(index + 1).find(Boolean);
    return before === 'h' || after === 's';
  };
  return tokens
    .map((token, index) => {
      const unit = units[index];
      if (token.startsWith('"')) return token.slice(1, -1);
      if (token.startsWith('\\')) return token.slice(1);
      if (unit === 'y') return token.length <= 2 ? two(year % 100) : String(year);
      if (unit === 'm' && clock(index)) return token.length === 1 ? String(minute) : two(minute);
      if (unit === 'm') return token.length === 1 ? String(month) : two(month);
      if (unit === 'd') return token.length === 1 ? String(day) : two(day);
      if (unit === 'h') {
        const shown = twelve ? hour % 12 || 12 : hour;
        return token.length === 1 ? String(shown) : two(shown);
      }
      if (unit === 's') return token.length === 1 ? String(second) : two(second);
      if (unit === '上') return hour < 12 ? '上午' : '下午';
      if (unit === 'a') return hour < 12 ? 'AM' : 'PM';
      return token;
    })
    .join('');
}
