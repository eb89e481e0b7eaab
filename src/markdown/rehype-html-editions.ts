import type { Element, Root, RootContent } from 'hast';
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
 * and texts that print differently (`printValue`, see `rehype-print-brackets`) as they print.
 * The two differ only in those opening tags, so everything else is serialized once, as
 * serializing is a fifth of an issue's rendering.
 */
const rehypeHtmlEditions: Plugin<[], Root, string> = function () {
  this.compiler = (tree, file) => {
    let web = '';
    let print = '';
    for (const node of (tree as Root).children) {
      const printId = node.type === 'element' ? node.data?.printId : undefined;
      const printNode = printText(node);
      if (node.type !== 'element' || printId === undefined) {
        const html = toHtml(node);
        web += html;
        print += printNode === node ? html : toHtml(printNode);
        continue;
      }
      const rest = `${toHtml({ type: 'root', children: node.children })}</${node.tagName}>`;
      web += openingTag(node) + rest;
      const printRest = printNode === node ? rest : `${toHtml({ type: 'root', children: (printNode as Element).children })}</${node.tagName}>`;
      print += openingTag({ ...node, properties: { ...node.properties, id: printId } }) + printRest;
    }
    file.data.printHtml = print;
    return web;
  };
};

export default rehypeHtmlEditions;

/** `node` with every text's `printValue` in place of its value; `node` itself when none has one. */
function printText<Node extends RootContent>(node: Node): Node {
  if (node.type === 'text') return node.data?.printValue === undefined ? node : { ...node, value: node.data.printValue };
  if (!('children' in node)) return node;
  const children = (node.children as RootContent[]).map(printText);
  return children.every((child, index) => child === node.children[index]) ? node : { ...node, children };
}

function openingTag(element: Element): string {
  return toHtml({ ...element, children: [] }).slice(0, -`</${element.tagName}>`.length);
}
