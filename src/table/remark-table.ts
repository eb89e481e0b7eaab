import { resolve } from 'node:path';
import type { Parent, Root, RootContent } from 'mdast';
import type {} from 'remark-directive';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { RANGE_DASH } from '../format/months.ts';
import { TABLE_DIRECTIVE } from './table-directive.ts';
import { eachNode } from '../util/each-node.ts';
import { embedTable, type LeafDirective } from './embed-table.ts';

export interface Options {
  /**
   * Content folder that every `src` must stay inside, also after following symlinks;
   * relative to the file's `cwd`. An absolute `src` is refused when this is set.
   * @default undefined (no containment check)
   */
  readonly root?: string | undefined;
}

const defaults = { root: undefined } satisfies Options;

/**
 * Replace each `::table{src="….csv"}` leaf directive with its table source (a file of a format
 * in `./sources/index.ts`: CSV, Excel workbooks) as a checked HTML table:
 * merged header cells, number cells marked, the 合计 row checked against the column sums.
 * Use after `remark-parse` and `remark-directive`.
 *
 * Attributes: `src` (required, relative to the Markdown file), `header-rows` (default: the
 * height of a workbook's merged cell at the top-left, else 1), `sheet` and `range` (a
 * workbook's sheet, default the first, and cells in A1 notation, default those in use),
 * `total` (label of a totals row to append when the source has none), `chart` (draw the number
 * columns whose header contains the given text as an inline SVG bar chart above the table).
 * Problems are fatal messages on the file; the table is then left out. Rendered tables are
 * listed on `file.data.tables`, the source files read on `file.data.dependencies`.
 */
export default function remarkTable(options?: Options) {
  const settings = { ...defaults, ...options };

  return async function transform(tree: Root, file: VFile): Promise<void> {
    const root = settings.root === undefined ? undefined : resolve(file.cwd, settings.root);
    const found: { node: LeafDirective; parent: Parent; period: string | undefined; name: string }[] = [];
    // The month the nearest heading above a table names is the month it reports, and the heading
    // names the table for screen readers; a second table under it is `…（表2）`, as regions are
    // told apart by name.
    let period: string | undefined;
    let heading = '数据表';
    const named = new Map<string, number>();
    eachNode(tree, (node, _index, parent) => {
      if (node.type === 'heading') {
        const text = toString(node).trim();
        period = periodOf(text);
        if (text) heading = text;
      }
      if (node.type === 'leafDirective' && node.name === TABLE_DIRECTIVE.name && parent) {
        const count = (named.get(heading) ?? 0) + 1;
        named.set(heading, count);
        found.push({ node, parent, period, name: count === 1 ? heading : `${heading}（表${count}）` });
      }
    });

    // Replaced after the walk, which must not see the tree change under it.
    for (const { node, parent, period, name } of found) {
      const embed = await embedTable(node, file, root, { period, name });
      const children = parent.children as RootContent[];
      children.splice(children.indexOf(node), 1, ...(embed ? [embed] : []));
    }
  };
}

/** A month or a range of them in a heading: `2025年2月`, `2024年1—6月`, `2023年11月至12月`. */
const HEADING_MONTHS = new RegExp(`(\\d{4})年(?:\\d{1,2}月?\\s*${RANGE_DASH}\\s*)?(\\d{1,2})月`, 'g');

/**
 * The month a heading names, the last if it names a span (`2025年2月…进展情况` → `2025-02`,
 * `2024年1—6月…` → `2024-06`); undefined when it names none (`2024年第二季度`).
 */
export function periodOf(heading: string): string | undefined {
  const months = [...heading.matchAll(HEADING_MONTHS)];
  const last = months.at(-1);
  const month = Number(last?.[2]);
  return last && month >= 1 && month <= 12 ? `${last[1]}-${String(month).padStart(2, '0')}` : undefined;
}
