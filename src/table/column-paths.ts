import type { HeaderCell } from './header-cells.ts';

/**
 * For each column, the distinct non-empty texts of the header cells above it, top-down
 * (`['改造计划', '涉及户数(户)']`): the column's name in messages and in `file.data.tables`.
 */
export function columnPaths(header: readonly (readonly HeaderCell[])[], width: number): string[][] {
  const paths: string[][] = Array.from({ length: width }, () => []);
  for (const row of header) {
    for (const cell of row) {
      if (cell.text === '') continue;
      const text = oneLine(cell.text);
      for (let column = cell.column; column < cell.column + cell.colspan; column++) {
        const path = paths[column];
        if (path && !path.includes(text)) path.push(text);
      }
    }
  }
  return paths;
}

/** Chinese text, and brackets, either side of a line break join without a space. */
const JOINS = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF()[\]]/u;

/**
 * A cell's text on one line, for a name in messages, charts and search: a line break typed in
 * the cell (`涉及户数⏎(户)`) is left out between Chinese text or brackets, else a space.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, (found, at: number) => (JOINS.test(text[at - 1] ?? '') || JOINS.test(text[at + found.length] ?? '') ? '' : ' '));
}

/** A column path as one name: `改造计划 / 涉及户数(户)`. */
export function columnName(path: readonly string[]): string {
  return path.join(' / ');
}
