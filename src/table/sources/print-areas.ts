/** A name the workbook defines (公式 → 名称管理器): `数据区` for `'3月进展'!$A$3:$H$11`. */
export interface DefinedName {
  readonly name: string;
  /** The sheet it belongs to, by name; undefined for a name of the whole workbook. */
  readonly scope: string | undefined;
  /** Its blocks of cells (`A3:H11`, without the `$`s), each on its sheet; none for a formula or a constant. */
  readonly blocks: readonly { readonly sheet: string; readonly cells: string }[];
}

// `'3月（全市） 进展表'!$A$1:$G$13`: a sheet's name, quoted when it must be, `!` and its cells.
const BLOCK = `('(?:[^']|'')*'|[^',!()]+)!([^,()]+)`;
const BLOCKS = new RegExp(`^${BLOCK}(,${BLOCK})*$`);

/**
 * The names the workbook (its `xl/workbook.xml`) defines, its print areas (`_xlnm.Print_Area`) among them. The workbook
 * numbers a name's sheet (`localSheetId`) among all its sheets, chart sheets included, which
 * exceljs leaves out of its worksheets while still counting by them: behind a chart sheet (图表1, a
 * chart moved to a sheet of its own), each sheet got the print area of the sheet after it, or none.
 */
export function definedNames(book: Document | undefined): readonly DefinedName[] {
  if (book === undefined) return [];
  const sheets = Array.from(book.getElementsByTagNameNS('*', 'sheet')).map((sheet) => sheet.getAttribute('name') ?? '');
  return Array.from(book.getElementsByTagNameNS('*', 'definedName')).map((defined) => {
    const text = (defined.textContent ?? '').trim();
    const blocks = BLOCKS.test(text)
      ? [...text.matchAll(new RegExp(BLOCK, 'g'))].map(([, sheet = '', cells = '']) => ({
          sheet: sheet.startsWith("'") ? sheet.slice(1, -1).replaceAll("''", "'") : sheet,
          cells: cells.replaceAll('$', ''),
        }))
      : [];
    const local = defined.getAttribute('localSheetId');
    return { name: defined.getAttribute('name') ?? '', scope: local === null ? undefined : sheets[Number(local)], blocks };
  });
}

/**
 * Each sheet's print area (打印区域) by the sheet's name, as the workbook defines it: `A1:G13`, or
 * several blocks joined with `,` (`A1:G13,A20:G30`).
 */
export function printAreas(names: readonly DefinedName[]): ReadonlyMap<string, string> {
  const areas = new Map<string, string>();
  for (const { name, scope, blocks } of names) {
    if (name === '_xlnm.Print_Area' && scope !== undefined && blocks.length > 0) areas.set(scope, blocks.map((block) => block.cells).join(','));
  }
  return areas;
}
