import { extensionOf, orList } from '../../util/local-path.ts';
import type { Problem } from '../problem.ts';
import { csvSource } from './csv.ts';
import type { TableSource } from './source.ts';

/** The formats `::table` reads; a new one is a `TableSource` added here. */
export const TABLE_SOURCES: readonly TableSource[] = [csvSource];

/** Each source by the extensions it reads, as Eleventy keys its template engines. */
export function sourceRegistry(sources: readonly TableSource[]): ReadonlyMap<string, TableSource> {
  return new Map(sources.flatMap((source) => source.extensions.map((extension) => [extension, source] as const)));
}

const registry = sourceRegistry(TABLE_SOURCES);

/** The source that reads `src`, by its extension, or why none does. */
export function sourceFor(src: string, sources: ReadonlyMap<string, TableSource> = registry): { readonly source: TableSource } | { readonly problem: Problem } {
  const source = sources.get(extensionOf(src));
  if (source) return { source };
  const supported = orList([...sources.keys()].map((name) => `.${name}`));
  return {
    problem: {
      reason: `Expected a table source ending in ${supported}, got ${src}; other formats cannot be read, so save the table as ${supported}`,
      ruleId: 'table-src-type',
    },
  };
}
