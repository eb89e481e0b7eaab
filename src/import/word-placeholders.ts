import { children, elements, openDocx, W } from './word-xml.ts';

/** The parts mammoth reads text from. */
const TEXT_PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/**
 * The draft without the prompts of the form fields (content controls) an editor left unfilled
 * (`w:showingPlcHdr`: a template's date picker still reading `单击或点击此处输入日期。`), which
 * mammoth reads as text, so the prompt would be published. Their runs go, not the paragraphs,
 * cells or rows around them; draft-inventory names each. The same buffer when none is left so.
 */
export async function withoutPlaceholders(buffer: Buffer): Promise<Buffer> {
  const docx = await openDocx(buffer);
  let changed = false;
  for (const name of TEXT_PARTS) {
    const xml = await docx.xml(name);
    if (xml === undefined || !/<w:showingPlcHdr\b/.test(xml)) continue;
    const part = docx.parse(xml);
    for (const content of showingPlaceholder(part)) {
      for (const run of elements(content.getElementsByTagNameNS(W, 'r'))) run.parentNode!.removeChild(run);
    }
    docx.zip.file(name, docx.serialize(part));
    changed = true;
  }
  return changed ? docx.zip.generateAsync({ type: 'nodebuffer' }) : buffer;
}

/** The content (`w:sdtContent`) of each content control that shows its placeholder. */
export function showingPlaceholder(part: Document): Element[] {
  return elements(part.getElementsByTagNameNS(W, 'sdt'))
    .filter((control) => children(children(control, 'sdtPr')[0], 'showingPlcHdr').length > 0)
    .flatMap((control) => children(control, 'sdtContent'));
}
