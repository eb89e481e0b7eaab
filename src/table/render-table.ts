import type { Element, ElementContent, Properties } from 'hast';
import { element } from './hast-element.ts';
import type { HeaderCell } from './header-cells.ts';
import { labelIndex, labelSpan } from './label-cell.ts';
import { NOT_APPLICABLE, parseNumberCell } from './number-cell.ts';
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

/**
 * `<div class="table-wrap"><table class="data-table">…</table></div>`: the wrapper lets a wide
 * table scroll on screen without widening the page.
 */
export function renderTable(model: TableModel): Element {
  const { numberColumns, total } = model;
  const headRows = model.header.map((cells) => element('tr', {}, cells.map(headerCell)));
  const bodyRows = bodyCells(model).map((cells) => element('tr', {}, cells));
  if (total) bodyRows.splice(total.at, 0, totalRow(total.cells, numberColumns));

  // Focusable, so a keyboard can scroll a table wider than the screen.
  return element('div', { className: ['table-wrap'], tabIndex: 0 }, [
    element('table', { className: ['data-table'] }, ['\n', element('thead', {}, lines(headRows)), '\n', element('tbody', {}, lines(bodyRows)), '\n']),
  ]);
}

function headerCell(cell: HeaderCell): Element {
  return element('th', { scope: 'col', rowSpan: span(cell.rowspan), colSpan: span(cell.colspan) }, [cell.text]);
}

/**
 * Each body row's `<td>`s. A spanning cell leaves out the cells it covers; it is cut at the
 * table's edge and at the totals row, so the grid stays whole.
 */
function bodyCells({ rows, numberColumns, total }: TableModel): Element[][] {
  // Columns covered by a span from a row above or a cell to the left, per row.
  const covered: Set<number>[] = [];
  return rows.map((cells, row) => {
    const end = total && row < total.at ? total.at : rows.length;
    const elements: Element[] = [];
    cells.forEach((cell, column) => {
      if (covered[row]?.has(column)) return;
      const rowSpan = Math.min(cell.rowSpan ?? 1, end - row);
      const colSpan = Math.min(cell.colSpan ?? 1, cells.length - column);
      if (rowSpan === 1 && colSpan === 1) {
        elements.push(dataCell(cell.text, numberColumns[column]));
        return;
      }
      for (let down = row; down < row + rowSpan; down++) {
        for (let across = column; across < column + colSpan; across++) {
          if (down > row || across > column) (covered[down] ??= new Set()).add(across);
        }
      }
      elements.push(dataCell(cell.text, numberColumns[column], { rowSpan: span(rowSpan), colSpan: span(colSpan) }));
    });
    return elements;
  });
}

function dataCell(cell: string, numeric = false, spans?: Properties): Element {
  if (numeric && cell === NOT_APPLICABLE) return element('td', { className: ['num', 'na'], ...spans }, [cell]);
  if (numeric && parseNumberCell(cell)) return element('td', { className: ['num'], ...spans }, [cell]);
  return element('td', { ...spans }, [cell]);
}

/** The label becomes a row header spanning the blank text cells after it. */
function totalRow(cells: readonly string[], numberColumns: readonly boolean[]): Element {
  const label = labelIndex(cells);
  const covered = label === -1 ? 0 : labelSpan(cells, label, numberColumns);
  const children: Element[] = [];
  cells.forEach((cell, column) => {
    if (column === label) {
      children.push(element('th', { scope: 'row', colSpan: span(covered) }, [cell]));
    } else if (column < label || column >= label + covered) {
      children.push(dataCell(cell, numberColumns[column]));
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
