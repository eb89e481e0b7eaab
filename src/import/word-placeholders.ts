import { children, elements, mendTextParts, W } from './word-xml.ts';

/**
 * The draft without the prompts of the form fields (content controls) an editor left unfilled
 * (`w:showingPlcHdr`: a template's date picker still reading `单击或点击此处输入日期。`), which
 * mammoth reads as text, so the prompt would be published. Their runs go, not the paragraphs,
 * cells or rows around them; draft-inventory names each. The same buffer when none is left so.
 */
export function withoutPlaceholders(buffer: Buffer): Promise<Buffer> {
  return mendTextParts(buffer, /<w:showingPlcHdr\b/, (part) => {
    for (const content of showingPlaceholder(part)) {
      for (const run of elements(content.getElementsByTagNameNS(W, 'r'))) run.parentNode!.removeChild(run);
    }
    return true;
  });
}

/** The content (`w:sdtContent`) of each content control that shows its placeholder. */
export function showingPlaceholder(part: Document): Element[] {
  return elements(part.getElementsByTagNameNS(W, 'sdt'))
    .filter((control) => children(children(control, 'sdtPr')[0], 'showingPlcHdr').length > 0)
    .flatMap((control) => children(control, 'sdtContent'));
}
