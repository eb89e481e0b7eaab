import type { Element, ElementContent, ElementData, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { eachNode, SKIP } from '../util/each-node.ts';
import { hasClass } from './has-class.ts';
import { SIGNATURE_CLASS } from './rehype-signature.ts';

const HEADING = /^h[1-6]$/;

/** The schemes of addresses a reader of the paper can type or dial. */
const PRINTED = /^(?:https?:\/\/|mailto:|tel:)/i;

/**
 * The address as a reader types or dials it: Markdown percent-encodes Chinese in an address
 * (`<https://example.cn/通知>`), which would print as `%E9%80%9A…`, so a run of encoded bytes
 * of characters beyond ASCII is decoded (`%20`, `%2F` stay as they mean something else written
 * out); and a mail link's `?subject=…` is no part of the mail address.
 */
function printedAddress(href: string): string {
  const address = href.replace(/(?:%[89a-f][0-9a-f])+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
  if (/^mailto:/i.test(address)) return address.slice('mailto:'.length).replace(/\?.*$/, '');
  return address.replace(/^tel:/i, '');
}

/**
 * The address's text with a `<wbr>` after each `/` and `.` before a letter or digit (not between
 * the slashes of `//`, nor before the closing bracket):
 * where a right-aligned note breaks it (print.css), so that no line starts inside a word of it
 * (`…gov.c` / `n/）`).
 */
function breakable(value: string): ElementContent[] {
  return value.split(/(?<=[/.])(?=[\p{L}\p{N}])/u).flatMap((part, index): ElementContent[] => {
    const text: ElementContent = { type: 'text', value: part };
    return index === 0 ? [text] : [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }, text];
  });
}

/** Whether a link's text is its address already; a telephone number's however it is spaced or dashed. */
function showsAddress(text: string, href: string, address: string): boolean {
  if (text === address || text === address.replace(/^https?:\/\//i, '').replace(/\/$/, '')) return true;
  const digits = (value: string) => value.replace(/\D/g, '');
  return /^tel:/i.test(href) && /^\+?[\d\s()（）-]+$/.test(text) && digits(text) === digits(address);
}

/**
 * On paper a link cannot be followed: the print edition prints a web address, mail address or
 * telephone number after the link's text in full-width brackets, as a citation does
 * (`市住房城乡建设局网站（https://zjj.meizhou.gov.cn）`), unless the text is the address
 * already. The web page keeps the link as written, and so does the PDF's own link, which a
 * reader on screen can click. Links to files and to places in the issue, and links in headings
 * and 落款, print as their text.
 * An address, printed after the text or as the text, is marked `link-address` (breaks anywhere in
 * a paragraph, only after `/` or `.` in a right-aligned note) or, a telephone number, `link-tel`
 * (never breaks); a link's other text breaks as text does.
 */
export default function rehypePrintLinkAddresses() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      // A title's or subhead's link prints as its text, as in the contents list: an address
      // would run on inside a 2号 title (`链接测试县政府网（https:// / www.…）`).
      if (node.type === 'element' && HEADING.test(node.tagName)) return SKIP;
      // A 落款 is the office's name over the date, centred: its link prints as its name, as a
      // title's does, where the address broke the block over three lines (`（https://www.pin` /
      // `gyuan.gov.cn/…`); the PDF's link still goes to it.
      if (node.type === 'element' && hasClass(node, SIGNATURE_CLASS)) return SKIP;
      if (node.type !== 'element' || node.tagName !== 'a') return;
      const href = node.properties.href;
      if (typeof href !== 'string' || !PRINTED.test(href)) return SKIP;
      const address = printedAddress(href);
      // A telephone number is kept on one line (print.css); a web or mail address breaks anywhere.
      const tel = /^tel:/i.test(href);
      const className = tel ? ['link-tel'] : ['link-address'];
      if (showsAddress(textOf(node).trim(), href, address)) {
        const children = tel ? node.children : node.children.flatMap((child) => (child.type === 'text' ? breakable(child.value) : [child]));
        node.data = {
          ...node.data,
          print: { ...node, properties: { ...node.properties, className }, children, data: undefined },
        } as Partial<ElementData> as ElementData;
        return SKIP;
      }
      const printed: Element = {
        type: 'element',
        tagName: 'span',
        properties: {},
        children: [
          { ...node, data: undefined },
          {
            type: 'element',
            tagName: 'span',
            properties: { className },
            children: tel ? [{ type: 'text', value: `（${address}）` }] : breakable(`（${address}）`),
          },
        ],
      };
      // Cast as in rehype-articles: hast-util-from-parse5 (jianbao import) makes `position` required.
      node.data = { ...node.data, print: printed } as Partial<ElementData> as ElementData;
      return SKIP;
    });
  };
}
