import type { Problem } from './problem.ts';

/** Which columns a `chart` attribute draws, or why it draws none. */
export type ChartColumns = { readonly columns: readonly number[] } | { readonly problem: Problem };

/**
 * `chart="户数"` selects the number columns whose header path contains `户数` in one of its
 * cells; `chart` without a value selects every number column.
 */
export function chartColumns(selector: string, paths: readonly (readonly string[])[], numberColumns: readonly boolean[]): ChartColumns {
  const columns = paths.flatMap((path, column) => (numberColumns[column] && (selector === '' || path.some((text) => text.includes(selector))) ? [column] : []));
  if (columns.length > 0) return { columns };
  const names = paths.filter((_, column) => numberColumns[column]).map((path) => path.at(-1) ?? '');
  return {
    problem: {
      reason:
        `Expected \`chart="${selector}"\` to match the header of a number column, ` +
        (names.length > 0 ? `e.g. “${[...new Set(names)].join('”, “')}”` : 'but the table has no number columns'),
      ruleId: 'table-chart',
    },
  };
}

/**
 * The series' names in the legend: each header path without the cells the selector matched and
 * without cells shared by every selected column (`改造计划 / 涉及户数(户)` → `改造计划`). Where
 * that leaves two series the same name (`改造进展 / 已完工户数`, `改造进展 / 在建户数`), each is
 * named by its matched cell, less the selector (`已完工`, `在建`), or whole.
 */
export function seriesNames(paths: readonly (readonly string[])[], selector: string): string[] {
  const shared = sharedCells(paths);
  const matched = (path: readonly string[]) => (selector === '' ? undefined : [...path].reverse().find((text) => text.includes(selector)));
  const names = paths.map((path) => {
    const rest = path.filter((text) => !(selector !== '' && text.includes(selector)) && !shared.includes(text));
    return rest.at(-1) ?? path.at(-1) ?? '';
  });
  return names.map((name, index) => {
    const cell = matched(paths[index]!);
    if (cell === undefined || names.indexOf(name) === names.lastIndexOf(name)) return name;
    const short = cell.replace(selector, '').trim();
    return short === '' ? cell : short;
  });
}

/** Header cells every selected column has, e.g. a common unit row. */
function sharedCells(paths: readonly (readonly string[])[]): string[] {
  const [first = [], ...rest] = paths;
  return rest.length === 0 ? [] : first.filter((text) => rest.every((path) => path.includes(text)));
}

/**
 * What the chart measures: the shortest header cell the selector matched, where every cell it
 * matched holds it (`户数(户)`, in `涉及户数(户)` too); else the cells it matched, one by one
 * (`转移人数(人)、巡查人次` for `chart="人"`), as one of them alone would name part of the chart.
 */
export function measureName(paths: readonly (readonly string[])[], selector: string): string {
  const matched = selector === '' ? [] : paths.flatMap((path) => path.filter((text) => text.includes(selector)));
  const shortest = [...matched].sort((a, b) => a.length - b.length)[0];
  if (shortest === undefined) return selector || '数值';
  return matched.every((text) => text.includes(shortest)) ? shortest : [...new Set(matched)].join('、');
}
