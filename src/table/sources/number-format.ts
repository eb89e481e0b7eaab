import { formatDecimal } from '../number-cell.ts';

// Excel keeps 15 significant digits: 36.89999999999999 is 36.9 to it, under any format.
const PRECISION = 15;

/**
 * A number as Excel shows it under a cell's number format, for the formats statistics tables
 * use: General, `0`, `0.0`, `0.00`, `#,##0`, `#,##0.0`, `0%`, `0.0%`, with colours, padding
 * (`_)`), a section for negatives (printed with a minus, as a table's numbers are, where Excel
 * brackets or colours them) and for zero (`"-"`, which a table counts as 0, or nothing) and literal text
 * (`0.0"万元"`). Written by hand because
 * exceljs does not format numbers and the library that does (SheetJS's `ssf`) is not a
 * dependency; other formats (fractions, scientific, text) print as General.
 */
export function formatNumber(value: number, format: string | undefined): string {
  const sections = splitSections(format ?? '');
  let section = sections[0] ?? '';
  let shown = value;
  if (value < 0 && sections.length > 1) {
    // The negative section writes its own sign: a minus, kept; brackets (`(12.25)`) or only a
    // colour (`0;[Red]0`), which a printed table loses, give way to the minus.
    section = sections[1] ?? '';
    if (hasMinus(section)) shown = -value;
    else section = section.replace(/("[^"]*"|\\.|[_*].)|[()]/g, (_, kept: string | undefined) => kept ?? '');
  } else if (value === 0 && sections.length > 2) {
    section = sections[2] ?? '';
  }
  // An empty section hides its numbers (`0;-0;;@` shows zero as nothing), as a table's blank,
  // which its sums pass over as they do Excel's.
  if (section === '' && sections.length > 1) return '';
  const parsed = parseSection(section);
  if (!parsed) return general(value);
  // A section of text alone, as `"-"` shows zero in accounting formats.
  if ('literal' in parsed) return parsed.literal;
  const { prefix, suffix, decimals, grouped, integerDigits, shift, inserts } = parsed;
  const units = roundAt(Math.abs(shown), decimals, shift);
  let text = inserts.length > 0 ? interleaved(units, integerDigits, inserts) : formatDecimal(units, decimals, grouped);
  // `#.0` shows 0.5 as `.5`; `0.0` as `0.5`.
  if (integerDigits === 0 && text.startsWith('0')) text = text.slice(1);
  const sign = shown < 0 && units !== 0n ? '-' : '';
  // Padding and fill (`_(`, `* `) align columns in Excel; a table aligns its own.
  return `${sign}${prefix.trim()}${text}${suffix.trim()}`;
}

/**
 * A whole number's digits with text written between its digit placeholders: `0!.0000` shows
 * 1234567 as `123.4567` (yuan as 万元, a format Chinese finance tables use), 12 as `0.0012`.
 */
function interleaved(units: bigint, integerDigits: number, inserts: Section['inserts']): string {
  let digits = units.toString().padStart(integerDigits, '0');
  // From the leftmost: each counts its place from the digits' right end, which no insert has reached yet.
  for (const { before, text } of inserts) {
    const at = Math.max(0, digits.length - before);
    digits = digits.slice(0, at) + text + digits.slice(at);
  }
  return digits;
}

/**
 * The text a number format writes around a positive number (`"¥"#,##0.00` → `¥`,
 * `0.00"万元"` → `万元`), signs, brackets and a percent sign aside; '' for none.
 */
export function formatUnit(format: string | undefined): string {
  const parsed = parseSection(splitSections(format ?? '')[0] ?? '');
  if (!parsed || 'literal' in parsed) return '';
  return `${parsed.prefix}${parsed.suffix}`.replace(/[%‰\s()+-]/g, '');
}

/** Whether a section writes a minus sign of its own (not one in a colour or locale, `[$-804]`, nor padding, `_-`). */
function hasMinus(section: string): boolean {
  return section.replace(/\[[^\]]*\]|[_*]./g, '').includes('-');
}

/** Excel's General format: the number at its 15 significant digits, without trailing zeros. */
function general(value: number): string {
  return String(Number(value.toPrecision(PRECISION)));
}

interface Section {
  readonly prefix: string;
  readonly suffix: string;
  readonly decimals: number;
  readonly grouped: boolean;
  /** How many `0`s before the decimal point. */
  readonly integerDigits: number;
  /** Powers of ten to apply: +2 per `%`, −3 per thousands-scaling comma (`#,##0,`). */
  readonly shift: number;
  /** Text between the digit placeholders of a format without a decimal point, with how many placeholders follow it, leftmost first. */
  readonly inserts: readonly { readonly before: number; readonly text: string }[];
}

/**
 * One section of a format as number pattern and literal text, or its text when it has no digits;
 * undefined for General and what this does not handle.
 */
function parseSection(section: string): Section | { readonly literal: string } | undefined {
  let pattern = '';
  const literals: string[] = [''];
  // Text after a digit placeholder, with how many placeholders came before it.
  const between: { after: number; text: string }[] = [];
  const placeholders = () => pattern.replace(/[^0#?]/g, '').length;
  for (let index = 0; index < section.length; index++) {
    const char = section[index] ?? '';
    if (char === '"') {
      const end = section.indexOf('"', index + 1);
      const stop = end === -1 ? section.length : end;
      literals[literals.length - 1] += section.slice(index + 1, stop);
      index = stop;
    } else if (char === '\\' || char === '!') {
      // `\.` and `!.`: the character itself.
      literals[literals.length - 1] += section[++index] ?? '';
    } else if (char === '[') {
      // Colour, condition or locale: `[Red]`, `[$-804]`.
      index = Math.max(index, section.indexOf(']', index));
    } else if (char === '_' || char === '*') {
      // Padding to the width of the next character, or filling with it.
      index++;
    } else if ('0#?,.'.includes(char)) {
      // Text after a placeholder that another follows stands between the digits.
      if (literals.length === 2 && literals[1] !== '' && /[0#?]/.test(char)) {
        between.push({ after: placeholders(), text: literals[1]! });
        literals[1] = '';
      }
      pattern += char;
      if (literals.length === 1) literals.push('');
    } else if (char === '%' || char === ' ' || char === '-' || char === '+' || char === '(' || char === ')' || /[\p{Script=Han}￥¥$]/u.test(char)) {
      literals[literals.length - 1] += char;
    } else {
      // Dates, times, scientific, text (`@`) and General itself.
      return undefined;
    }
  }
  const [prefix = '', suffix = ''] = literals;
  if (!/[0#?]/.test(pattern)) return pattern === '' && prefix.trim() !== '' ? { literal: prefix.trim() } : undefined;
  const point = pattern.indexOf('.');
  const whole = point === -1 ? pattern : pattern.slice(0, point);
  const fraction = point === -1 ? '' : pattern.slice(point + 1);
  const scaling = /,+$/.exec(whole)?.[0].length ?? 0;
  const percents = [...`${prefix}${suffix}`].filter((char) => char === '%').length;
  // Between the digits only as whole numbers: else (a rare `0.0"x"0`) it is left out.
  const total = placeholders();
  const inserts = point === -1 ? between.map(({ after, text }) => ({ before: total - after, text })) : [];
  return {
    prefix,
    suffix,
    decimals: fraction.replace(/[^0#?]/g, '').length,
    grouped: whole.slice(0, whole.length - scaling).includes(','),
    integerDigits: whole.replace(/[^0]/g, '').length,
    shift: 2 * percents - 3 * scaling,
    inserts,
  };
}

/** `value × 10^shift` rounded half away from zero at `decimals`, in units of `10^-decimals`, from its 15 significant digits. */
function roundAt(value: number, decimals: number, shift: number): bigint {
  if (value === 0 || !Number.isFinite(value)) return 0n;
  const [mantissa = '0', exponent = '0'] = value.toExponential(PRECISION - 1).split('e');
  const digits = BigInt(mantissa.replace('.', ''));
  const power = Number(exponent) - (PRECISION - 1) + decimals + shift;
  if (power >= 0) return digits * 10n ** BigInt(power);
  const divisor = 10n ** BigInt(-power);
  return (digits + divisor / 2n) / divisor;
}

/** A format's sections, split at `;` outside quotes. */
function splitSections(format: string): string[] {
  if (/^\s*general\s*$/i.test(format) || format === '') return [];
  // Empty sections kept (`0;-0;;@`, `0;`): one hides its numbers. A `;` in quotes or escaped is text.
  const sections = [''];
  for (const [token] of format.matchAll(/"[^"]*"|\\.|;|[^;"\\]+|./g)) {
    if (token === ';') sections.push('');
    else sections[sections.length - 1] += token;
  }
  return sections;
}
