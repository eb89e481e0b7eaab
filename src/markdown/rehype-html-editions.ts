import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Plugin } from 'unified';

declare module 'vfile' {
  interface DataMap {
    /** The print edition's HTML: the web page's with the articles' print ids (see `rehype-articles`). */
    printHtml: string;
  }
}

/**
 * Compile the tree to the web page's HTML, the file's value, and to the print edition's, in
 * `file.data.printHtml`: the same tree with each article section's id replaced by its print id,
 * and each element that has a print version (`data.print`, a figure's print-size photo) replaced
 * by it. The two differ only in those, so everything else is serialized once, as serializing is
 * a fifth of an issue's rendering.
 */
const rehypeHtmlEditions: Plugin<[], Root, string> = function () {
  this.compiler = (tree, file) => {
    let web = '';
    let print = '';
    for (const node of (tree as Root).children) {
      const printId = node.type === 'element' ? node.data?.printId : undefined;
      const hasPrint = hasPrintVersion(node);
      if (node.type !== 'element' || (printId === undefined && !hasPrint)) {
        const html = toHtml(node);
        web += html;
        print += html;
        continue;
      }
      if (hasPrint) {
        web += toHtml(node);
        const printed = printVersion(node) as Element;
        print += toHtml(printId === undefined ? printed : { ...printed, properties: { ...printed.properties, id: printId } });
        continue;
      }
      const rest = `${toHtml({ type: 'root', children: node.children })}</${node.tagName}>`;
      web += openingTag(node) + rest;
      print += openingTag({ ...node, properties: { ...node.properties, id: printId } }) + rest;
    }
    file.data.printHtml = print;
    return web;
  };
};

export default rehypeHtmlEditions;

function openingTag(element: Element): string {
  return toHtml({ ...element, children: [] }).slice(0, -`</${element.tagName}>`.length);
}

/** Whether the element or one inside it has a print version. */
function hasPrintVersion(node: RootContent): boolean {
  return node.type === 'element' && (node.data?.print !== undefined || node.children.some(hasPrintVersion));
}

/** The node as the print edition shows it: print versions in place of the elements that have one. */
function printVersion<Node extends RootContent>(node: Node): Node | Element {
  if (node.type !== 'element') return node;
  if (node.data?.print) return node.data.print;
  if (!node.children.some(hasPrintVersion)) return node;
  return { ...node, children: node.children.map((child) => printVersion(child) as ElementContent) };
}
