import type { HeaderCell } from './header-cells.ts';
import type { StackedColumns } from './stacked-columns.ts';
import { memoize } from '../util/memoize.ts';

/** What a rendered `::table` leaves on `file.data.tables`, for charts and cache keys. */
export interface TableRecord {
  /** Absolute path of the table source. */
  readonly src: string;
  /** Merged header cells, one list per header row, each cell listed in the row it starts. */
  readonly header: readonly (readonly HeaderCell[])[];
  /** Each column's header path, distinct texts top-down joined with ` / `. */
  readonly columns: readonly string[];
  /** Each column's header path as its distinct texts, top-down. */
  readonly paths: readonly (readonly string[])[];
  /** What `chart="…"` drew: the selector as written and the columns it selected. */
  readonly chart?:
    | {
        readonly selector: string;
        readonly columns: readonly number[];
        /** Drawn stacked (`chart-type="stacked"`): which selected column plays which part. */
        readonly stacked?: StackedColumns | undefined;
        /** False for `chart-print="no"`: the chart is left out of the PDF. */
        readonly print: boolean;
      }
    | undefined;
  /** Body rows as written, without the totals row. */
  readonly rows: readonly (readonly string[])[];
  /** The totals row, as written in the source or computed for `total="…"`. */
  readonly total: readonly string[] | undefined;
  /** Line of the `::table` directive in the Markdown file. */
  readonly line: number;
  /**
   * The month the table reports, `2025-02`, from the nearest heading above it (`2025年2月…进展情况`,
   * `2024年1—6月…`): a March issue reports February. Undefined when the heading names none.
   */
  readonly period?: string | undefined;
}

/**
 * What a rendered issue keeps of a table once its HTML is made: what the series page charts
 * across issues (the columns, the chart, the 合计 row). The header cells and body rows are in the
 * HTML; kept with every issue, they were most of the renders a rebuild reads (10,000 synthetic
 * issues: 19 MB of JSON, 8.6 MB without them).
 */
export type IssueTable = Pick<TableRecord, 'columns' | 'paths' | 'chart' | 'total' | 'period'>;

export function issueTable({ columns, paths, chart, total, period }: IssueTable): IssueTable {
  return { columns, paths, chart, total, ...(period !== undefined && { period }) };
}

type TableShape = Pick<IssueTable, 'columns' | 'paths' | 'chart'>;

/** One copy of each of the newest 64 distinct shapes, by their JSON. */
const sharedShape = memoize(64, (json) => JSON.parse(json) as TableShape);

/**
 * The table with its columns, header paths and chart, which a series' issues mostly repeat, the
 * same objects as an equal table's before it: each issue comes to the main thread with its own
 * copy (cloned from a render worker, parsed from the cache), 2.9 kB an issue of the 12.4 kB the
 * main thread's heap held (heap snapshots at the write phase, 1,000 and 3,000 synthetic issues).
 */
export function sharedTable(table: IssueTable): IssueTable {
  const { columns, paths, chart } = sharedShape(JSON.stringify({ columns: table.columns, paths: table.paths, chart: table.chart }));
  return issueTable({ columns, paths, chart, total: table.total, period: table.period });
}

declare module 'vfile' {
  interface DataMap {
    /** Tables embedded with `::table`, in document order; only those that rendered. */
    tables: TableRecord[];
    /** Absolute paths of the files this document was built from besides itself. */
    dependencies: string[];
    /**
     * The hash of the bytes a table source was built from, by absolute path: what the issue's
     * cache entry keys that file by, rather than the hash of a second read, which would miss an
     * edit between the two.
     */
    dependencyHashes: Record<string, string>;
    /** The Markdown file of the previous issue, whose table files a carried table is compared with. */
    previousIssue: string | undefined;
  }
}
