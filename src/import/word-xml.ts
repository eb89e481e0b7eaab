import type JSZip from 'jszip';

/** WordprocessingML's namespace, the `w:` of word/document.xml. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx opened with the zip and XML readers mammoth itself uses. */
export interface WordPackage {
  readonly zip: JSZip;
  /** A part's text (`word/document.xml`), or undefined when the package has none. */
  xml(name: string): Promise<string | undefined>;
  /**
   * A part's XML as a document. What the XML parser reports goes to `onProblem`, else nowhere:
   * it would print it on the terminal itself, and mammoth's own reading refuses a draft whose
   * XML it cannot read (see `withoutDtd` for the one case import mends).
   */
  parse(text: string, onProblem?: (message: string) => void): Document;
  serialize(document: Document): string;
}

export async function openDocx(buffer: Buffer): Promise<WordPackage> {
  // Both CommonJS: their exports are the default export, in Node and in the bundle alike.
  const [{ default: JSZipClass }, { default: xmldom }] = await Promise.all([import('jszip'), import('@xmldom/xmldom')]);
  const zip = await JSZipClass.loadAsync(buffer);
  return {
    zip,
    xml: (name) => zip.file(name)?.async('string') ?? Promise.resolve(undefined),
    parse: (text, onProblem = () => undefined) =>
      new xmldom.DOMParser({ errorHandler: (_level: string, message: string) => onProblem(message) }).parseFromString(text, 'text/xml') as unknown as Document,
    serialize: (document) => new xmldom.XMLSerializer().serializeToString(document as never),
  };
}

/** The parts mammoth reads text from: the body, the footnotes and the endnotes. */
const TEXT_PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];

/**
 * The draft with each of its text parts whose XML holds `marker` given to `mend`, which changes
 * it in place and says whether it did; the same buffer when none changed. Each mend before
 * mammoth reads the draft (hidden text, form fields' prompts, simple fields) is one of these.
 */
export async function mendTextParts(buffer: Buffer, marker: RegExp, mend: (part: Document) => boolean): Promise<Buffer> {
  const docx = await openDocx(buffer);
  let changed = false;
  for (const name of TEXT_PARTS) {
    const xml = await docx.xml(name);
    if (xml === undefined || !marker.test(xml)) continue;
    const part = docx.parse(xml);
    if (!mend(part)) continue;
    docx.zip.file(name, docx.serialize(part));
    changed = true;
  }
  return changed ? docx.zip.generateAsync({ type: 'nodebuffer' }) : buffer;
}

export function elements(nodes: ArrayLike<Node>): Element[] {
  return Array.from(nodes).filter((node): node is Element => node.nodeType === 1);
}

/** The child `w:<local>` elements of `node`. */
export function children(node: Element | undefined, local: string): Element[] {
  return node ? elements(node.childNodes).filter((child) => child.namespaceURI === W && child.localName === local) : [];
}

/** A `w:` attribute (`w:val`), as Word and LibreOffice write it. */
export function wordAttribute(node: Element | undefined, local: string): string | undefined {
  if (!node) return undefined;
  return node.getAttributeNS(W, local) || node.getAttribute(`w:${local}`) || undefined;
}

/** Markup Compatibility's namespace, the `mc:` of `mc:AlternateContent` and `mc:Fallback`. */
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const MATH = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

/**
 * Each `w:p` under `body` with its number, counted from 1 in document order as import's
 * warnings name paragraphs: table cells included; not a text box's paragraphs (their text is
 * reported with the paragraph holding the box), nor what a fallback, an equation or a deletion
 * holds.
 */
export function paragraphNumbers(body: Element): Map<Element, number> {
  const numbers = new Map<Element, number>();
  const visit = (node: Element) => {
    for (const child of elements(node.childNodes)) {
      if (child.namespaceURI === MC && child.localName === 'Fallback') continue;
      if (child.namespaceURI === MATH) continue;
      if (child.namespaceURI === W && ['txbxContent', 'del', 'moveFrom'].includes(child.localName)) continue;
      if (child.namespaceURI === W && child.localName === 'p') numbers.set(child, numbers.size + 1);
      visit(child);
    }
  };
  visit(body);
  return numbers;
}
