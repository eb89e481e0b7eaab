import { orList } from '../util/local-path.ts';
import { CHART_ATTRIBUTES, type ChartRequest, chartAttributes } from './chart-attributes.ts';
import { DEFAULT_TOTAL } from './totals.ts';
import type { Problem } from './problem.ts';

/** What a `::table{…}` directive asks for. */
export interface TableAttributes {
  /** Table source path as written, relative to the Markdown file; undefined when missing. */
  readonly src: string | undefined;
  /**
   * Leading rows of the source that form the header: `'source'` when not given (the source's
   * layout decides, else 1); undefined when the attribute is invalid.
   */
  readonly headerRows: number | 'source' | undefined;
  /** Label of the totals row. */
  readonly label: string;
  /** Whether to append a computed totals row when the source has none. */
  readonly append: boolean;
  /** The chart to draw above the table (see chart-attributes.ts); undefined without `chart`. */
  readonly chart: ChartRequest | undefined;
  /** Attributes for the source's format (a workbook's `sheet`, `range`), trimmed. */
  readonly source: Readonly<Record<string, string>>;
  readonly problems: readonly Problem[];
}

const COMMON: readonly string[] = ['src', 'header-rows', 'total', ...CHART_ATTRIBUTES];
/** Quotes a Chinese input method types: a value quoted with them keeps them. */
const CURLY = /^[“”‘’「」]|[“”‘’「」]$/;
const CURLIES = /[“”‘’「」]/g;

/**
 * Read and check a directive's attributes. `total` alone (no value) appends a `合计` row;
 * `chart="户数"` draws the number columns whose header contains `户数`, `chart` alone all of them.
 * `formats` are the attributes that some source format reads (`sheet`, `range`): they are
 * collected in `source`, and the source picked by `src` checks them.
 */
export function tableAttributes(
  attributes: Readonly<Record<string, string | null | undefined>> | null | undefined,
  formats: readonly string[] = [],
): TableAttributes {
  const problems: Problem[] = [];
  const given = attributes ?? {};
  const source: Record<string, string> = {};

  // remark-directive reads `src=“a.csv”` as a value with the quotes in it: each is named.
  for (const [key, value] of Object.entries(given)) {
    if (typeof value !== 'string' || !CURLY.test(value)) continue;
    problems.push({ reason: `Expected \`${key}="${value.replace(CURLIES, '')}"\` with half-width quotes, got ${key}=${value}`, ruleId: 'table-attribute' });
  }
  if (problems.length > 0) return { src: undefined, headerRows: undefined, label: DEFAULT_TOTAL, append: false, chart: undefined, source, problems };
  for (const key of Object.keys(given)) {
    if (COMMON.includes(key)) continue;
    if (formats.includes(key)) {
      source[key] = (given[key] ?? '').trim();
      continue;
    }
    problems.push({
      reason: `Unexpected attribute \`${key}\` on ::table; expected ${orList([...COMMON, ...formats].map((name) => `\`${name}\``))}`,
      ruleId: 'table-attribute',
    });
  }

  const src = given['src']?.trim() || undefined;
  if (!src) {
    problems.push({
      reason: 'Expected a `src` attribute on ::table naming a CSV file or an Excel workbook, e.g. `::table{src="progress.csv"}`',
      ruleId: 'table-src',
    });
  }

  const rawHeaderRows = given['header-rows'];
  let headerRows: number | 'source' | undefined = 'source';
  if (rawHeaderRows !== undefined) {
    const text = (rawHeaderRows ?? '').trim();
    headerRows = /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
    if (headerRows === undefined) {
      problems.push({
        reason: `Expected \`header-rows\` to be a positive whole number, got “${text}”`,
        ruleId: 'table-header-rows',
      });
    }
  }

  const total = given['total'];
  const append = total !== undefined;
  const label = total?.trim() || DEFAULT_TOTAL;
  const { chart, problems: chartProblems } = chartAttributes(given);
  problems.push(...chartProblems);
  return { src, headerRows, label, append, chart, source, problems };
}
