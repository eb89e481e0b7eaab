import { children, elements, openDocx, W, wordAttribute } from './word-xml.ts';

/**
 * The draft with each table row that starts or ends short of the table's grid (`w:gridBefore`,
 * `w:gridAfter`: Word writes them for a row whose edge was dragged in, as a 合计 row left of the
 * 序号 column often is) given an empty cell over those columns. mammoth leaves the gap out, so the
 * row's cells moved left, a 合计's figures under the heads to the left of theirs. The same buffer
 * when no row has one.
 */
export async function withRowGapsFilled(buffer: Buffer): Promise<Buffer> {
  const docx = await openDocx(buffer);
  const documentXml = await docx.xml('word/document.xml');
  if (documentXml === undefined || !/<w:grid(Before|After)\b/.test(documentXml)) return buffer;
  const document = docx.parse(documentXml);
  for (const row of elements(document.getElementsByTagNameNS(W, 'tr'))) {
    const properties = children(row, 'trPr')[0];
    for (const name of ['gridBefore', 'gridAfter'] as const) {
      const setting = children(properties, name)[0];
      if (!setting) continue;
      properties!.removeChild(setting);
      const span = Number(wordAttribute(setting, 'val') ?? 0);
      if (!(span > 0)) continue;
      const cell = emptyCell(document, span);
      if (name === 'gridBefore') row.insertBefore(cell, children(row, 'tc')[0] ?? null);
      else row.appendChild(cell);
    }
  }
  docx.zip.file('word/document.xml', docx.serialize(document));
  return docx.zip.generateAsync({ type: 'nodebuffer' });
}

/** A cell without text over `span` grid columns. */
function emptyCell(document: Document, span: number): Element {
  const cell = document.createElementNS(W, 'w:tc');
  if (span > 1) {
    const properties = document.createElementNS(W, 'w:tcPr');
    const gridSpan = document.createElementNS(W, 'w:gridSpan');
    gridSpan.setAttributeNS(W, 'w:val', String(span));
    properties.appendChild(gridSpan);
    cell.appendChild(properties);
  }
  cell.appendChild(document.createElementNS(W, 'w:p'));
  return cell;
}
