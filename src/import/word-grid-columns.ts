import { children, elements, openDocx, W, wordAttribute } from './word-xml.ts';

/**
 * Grid columns narrower than this (in twentieths of a point) show nothing: LibreOffice writes
 * a table it saves with such a column (`w:gridCol w:w="0"`) under cells that span it.
 */
const INVISIBLE = 15;

/**
 * The draft with each table's invisible grid columns taken out, and the spans of the cells over
 * them made smaller: mammoth keeps them as columns of their own, so a name spanning one and the
 * next became two columns and the 合计 row's figures moved a column to the left of their heads.
 * An empty cell in an invisible column alone is taken out; a table where one holds text is kept
 * as it is. The same buffer when no table has one.
 */
export async function withoutInvisibleColumns(buffer: Buffer): Promise<Buffer> {
  const docx = await openDocx(buffer);
  const documentXml = await docx.xml('word/document.xml');
  if (documentXml === undefined || !/<w:gridCol\b[^>]*w:w="\d{1,2}"/.test(documentXml)) return buffer;
  const document = docx.parse(documentXml);
  let changed = 0;
  for (const table of elements(document.getElementsByTagNameNS(W, 'tbl'))) if (narrowTable(table)) changed++;
  if (changed === 0) return buffer;
  docx.zip.file('word/document.xml', docx.serialize(document));
  return docx.zip.generateAsync({ type: 'nodebuffer' });
}

/** Take `table`'s invisible grid columns out; whether it had any and could. */
function narrowTable(table: Element): boolean {
  const grid = children(table, 'tblGrid')[0];
  const columns = children(grid, 'gridCol');
  const invisible = columns.map((column) => Number(wordAttribute(column, 'w') ?? INVISIBLE) < INVISIBLE);
  if (!invisible.includes(true)) return false;
  // How many invisible columns lie in [from, from + span).
  const within = (from: number, span: number) => invisible.slice(from, from + span).filter(Boolean).length;
  const edits: Array<() => void> = [];
  for (const row of children(table, 'tr')) {
    const properties = children(row, 'trPr')[0];
    let at = 0;
    for (const [name, spanned] of [
      ['gridBefore', 'before'],
      ['gridAfter', 'after'],
    ] as const) {
      const setting = children(properties, name)[0];
      if (!setting) continue;
      const span = Number(wordAttribute(setting, 'val') ?? 0);
      const from = spanned === 'before' ? 0 : columns.length - span;
      const left = span - within(from, span);
      edits.push(() => setting.setAttributeNS(W, 'w:val', String(left)));
      if (spanned === 'before') at = span;
    }
    for (const cell of children(row, 'tc')) {
      const cellProperties = children(cell, 'tcPr')[0];
      const setting = children(cellProperties, 'gridSpan')[0];
      const span = Number(wordAttribute(setting, 'val') ?? 1);
      const left = span - within(at, span);
      at += span;
      if (left === span) continue;
      // A cell of its own in an invisible column (LibreOffice writes one where rows' edges
      // differ) goes if it is empty; one with text keeps the table as it is.
      if (left === 0 && elements(cell.getElementsByTagNameNS(W, 't')).some((text) => text.textContent !== '')) return false;
      if (left === 0) {
        edits.push(() => row.removeChild(cell));
        continue;
      }
      // A span over an invisible column has its `w:gridSpan`: a cell of one column spans none.
      edits.push(() => (left === 1 ? cellProperties!.removeChild(setting!) : setting!.setAttributeNS(W, 'w:val', String(left))));
    }
  }
  for (const edit of edits) edit();
  columns.forEach((column, index) => {
    if (invisible[index]) grid!.removeChild(column);
  });
  return true;
}
