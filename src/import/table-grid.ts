import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { isCjk } from '../markdown/cjk.ts';

/** A Word table as the bulletin's CSV form: rows of cell texts and how many lead rows are its header. */
export interface TableGrid {
  readonly rows: readonly (readonly string[])[];
  readonly headerRows: number;
  /** Rows at the table's top merged across its width (its title) or giving its units (`单位：个、户`), which go before it as text. */
  readonly lines: readonly string[];
  /** Rows at the table's foot merged across its width as a note (`注：…`), which follow it as text. */
  readonly notes: readonly string[];
  /** Footnote marks in its cells (mammoth's `#footnote-3` links), left out of the cells' text. */
  readonly footnotes: readonly { readonly text: string; readonly href: string }[];
}

/** mammoth's link of a footnote or endnote mark, `#footnote-3`, `#endnote-3`. */
export const FOOTNOTE_LINK = /^#(footnote|endnote)-(\d+)$/;

/** A note's start, in a row merged across a table's foot: `注：`, `说明：`, `数据来源：`. */
const NOTE = /^(注|备注|说明|数据来源|资料来源)\s*\d*\s*[：:]/;

/** A line over a table's header, in a cell of its own: `单位：个、户`, `金额单位：万元`, `填报单位：…`. */
const UNIT_LINE = /^(填报单位|报送单位|(金额|计量|数量)?单位)\s*[：:]/;

interface Placed {
  readonly text: string;
  /** Whether this grid position is covered by a merged cell that starts elsewhere. */
  readonly continued: boolean;
  readonly colSpan: number;
}

/**
 * The grid of an HTML table as mammoth writes it (`thead` for Word's repeat-header rows,
 * `colspan`/`rowspan` for gridSpan and vMerge). A merged header cell is repeated in every
 * position it covers, the form from which `::table` merges equal header cells again; in the
 * body a merged cell's text stands in its first position and the others are left empty (a
 * `合计` label merged across two columns reads `合计,,…` as in the README).
 */
export function tableGrid(table: Element): TableGrid {
  const trs = rowsOf(table);
  const footnotes: { text: string; href: string }[] = [];
  const placed: Placed[][] = trs.map(() => []);
  for (const { cell, row, column, colSpan, rowSpan } of placeCells(trs)) {
    const marks: string[] = [];
    const text = cellText(withoutFootnotes(cell, (href) => marks.push(href)));
    footnotes.push(...marks.map((href) => ({ text, href })));
    for (let down = 0; down < rowSpan; down++) {
      for (let across = 0; across < colSpan; across++) {
        placed[row + down]![column + across] = { text, continued: down > 0 || across > 0, colSpan: across === 0 && down === 0 ? colSpan : 1 };
      }
    }
  }
  const width = Math.max(0, ...placed.map((row) => row.length));
  const all = placed.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? { text: '', continued: false, colSpan: 1 }));
  // Note rows at the foot, merged across the width: text after the table, not a row of it.
  let end = all.length;
  while (end > 1 && all[end - 1]![0]!.colSpan === width && width > 1 && NOTE.test(all[end - 1]![0]!.text)) end--;
  // Its title merged across the top and its unit line, as Excel sheets are laid out: text before it.
  let start = 0;
  while (start < end - 2 && width > 1 && leadLine(all[start]!, width) !== undefined) start++;
  const grid = all.slice(start, end);
  const lines = all.slice(0, start).map((row) => leadLine(row, width)!);
  const notes = all.slice(end).map((row) => row[0]!.text);
  const headed = Math.max(0, trs.filter((tr) => tr.properties.dataHeader === true).length - start);
  // Repeat-header rows, and as many more as the header's merges run down (a draft often marks
  // only the first row to repeat).
  const headerRows = Math.max(headed, headerFromMerges(grid));
  return {
    rows: grid.map((row, rowIndex) => row.map((cell) => (rowIndex < headerRows || !cell.continued ? cell.text : ''))),
    headerRows,
    lines,
    notes,
    footnotes,
  };
}

/** The text of a row that is a line over the table: one cell merged across it, or a unit line in a cell of its own. */
function leadLine(row: readonly Placed[], width: number): string | undefined {
  if (row[0]!.colSpan === width && row[0]!.text !== '') return row[0]!.text;
  const texts = row.filter((cell) => !cell.continued && cell.text !== '');
  return texts.length === 1 && UNIT_LINE.test(texts[0]!.text) ? texts[0]!.text : undefined;
}

/** A `td`/`th` at its place in the table's grid, spans counted. */
export interface PlacedCell {
  readonly cell: Element;
  readonly row: number;
  readonly column: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/** The cells of a table in reading order (row by row, left to right), each at its grid place. */
export function tableCells(table: Element): PlacedCell[] {
  return placeCells(rowsOf(table));
}

function placeCells(trs: readonly Element[]): PlacedCell[] {
  const taken: boolean[][] = trs.map(() => []);
  const cells: PlacedCell[] = [];
  trs.forEach((tr, row) => {
    let column = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (taken[row]![column]) column++;
      const colSpan = span(cell.properties.colSpan);
      const rowSpan = Math.min(span(cell.properties.rowSpan), trs.length - row);
      for (let down = 0; down < rowSpan; down++) for (let across = 0; across < colSpan; across++) taken[row + down]![column + across] = true;
      cells.push({ cell, row, column, colSpan, rowSpan });
      column += colSpan;
    }
  });
  return cells;
}

/** The table's rows in order, `thead` ones marked, whatever sections hold them. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Element, header: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push({ ...child, properties: { ...child.properties, dataHeader: header } });
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child, header || child.tagName === 'thead');
    }
  };
  visit(table, false);
  return rows;
}

/**
 * The rows the header's merges hold together: the first row, as far down as a cell in it is
 * merged, and one row more under a heading merged across (a group heading has its column
 * headings beneath it) — unless that row starts with a number, as body rows do.
 */
function headerFromMerges(grid: readonly (readonly Placed[])[]): number {
  let rows = 1;
  for (let row = 0; row < rows && row < grid.length; row++) {
    for (const [column, cell] of grid[row]!.entries()) {
      let bottom = row;
      while (grid[bottom + 1]?.[column]?.continued && grid[bottom + 1]![column]!.text === cell.text && !isNumber(cell.text)) bottom++;
      rows = Math.max(rows, bottom + 1);
    }
    const below = grid[row + 1];
    if (row === rows - 1 && below && !isNumber(below[0]?.text ?? '') && grid[row]!.some((cell) => cell.colSpan > 1)) rows++;
  }
  return Math.min(rows, Math.max(1, grid.length - 1));
}

function isNumber(text: string): boolean {
  return /^[\d.,，]+$/.test(text.trim());
}

function span(value: unknown): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : 1;
}

/** The cell without its footnote marks (`<sup><a href="#footnote-3">`), each told to `found`. */
function withoutFootnotes(cell: Element, found: (href: string) => void): Element {
  const strip = (node: Element): Element => ({
    ...node,
    children: node.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child];
      const link = child.tagName === 'sup' ? child.children.find((inner): inner is Element => inner.type === 'element' && inner.tagName === 'a') : undefined;
      const href = String(link?.properties.href ?? '');
      if (FOOTNOTE_LINK.test(href)) {
        found(href);
        return [];
      }
      return [strip(child)];
    }),
  });
  return strip(cell);
}

/** A cell's paragraphs on one line: joined without a space where Chinese meets, as the bulletin sets them. */
export function cellText(cell: Element): string {
  const lines = cell.children.flatMap((child: ElementContent) => {
    // A table inside the cell: its cells one after another, not run into one word.
    const text = (child.type === 'element' && child.tagName === 'table' ? nestedCells(child).map(cellText).join(' ') : toString(child))
      .replace(/\s+/g, ' ')
      .trim();
    return text ? [text] : [];
  });
  return lines.reduce((joined, line) => (joined === '' ? line : `${joined}${isCjk(joined.at(-1)) || isCjk(line[0]) ? '' : ' '}${line}`), '');
}

/** The cells of a table inside a table's cell, in reading order. */
export function nestedCells(table: Element): Element[] {
  return rowsOf(table).flatMap((row) =>
    row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')),
  );
}

/** RFC 4180 CSV, quoted where needed; written by hand as csv-parse, jianbao's CSV library, only reads. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return rows.map((row) => `${row.map(quote).join(',')}\n`).join('');
}
