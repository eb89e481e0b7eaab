import { isAbsolute, relative, resolve } from 'node:path';
import type { RootContent } from 'mdast';
import type {} from 'remark-directive';
import type { VFile } from 'vfile';
import { buildTable, isColumnNumbers } from './build-table.ts';
import { element } from './hast-element.ts';
import { extensionOf, localPath } from '../util/local-path.ts';
import { cellLabel, type Problem } from './problem.ts';
import { printSizeProblem } from './print-size.ts';
import { renderTable } from './render-table.ts';
import { formatAttributes, sourceFor } from './sources/index.ts';
import { tableChart } from './table-chart.ts';
import { tableAttributes } from './table-attributes.ts';
import type { SourceRow } from './sources/source.ts';
import type { TableEmbed } from './table-embed.ts';
import type {} from './table-record.ts';
import { isStarterTable } from './starter-table.ts';
import { unchangedSource } from './unchanged-source.ts';
import { addMessage, reportProblem } from '../report/messages.ts';

export type LeafDirective = Extract<RootContent, { type: 'leafDirective' }>;
type Point = NonNullable<LeafDirective['position']>['start'];

/**
 * Check and render one `::table` directive. Every problem becomes a fatal message (the build
 * stops on them) and the table is left out; otherwise the table is recorded on `file.data`. What
 * the source left out and what the 合计 check tells without stopping (their `notes`) are warnings
 * either way.
 * `root` is absolute or undefined; `period` is the month the table reports (see `TableRecord.period`);
 * `name` names the table for screen readers.
 */
export async function embedTable(
  node: LeafDirective,
  file: VFile,
  root: string | undefined,
  { period, name = '数据表' }: { readonly period?: string | undefined; readonly name?: string } = {},
): Promise<TableEmbed | undefined> {
  const { problems, notes = [], sourceName, built } = await check(node, file, root);
  // What the source left out, told whether or not the table could be built (a 合计 that no longer
  // checks may be why).
  for (const note of notes) report(file, note, node.position?.start, sourceName, { fatal: false });
  if (!built || problems.length > 0) {
    for (const problem of problems) report(file, problem, node.position?.start, sourceName);
    return undefined;
  }

  // The starter table carried forward unchanged is said once, as the starter.
  if (built.starter) {
    reportProblem(
      file,
      `Unexpected starter table ${node.attributes?.src} of the new issue, its 甲县 and 乙县 with figures of 0; enter this issue's table in its place, or delete the table and its heading`,
      { place: node.position?.start, ruleId: 'placeholder' },
    );
  } else if (built.carried) {
    reportProblem(
      file,
      `Expected this issue's figures in ${node.attributes?.src}, found the same bytes as the previous issue's ${built.carried}; update its numbers, or remove the table if it has no news`,
      { place: node.position?.start, ruleId: 'table-unchanged' },
    );
  }
  const record = period === undefined ? built.record : { ...built.record, period };
  (file.data.tables ??= []).push(record);
  const table = renderTable(built.model, name);
  // A charted table is the chart, then the table it was drawn from.
  const wrap = record.chart ? element('div', { className: ['table-chart'] }, [tableChart({ ...record, chart: record.chart }), table]) : table;
  return {
    type: 'tableEmbed',
    data: {
      hName: wrap.tagName,
      hProperties: wrap.properties,
      hChildren: wrap.children,
      table: record,
    },
    position: node.position,
  };
}

/** Everything wrong with the directive and its source, and the table when it could be built. */
async function check(node: LeafDirective, file: VFile, root: string | undefined) {
  const attributes = tableAttributes(node.attributes, formatAttributes());
  const problems: Problem[] = [...attributes.problems];
  const { src } = attributes;
  if (src === undefined) return { problems };

  const from = file.dirname === undefined ? file.cwd : resolve(file.cwd, file.dirname);
  const local = localPath(src, { from, root, cwd: file.cwd }, { what: 'table source', written: src, ruleId: 'table-src-outside-root' });
  if ('reason' in local) return { problems: [...problems, local] };
  const found = sourceFor(src);
  if ('problem' in found) return { problems: [...problems, found.problem] };
  const { source } = found;
  for (const key of Object.keys(attributes.source)) {
    if (source.attributes?.includes(key)) continue;
    problems.push({
      reason: `Unexpected attribute \`${key}\` on a ::table of a .${extensionOf(src)} file; it picks a part of an Excel workbook (.xlsx) and has no meaning here`,
      ruleId: 'table-attribute',
    });
  }

  const { path } = local;
  // Listed even when unreadable, so that a watcher rebuilds once the file appears.
  const dependencies = (file.data.dependencies ??= []);
  if (!dependencies.includes(path)) dependencies.push(path);

  // Name the source the way the Markdown file is named, so that messages read alike.
  const sourceName = file.path !== undefined && isAbsolute(file.path) ? path : relative(file.cwd, path);
  const read = await source.read(path, { name: sourceName, attributes: attributes.source });
  if (read.bytesHash !== undefined) (file.data.dependencyHashes ??= {})[path] = read.bytesHash;
  problems.push(...read.problems);
  const notes = [...(read.notes ?? [])];
  // A 栏次 row under the header the source gives is the header's, not a row of figures to sum.
  const headerRows = attributes.headerRows === 'source' ? withColumnNumbers(read.rows, read.headerRows ?? 1) : attributes.headerRows;
  if (read.problems.length > 0 || headerRows === undefined) return { problems, notes, sourceName };

  const line = node.position?.start.line ?? 1;
  const built = buildTable(withoutEmptyColumns(read.rows), { ...attributes, headerRows }, { path, name: sourceName, line });
  notes.push(...(built.notes ?? []));
  if ('problems' in built) return { problems: [...problems, ...built.problems], notes, sourceName };
  const size = printSizeProblem(built.record.rows.length, built.record.columns.length, src);
  if (size) notes.push(size);
  const carried = unchangedSource(path, src, file.data.previousIssue);
  // Rendered again when the previous issue's file changes, so the warning goes once either is updated.
  if (carried !== undefined) dependencies.push(carried);
  const starter = isStarterTable(path);
  return { problems, notes, sourceName, built: { ...built, carried: carried === undefined ? undefined : relative(file.cwd, carried), starter } };
}

/** A message, fatal unless told, at its place in the table source when it has one, else at the directive. */
function report(file: VFile, problem: Problem, directive: Point | undefined, sourceName: string | undefined, { fatal = true } = {}) {
  const { place } = problem;
  const message = addMessage(file, problem.reason, {
    place: place ? { line: place.line, column: place.column } : directive,
    ruleId: problem.ruleId,
    source: 'jianbao',
  });
  if (place && sourceName !== undefined) {
    // The vfile is the Markdown file, but the message belongs to the table source: `file` for
    // tools that read fields, `name` (in the source's own terms) for those that print it.
    message.file = sourceName;
    message.name = cellLabel(place);
    const where = place.label.where?.(place.line, place.column);
    if (where) message.where = where;
  }
  message.fatal = fatal;
}

/** `headerRows` and the 栏次 rows right under them (see `isColumnNumbers`), a body row left below. */
function withColumnNumbers(rows: readonly SourceRow[], headerRows: number): number {
  let count = headerRows;
  while (rows[count + 1] !== undefined && isColumnNumbers(rows[count]!)) count++;
  return count;
}

/**
 * The rows without the columns that are empty from top to bottom and under no merge: a spacer
 * column left between groups in a workbook, or a trailing comma on every line of a CSV, which
 * would print as an empty column (or join the heading to its left).
 */
function withoutEmptyColumns(rows: readonly SourceRow[]): readonly SourceRow[] {
  const width = rows[0]?.cells.length ?? 0;
  const kept = Array.from({ length: width }, (_, column) => rows.some((row) => row.cells[column]?.text !== ''));
  for (const row of rows) {
    row.cells.forEach((cell, column) => {
      for (let covered = column + 1; covered < column + (cell.colSpan ?? 1); covered++) kept[covered] = true;
    });
  }
  if (kept.every(Boolean) || !kept.some(Boolean)) return rows;
  return rows.map((row) => ({ ...row, cells: row.cells.filter((_, column) => kept[column]) }));
}
