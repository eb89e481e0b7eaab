import type { Element, ElementData, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { eachNode, SKIP } from '../util/each-node.ts';

/** The schemes of addresses a reader of the paper can type or dial. */
const PRINTED = /^(?:https?:\/\/|mailto:|tel:)/i;

/**
 * On paper a link cannot be followed: the print edition prints a web address, mail address or
 * telephone number after the link's text in full-width brackets, as a citation does
 * (`市住房城乡建设局网站（https://zjj.meizhou.gov.cn）`), unless the text is the address
 * already. The web page keeps the link as written, and so does the PDF's own link, which a
 * reader on screen can click. Links to files and to places in the issue print as their text.
 */
export default function rehypePrintLinkAddresses() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'a') return;
      const href = node.properties.href;
      if (typeof href !== 'string' || !PRINTED.test(href)) return SKIP;
      const address = href.replace(/^(?:mailto|tel):/i, '');
      const text = textOf(node).trim();
      if (text === address || text === href || text === href.replace(/^https?:\/\//i, '').replace(/\/$/, '')) return SKIP;
      const printed: Element = {
        type: 'element',
        tagName: 'span',
        properties: {},
        children: [
          { ...node, data: undefined },
          { type: 'element', tagName: 'span', properties: { className: ['link-address'] }, children: [{ type: 'text', value: `（${address}）` }] },
        ],
      };
      // Cast as in rehype-articles: hast-util-from-parse5 (jianbao import) makes `position` required.
      node.data = { ...node.data, print: printed } as Partial<ElementData> as ElementData;
      return SKIP;
    });
  };
}
