import { asHalfWidth } from '../format/half-width.ts';
import { memoize } from '../util/memoize.ts';

/** `/` in a number column: "does not apply", counted as 0. */
const NOT_APPLICABLE = '/';
/** Dashes for zero or none, as accounting formats show 0 in Excel and editors type: counted as 0. */
const DASHES = new Set(['-', '—', '－', '–']);

/** A number column's cell that holds no number but counts as 0 and prints as written: `/`, or a dash. */
export function isBlankNumber(cell: string): boolean {
  return cell === NOT_APPLICABLE || DASHES.has(cell);
}

/** `85.3%`, `-2.1%`, `12‰`: a rate, aligned as a number, though never summed. */
const PERCENT = /^[-+]?\d+(?:\.\d+)?[%‰]$/;

/** A rate written with its sign (`85.3%`): aligned with the numbers, but not a number of the table's sums. */
export function isPercentCell(cell: string): boolean {
  return PERCENT.test(cell);
}

const NUMBER = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * A decimal held exactly as `units / 10 ** scale`, so that 10.1 + 8.2 is 18.3:
 * sums are done on bigints, never on floats.
 */
export interface Decimal {
  readonly units: bigint;
  /** Digits after the decimal point, as written. */
  readonly scale: number;
  /** Written with thousands separators (`1,234`). */
  readonly grouped: boolean;
}

/**
 * Read a number cell (`-12`, `1,234.5`); `undefined` when the text is not a number. Remembered by
 * text: a table's cells are read by each check and drawing that needs their numbers (the number
 * columns, the totals, the label column, the chart, the table itself: six to eight times a cell),
 * and making the BigInt each time was 0.25 ms of an issue's 12.
 */
export const parseNumberCell: (text: string) => Decimal | undefined = memoize(10_000, (text) => parse(text));

function parse(text: string): Decimal | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = ''] = match;
  const units = BigInt(whole.replaceAll(',', '') + fraction);
  return { units: sign ? -units : units, scale: fraction.length, grouped: whole.includes(',') };
}

/** `value` in units of `10 ** -scale`; `scale` must not be below the value's own. */
export function atScale(value: Decimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** Write `units / 10 ** scale` with exactly `scale` decimals. */
export function formatDecimal(units: bigint, scale: number, grouped = false): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  let whole = digits.slice(0, cut);
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return (negative ? '-' : '') + whole + (scale > 0 ? `.${digits.slice(cut)}` : '');
}

/**
 * A number typed with the input method in Chinese mode (`１２`, `－120`, `３．５`), which is no
 * number to the check, as it is to be written (`12`); undefined for anything else.
 */
export function halfWidth(cell: string): string | undefined {
  const half = asHalfWidth(cell, /[０-９．，]/g).replace(/^[－−]/, '-');
  return half !== cell && parseNumberCell(half) ? half : undefined;
}

/** A negative number in brackets (`(35)`, `（1,050.5）`), as accounting formats show it and Excel writes it to a CSV file. */
const BRACKETED = /^[(（]\s*(\d[\d,]*(?:\.\d+)?)\s*[)）]$/;

/**
 * What a cell that is no number to the check was meant to be, and why it is not one: a number
 * typed full-width (`１２０`), or a negative in brackets as an accounting format shows it (`(35)`);
 * undefined for anything else.
 */
export function meantNumber(cell: string): { readonly number: string; readonly why: string } | undefined {
  const half = halfWidth(cell);
  if (half !== undefined) return { number: half, why: 'typed with full-width characters' };
  const bracketed = BRACKETED.exec(cell)?.[1];
  if (bracketed !== undefined && parseNumberCell(bracketed))
    return { number: `-${bracketed}`, why: 'a negative in brackets, as an accounting format shows it' };
  return undefined;
}
