import { isAbsolute, relative, resolve } from 'node:path';
import type { RootContent } from 'mdast';
import type {} from 'remark-directive';
import type { VFile } from 'vfile';
import { buildTable } from './build-table.ts';
import { element } from './hast-element.ts';
import type { Problem } from './problem.ts';
import { readCsv } from './read-csv.ts';
import { renderTable } from './render-table.ts';
import { tableChart } from './table-chart.ts';
import { resolveSrc } from './resolve-src.ts';
import { tableAttributes } from './table-attributes.ts';
import type { TableEmbed } from './table-embed.ts';
import type {} from './table-record.ts';

export type LeafDirective = Extract<RootContent, { type: 'leafDirective' }>;
type Point = NonNullable<LeafDirective['position']>['start'];

/**
 * Check and render one `::table` directive. Every problem becomes a fatal message (the build
 * stops on them) and the table is left out; otherwise the table is recorded on `file.data`.
 * `root` is absolute or undefined.
 */
export async function embedTable(
  node: LeafDirective,
  file: VFile,
  root: string | undefined,
): Promise<TableEmbed | undefined> {
  const { problems, csvName, built } = await check(node, file, root);
  if (!built || problems.length > 0) {
    for (const problem of problems) report(file, problem, node.position?.start, csvName);
    return undefined;
  }

  (file.data.tables ??= []).push(built.record);
  const { record } = built;
  const table = renderTable(built.model);
  // A charted table is the chart, then the table it was drawn from.
  const wrap = record.chart ? element('div', { className: ['table-chart'] }, [tableChart({ ...record, chart: record.chart }), table]) : table;
  return {
    type: 'tableEmbed',
    data: {
      hName: wrap.tagName,
      hProperties: wrap.properties,
      hChildren: wrap.children,
      table: built.record,
    },
    position: node.position,
  };
}

/** Everything wrong with the directive and its CSV, and the table when it could be built. */
async function check(node: LeafDirective, file: VFile, root: string | undefined) {
  const attributes = tableAttributes(node.attributes);
  const problems: Problem[] = [...attributes.problems];
  if (attributes.src === undefined) return { problems };

  const from = file.dirname === undefined ? file.cwd : resolve(file.cwd, file.dirname);
  const resolved = await resolveSrc(attributes.src, { from, root, cwd: file.cwd });
  if ('problem' in resolved) return { problems: [...problems, resolved.problem] };

  const { path } = resolved;
  // Listed even when unreadable, so that a watcher rebuilds once the file appears.
  const dependencies = (file.data.dependencies ??= []);
  if (!dependencies.includes(path)) dependencies.push(path);

  // Name the CSV the way the Markdown file is named, so that messages read alike.
  const csvName = file.path !== undefined && isAbsolute(file.path) ? path : relative(file.cwd, path);
  const csv = readCsv(path, csvName);
  problems.push(...csv.problems);
  const { headerRows } = attributes;
  if (csv.problems.length > 0 || headerRows === undefined) return { problems, csvName };

  const line = node.position?.start.line ?? 1;
  const built = buildTable(csv.rows, { ...attributes, headerRows }, { path, name: csvName, line });
  if ('problems' in built) return { problems: [...problems, ...built.problems], csvName };
  return { problems, csvName, built };
}

/** A fatal message, at its CSV line when it has one, else at the directive. */
function report(file: VFile, problem: Problem, directive: Point | undefined, csvName: string | undefined) {
  const { place } = problem;
  const message = file.message(problem.reason, {
    place: place ?? directive,
    ruleId: problem.ruleId,
    source: 'jianbao',
  });
  if (place && csvName !== undefined) {
    // The vfile is the Markdown file, but the message belongs to the CSV: `file` for tools
    // that read fields, `name` for those that print the message.
    message.file = csvName;
    message.name = `${csvName}:${place.line}:${place.column}`;
  }
  message.fatal = true;
}
