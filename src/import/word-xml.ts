import type JSZip from 'jszip';

/** WordprocessingML's namespace, the `w:` of word/document.xml. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx opened with the zip and XML readers mammoth itself uses. */
export interface WordPackage {
  readonly zip: JSZip;
  /** A part's text (`word/document.xml`), or undefined when the package has none. */
  xml(name: string): Promise<string | undefined>;
  parse(text: string): Document;
  serialize(document: Document): string;
}

export async function openDocx(buffer: Buffer): Promise<WordPackage> {
  // Both CommonJS: their exports are the default export, in Node and in the bundle alike.
  const [{ default: JSZipClass }, { default: xmldom }] = await Promise.all([import('jszip'), import('@xmldom/xmldom')]);
  const zip = await JSZipClass.loadAsync(buffer);
  return {
    zip,
    xml: (name) => zip.file(name)?.async('string') ?? Promise.resolve(undefined),
    parse: (text) => new xmldom.DOMParser().parseFromString(text, 'text/xml') as unknown as Document,
    serialize: (document) => new xmldom.XMLSerializer().serializeToString(document as never),
  };
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
