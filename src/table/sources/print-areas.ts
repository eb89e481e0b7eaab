import type JSZip from 'jszip';
import { workbookXml } from './workbook-xml.ts';

/**
 * Each sheet's print area (打印区域) by the sheet's name, as the workbook defines it: `A1:G13`, or
 * several blocks joined with `,` (`A1:G13,A20:G30`). The workbook numbers the print area's sheet
 * (`localSheetId`) among all its sheets, chart sheets included, which exceljs leaves out of its
 * worksheets while still counting by them: behind a chart sheet (图表1, a chart moved to a sheet of
 * its own), each sheet got the print area of the sheet after it, or none.
 */
export async function printAreas(zip: JSZip): Promise<ReadonlyMap<string, string>> {
  const book = await workbookXml(zip, 'xl/workbook.xml');
  const areas = new Map<string, string>();
  if (book === undefined) return areas;
  const sheets = Array.from(book.getElementsByTagNameNS('*', 'sheet')).map((sheet) => sheet.getAttribute('name') ?? '');
  for (const name of Array.from(book.getElementsByTagNameNS('*', 'definedName'))) {
    const sheet = sheets[Number(name.getAttribute('localSheetId') ?? Number.NaN)];
    if (name.getAttribute('name') !== '_xlnm.Print_Area' || sheet === undefined) continue;
    // `'3月（全市） 进展表'!$A$1:$G$13,…`: each block's cells, without the sheet's name and the `$`s.
    const blocks = [...(name.textContent ?? '').matchAll(/(?:'(?:[^']|'')*'|[^',!]*)!([^,]+)/g)].map((found) => found[1]!.replaceAll('$', ''));
    if (blocks.length > 0) areas.set(sheet, blocks.join(','));
  }
  return areas;
}
