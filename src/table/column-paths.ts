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
      for (let column = cell.column; column < cell.column + cell.colspan; column++) {
        const path = paths[column];
        if (path && !path.includes(cell.text)) path.push(cell.text);
      }
    }
  }
  return paths;
}

/** A column path as one name: `改造计划 / 涉及户数(户)`. */
export function columnName(path: readonly string[]): string {
  return path.join(' / ');
}
