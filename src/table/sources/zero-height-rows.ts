import { posix } from 'node:path';
import type JSZip from 'jszip';
import { workbookXml } from './workbook-xml.ts';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The rows of a sheet saved with a height of 0 (`<row r="3" ht="0" customHeight="1">`), as some
 * programs that export workbooks hide a row. Excel shows and prints none of them, but exceljs
 * drops a height of 0 and reads the row as shown, so the sheet's own XML is read for them. `book` is
 * the workbook's `xl/workbook.xml`, parsed once for this and its defined names.
 */
export async function zeroHeightRows(zip: JSZip, book: Document | undefined, sheetName: string): Promise<ReadonlySet<number>> {
  const part = await sheetPart(zip, book, sheetName);
  const xml = part === undefined ? undefined : await zip.file(part)?.async('string');
  const rows = new Set<number>();
  if (xml === undefined) return rows;
  // The rows' opening tags alone, by a pattern: a sheet's XML can run to tens of megabytes, which a DOM would hold whole.
  let line = 0;
  for (const [tag] of xml.matchAll(/<(?:[\w.-]+:)?row\b[^>]*>/g)) {
    const number = attribute(tag, 'r');
    // A row without its number follows the one before it.
    line = number === undefined ? line + 1 : Number(number);
    const height = attribute(tag, 'ht');
    if (height !== undefined && Number(height) === 0) rows.add(line);
  }
  return rows;
}

/** Where the archive keeps the sheet of that name (`xl/worksheets/sheet1.xml`), through the workbook's (`book`, its `xl/workbook.xml`) relationships. */
async function sheetPart(zip: JSZip, book: Document | undefined, sheetName: string): Promise<string | undefined> {
  const sheet = Array.from(book?.getElementsByTagNameNS('*', 'sheet') ?? []).find((candidate) => candidate.getAttribute('name') === sheetName);
  const id = sheet?.getAttributeNS(RELATIONSHIPS, 'id');
  const relationships = id ? await workbookXml(zip, 'xl/_rels/workbook.xml.rels') : undefined;
  const target = Array.from(relationships?.getElementsByTagNameNS('*', 'Relationship') ?? [])
    .find((relationship) => relationship.getAttribute('Id') === id)
    ?.getAttribute('Target');
  if (!target) return undefined;
  // Relative to xl/, or from the archive's root.
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

function attribute(tag: string, name: string): string | undefined {
  const found = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));
  return found ? (found[1] ?? found[2]) : undefined;
}
