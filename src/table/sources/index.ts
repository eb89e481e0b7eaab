import { extensionOf, orList } from '../../util/local-path.ts';
import type { Problem } from '../problem.ts';
import { csvSource } from './csv.ts';
import type { TableSource } from './source.ts';
import { xlsxSource } from './xlsx.ts';

/** The formats `::table` reads; a new one is a `TableSource` added here. */
export const TABLE_SOURCES: readonly TableSource[] = [csvSource, xlsxSource];

/** Each source by the extensions it reads, as Eleventy keys its template engines. */
export function sourceRegistry(sources: readonly TableSource[]): ReadonlyMap<string, TableSource> {
  return new Map(sources.flatMap((source) => source.extensions.map((extension) => [extension, source] as const)));
}

const registry = sourceRegistry(TABLE_SOURCES);

/** The `::table` attributes some format reads (`sheet`, `range`), in registry order. */
export function formatAttributes(sources: ReadonlyMap<string, TableSource> = registry): string[] {
  return [...new Set([...sources.values()].flatMap((source) => source.attributes ?? []))];
}

/** Workbook formats editors have that no source reads, and what to save them as. */
const SAVE_AS: Partial<Record<string, string>> = {
  xls: 'an Excel 97–2003 workbook; open it in Excel or WPS and save it as “Excel 工作簿 (*.xlsx)”',
  et: 'a WPS 表格 workbook; open it in WPS and save it as “Excel 工作簿 (*.xlsx)”',
  ods: 'an OpenDocument (LibreOffice Calc) workbook; open it in LibreOffice, WPS or Excel and save it as “Excel 2007-365 (*.xlsx)”',
};

/** The source that reads `src`, by its extension, or why none does. */
export function sourceFor(src: string, sources: ReadonlyMap<string, TableSource> = registry): { readonly source: TableSource } | { readonly problem: Problem } {
  const extension = extensionOf(src);
  const source = sources.get(extension);
  if (source) return { source };
  const saveAs = SAVE_AS[extension];
  if (saveAs) return { problem: { reason: `Cannot read ${src}: it is ${saveAs}`, ruleId: 'table-xlsx-format' } };
  const supported = orList([...sources.keys()].map((name) => `.${name}`));
  return {
    problem: {
      reason: `Expected a table source ending in ${supported}, got ${src}; other formats cannot be read, so save the table as ${supported}`,
      ruleId: 'table-src-type',
    },
  };
}
