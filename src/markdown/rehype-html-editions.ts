import type { Element, Root } from 'hast';
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
 * `file.data.printHtml`: the same tree with each article section's id replaced by its print id.
 * The two differ only in those opening tags, so everything else is serialized once, as
 * serializing is a fifth of an issue's rendering.
 */
const rehypeHtmlEditions: Plugin<[], Root, string> = function () {
  this.compiler = (tree, file) => {
    let web = '';
    let print = '';
    for (const node of (tree as Root).children) {
      const printId = node.type === 'element' ? node.data?.printId : undefined;
      if (node.type !== 'element' || printId === undefined) {
        const html = toHtml(node);
        web += html;
        print += html;
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
