import type { Element, ElementContent, Properties } from 'hast';
import { element } from './hast-element.ts';
import type { HeaderCell } from './header-cells.ts';
import { labelIndex, labelSpan } from './label-cell.ts';
import { isBlankNumber, isPercentCell, parseNumberCell } from './number-cell.ts';
import { rowTexts } from './row-text.ts';
import type { SpannedCell } from './sources/source.ts';

/** Everything needed to draw one checked table. */
export interface TableModel {
  readonly header: readonly (readonly HeaderCell[])[];
  readonly numberColumns: readonly boolean[];
  /** Body rows, without the totals row; a cell's explicit spans (a workbook's merged cells) are drawn. */
  readonly rows: readonly (readonly SpannedCell[])[];
  /** The totals row, rendered before `rows[at]` (last when `at` is `rows.length`). */
  readonly total: { readonly cells: readonly string[]; readonly at: number } | undefined;
}

/** At most this many leading label columns stay in view while a wide table scrolls. */
const MAX_STICKY = 2;

/**
 * Tables up to this many rows reach the search index as sentences (see `rowTexts`); longer ones
 * as their cells. A sentence repeats the headers, so a table of 100,000 rows would give Pagefind
 * ten million characters of Chinese to segment, which took it over twenty minutes.
 */
const MAX_SENTENCE_ROWS = 2000;

/**
 * `<section class="table-wrap"><table class="data-table">…</table></section>`: the wrapper lets a wide
 * table scroll on screen without widening the page; the leading label columns (序号, 区县名称)
 * carry the class `label` and stay in view (site.css). The search index reads the table from a
 * hidden line per row (see `rowTexts`) instead of its cells, which it would run together; a
 * table longer than MAX_SENTENCE_ROWS is indexed by its cells. `name` is what a screen reader
 * calls the wrapper (see remark-table).
 */
export function renderTable(model: TableModel, name: string): Element {
  const { numberColumns, total } = model;
  const labels = labelColumns(numberColumns);
  const headRows = model.header.map((cells) =>
    element(
      'tr',
      {},
      cells.map((cell) => headerCell(cell, labels)),
    ),
  );
  const indents = indentsShown(model.rows);
  const bodyRows = bodyCells(model, labels, indents).map((cells) => element('tr', {}, cells));
  if (total) bodyRows.splice(total.at, 0, totalRow(total.cells, numberColumns, labels));

  const style = labelStyle(model, labels, indents);
  const sentences = model.rows.length <= MAX_SENTENCE_ROWS;
  // Focusable, so a keyboard can scroll a table wider than the screen; a named section (a region),
  // so that a screen reader says what that stop in the tab order is.
  const wrap = element('section', { className: ['table-wrap'], tabIndex: 0, ariaLabel: name, dataPagefindIgnore: sentences ? '' : undefined }, [
    element('table', { className: ['data-table'], style }, ['\n', element('thead', {}, lines(headRows)), '\n', element('tbody', {}, lines(bodyRows)), '\n']),
  ]);
  if (!sentences) return element('div', { className: ['table-block'] }, [wrap]);
  // One text node, a line a row: the sentences do not double the table's elements.
  return element('div', { className: ['table-block'] }, [
    wrap,
    element('div', { className: ['table-text'], hidden: true }, [`\n${rowTexts(model).join('\n')}\n`]),
  ]);
}

/** How many leading columns hold labels rather than numbers (none when no column holds numbers). */
function labelColumns(numberColumns: readonly boolean[]): number {
  const first = numberColumns.indexOf(true);
  return Math.min(first === -1 ? 0 : first, MAX_STICKY);
}

/**
 * The label columns' widths as CSS variables: `--label-width`, the first column's where a second
 * sticks beside it, and `--labels-width`, all of them together, where a group heading over the
 * number columns (改造进展情况) sticks while they scroll (site.css). Estimated here rather than
 * measured in the reader's browser, as content pages run no JavaScript; site.css makes each
 * column at least that wide, so the heading never slides under a label.
 */
function labelStyle(model: TableModel, labels: number, indents: Indents): string | undefined {
  if (labels === 0) return undefined;
  const widths = Array.from({ length: labels }, (_, column) => labelWidth(model, indents, column, labels));
  const total = `--labels-width:${Math.round(widths.reduce((sum, width) => sum + width, 0) * 10) / 10}em`;
  return labels > 1 ? `--label-width:${widths[0]}em;${total}` : total;
}

/**
 * A label column's width in em: its longest text, body or heading (a Han character 1em, anything
 * else about .6em), and the cell's padding. The first of two (a 序号 column) is as narrow as
 * `序号`; any other is at least the 4.5em site.css gives header cells. On a phone of 320 px the
 * two label columns left room for two columns of figures.
 */
function labelWidth(model: TableModel, indents: Indents, column: number, labels: number): number {
  const heads = model.header.flatMap((cells) => cells.filter((cell) => cell.column === column && cell.colspan === 1).map((cell) => cell.text));
  const texts = model.rows.map((cells) => (cells[column] ? indents.before(cells[column], column) + cells[column].text : ''));
  const longest = Math.max(0, ...[...heads, ...texts].map(textWidth));
  return Math.max(column === 0 && labels > 1 ? 2.5 : 4.5, Math.ceil((longest + 1.2) * 10) / 10);
}

function textWidth(text: string): number {
  let width = 0;
  for (const character of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u.test(character) ? 1 : 0.6;
  return width;
}

/** `label` on a cell lying wholly within the leading label columns. */
function labelClass(column: number, colSpan: number, labels: number): string[] | undefined {
  return column + colSpan <= labels ? ['label'] : undefined;
}

/**
 * A heading over several number columns holds its text in a `group-heading`, which site.css
 * keeps in view while any of its columns is: on a phone, 改造进展情况 over eight columns scrolled
 * out of view before them, and the figures lost the group they belong to.
 */
function headerCell(cell: HeaderCell, labels: number): Element {
  const className = labelClass(cell.column, cell.colspan, labels);
  const text = cellLines(cell.text);
  return element(
    'th',
    { scope: 'col', rowSpan: span(cell.rowspan), colSpan: span(cell.colspan), className },
    cell.colspan > 1 && !className ? [element('span', { className: ['group-heading'] }, text)] : text,
  );
}

/** A cell's text with its line breaks (Alt+Enter in Excel, a quoted newline in CSV) kept as `<br>`s. */
function cellLines(text: string): (Element | string)[] {
  return text.split('\n').flatMap((line, index) => (index === 0 ? [line] : [element('br', {}), line]));
}

/** How body cells show their indents (see `indentsShown`). */
interface Indents {
  /** The spaces before a cell's text. */
  readonly before: (cell: SpannedCell, column: number) => string;
  /** The columns with a cell shown indented. */
  readonly columns: ReadonlySet<number>;
}

/**
 * A cell's indent shown as full-width spaces (an en space for a half) before its text, in web
 * pages and print alike, and left out of the record: parts indented under the row they break
 * down stay so. It is counted from the column's least indented cell, so a column indented
 * throughout shows as one indented nowhere. A column with a cell shown indented has its text
 * cells left-aligned (class `tree`): centred, a part would start left of a longer row above it.
 */
function indentsShown(rows: TableModel['rows']): Indents {
  const least: number[] = [];
  for (const cells of rows) {
    cells.forEach((cell, column) => {
      if (cell.text !== '') least[column] = Math.min(least[column] ?? Number.POSITIVE_INFINITY, cell.indent ?? 0);
    });
  }
  const width = (cell: SpannedCell, column: number) => (cell.text === '' ? 0 : (cell.indent ?? 0) - (least[column] ?? 0));
  const columns = new Set<number>();
  for (const cells of rows) {
    cells.forEach((cell, column) => {
      if (width(cell, column) > 0) columns.add(column);
    });
  }
  return {
    before: (cell, column) => {
      const shown = width(cell, column);
      return shown > 0 ? '\u3000'.repeat(Math.floor(shown)) + (shown % 1 > 0 ? '\u2002' : '') : '';
    },
    columns,
  };
}

/**
 * Each body row's `<td>`s. A spanning cell leaves out the cells it covers; it is cut at the
 * table's edge and at the totals row, so the grid stays whole.
 */
function bodyCells({ rows, numberColumns, total }: TableModel, labels: number, indents: Indents): Element[][] {
  // Columns covered by a span from a row above or a cell to the left, per row.
  const covered: Set<number>[] = [];
  return rows.map((cells, row) => {
    const end = total && row < total.at ? total.at : rows.length;
    const elements: Element[] = [];
    cells.forEach((cell, column) => {
      if (covered[row]?.has(column)) return;
      const rowSpan = Math.min(cell.rowSpan ?? 1, end - row);
      const colSpan = Math.min(cell.colSpan ?? 1, cells.length - column);
      const className = labelClass(column, colSpan, labels);
      const indent = indents.before(cell, column);
      const tree = indents.columns.has(column);
      if (rowSpan === 1 && colSpan === 1) {
        elements.push(dataCell(cell.text, numberColumns[column], { className }, indent, tree));
        return;
      }
      for (let down = row; down < row + rowSpan; down++) {
        for (let across = column; across < column + colSpan; across++) {
          if (down > row || across > column) (covered[down] ??= new Set()).add(across);
        }
      }
      elements.push(dataCell(cell.text, numberColumns[column], { rowSpan: span(rowSpan), colSpan: span(colSpan), className }, indent, tree));
    });
    return elements;
  });
}

/**
 * A cell; `indent`, spaces from `indentsShown`, goes before text, not before a number, and text in
 * a column of indented parts (`tree`) is left-aligned.
 */
function dataCell(cell: string, numeric = false, properties: Properties = {}, indent = '', tree = false): Element {
  if (numeric && isBlankNumber(cell)) return element('td', { ...properties, className: ['num', 'na'] }, [cell]);
  if ((numeric && parseNumberCell(cell)) || isPercentCell(cell)) return element('td', { ...properties, className: ['num'] }, [cell]);
  const classes = (properties['className'] as string[] | undefined) ?? [];
  return element('td', tree ? { ...properties, className: [...classes, 'tree'] } : properties, cellLines(indent + cell));
}

/** The label becomes a row header spanning the blank text cells after it. */
function totalRow(cells: readonly string[], numberColumns: readonly boolean[], labels: number): Element {
  const label = labelIndex(cells);
  const covered = label === -1 ? 0 : labelSpan(cells, label, numberColumns);
  const children: Element[] = [];
  cells.forEach((cell, column) => {
    if (column === label) {
      children.push(element('th', { scope: 'row', colSpan: span(covered), className: labelClass(column, covered, labels) }, cellLines(cell)));
    } else if (column < label || column >= label + covered) {
      children.push(dataCell(cell, numberColumns[column], { className: labelClass(column, 1, labels) }));
    }
  });
  return element('tr', { className: ['total'] }, children);
}

/** A span attribute only where it spans. */
function span(count: number): number | undefined {
  return count > 1 ? count : undefined;
}

/** Rows separated by line breaks, so the HTML reads one row per line. */
function lines(rows: readonly Element[]): ElementContent[] {
  return rows.flatMap((row, index): ElementContent[] => (index === 0 ? [row] : [{ type: 'text', value: '\n' }, row]));
}
