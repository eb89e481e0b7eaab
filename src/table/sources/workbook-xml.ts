import type JSZip from 'jszip';

/**
 * A part of a workbook's archive parsed as XML (`xl/workbook.xml`), or undefined when it has none.
 * Quietly: a part that is not well formed is exceljs's to report.
 */
export async function workbookXml(zip: JSZip, part: string): Promise<Document | undefined> {
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) return undefined;
  // CommonJS: its exports are the default export, in Node and in the bundle alike.
  const { default: xmldom } = await import('@xmldom/xmldom');
  return new xmldom.DOMParser({ errorHandler: () => {} }).parseFromString(xml, 'text/xml');
}
