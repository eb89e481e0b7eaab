import { children, elements, mendTextParts, W, wordAttribute } from './word-xml.ts';

/**
 * The draft without its hidden text (字体 → 隐藏, `w:vanish` on a run), which Word neither shows
 * nor prints and mammoth reads as any other text: a reviewer's `（内部掌握）` would be published.
 * draft-inventory names what was left out. The same buffer when no part has any.
 */
export function withoutHiddenText(buffer: Buffer): Promise<Buffer> {
  return mendTextParts(buffer, /<w:vanish\b/, (part) => {
    const hidden = elements(part.getElementsByTagNameNS(W, 'r')).filter(isHidden);
    for (const run of hidden) emptyRun(run);
    return hidden.length > 0;
  });
}

/**
 * Take out what a run shows (text, tabs, breaks, pictures, a footnote mark), keeping its field
 * characters and instructions: Word hides an index entry's whole field so, and a field's begin
 * left without its end would upset mammoth's reading of the fields around it.
 */
function emptyRun(run: Element): void {
  for (const child of elements(run.childNodes)) {
    if (child.namespaceURI === W && ['rPr', 'fldChar', 'instrText'].includes(child.localName)) continue;
    run.removeChild(child);
  }
}

/** Whether a run is formatted hidden: `<w:vanish/>` in its own properties, not turned off (`w:val="0"`). */
export function isHidden(run: Element): boolean {
  const vanish = children(children(run, 'rPr')[0], 'vanish')[0];
  return vanish !== undefined && !/^(0|false|off)$/.test(wordAttribute(vanish, 'val') ?? '');
}
