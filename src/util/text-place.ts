/**
 * The line and column of `index` in `text`, the source of something that starts at `start`: its
 * first line goes on from `start`'s column, the lines after it start at column 1.
 */
export function placeIn(
  text: string,
  index: number,
  start: { readonly line: number; readonly column: number } = { line: 1, column: 1 },
): { line: number; column: number } {
  const lineStart = text.slice(0, index).lastIndexOf('\n') + 1;
  const line = start.line + (text.slice(0, lineStart).match(/\n/g)?.length ?? 0);
  return { line, column: (lineStart === 0 ? start.column : 1) + index - lineStart };
}
