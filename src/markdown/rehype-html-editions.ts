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
 * Where a reader on the web goes after an article: back to the contents list (the issue page's
 * `#contents`). Print has no use for it. Left out of the search index, which would quote it.
 */
const BACK_TO_CONTENTS = '<p class="to-contents" data-pagefind-ignore><a href="#contents">返回本期目录</a></p>';

/**
 * Compile the tree to the web page's HTML, the file's value, and to the print edition's, in
 * `file.data.printHtml`: the same tree with each article section's id replaced by its print id,
 * each element that has a print version (`data.print`, a figure's print-size photo) replaced by
 * it, texts that print differently (`printValue`, see `rehype-print-brackets`) as they print, and
 * without the web's link back to the contents at the end of each article. The two differ only
 * there, so everything else is serialized once, as serializing is a fifth of an issue's rendering.
 */
const rehypeHtmlEditions: Plugin<[], Root, string> = function () {
  this.compiler = (tree, file) => {
    let web = '';
    let print = '';
    for (const node of (tree as Root).children) {
      const printId = node.type === 'element' ? node.data?.printId : undefined;
      const printNode = printVersion(node);
      if (node.type !== 'element' || printId === undefined) {
        const html = toHtml(node);
        web += html;
        print += printNode === node ? html : toHtml(printNode);
        continue;
      }
      const inner = toHtml({ type: 'root', children: node.children });
      const close = `</${node.tagName}>`;
      web += `${openingTag(node)}${inner}\n${BACK_TO_CONTENTS}\n${close}`;
      const printed = printNode as Element;
      print +=
        printed === node
          ? openingTag({ ...node, properties: { ...node.properties, id: printId } }) + inner + close
          : toHtml({ ...printed, properties: { ...printed.properties, id: printId } });
    }
    file.data.printHtml = print;
    return web;
  };
};

export default rehypeHtmlEditions;

/**
 * `node` as the print edition shows it: print versions in place of the elements that have one,
 * every text's `printValue` in place of its value; `node` itself when nothing in it differs.
 */
function printVersion<Node extends RootContent>(node: Node): Node {
  if (node.type === 'text') return node.data?.printValue === undefined ? node : { ...node, value: node.data.printValue };
  if (node.type === 'element' && node.data?.print) return printVersion(node.data.print) as Node;
  if (!('children' in node)) return node;
  const children = (node.children as RootContent[]).map(printVersion);
  return children.every((child, index) => child === node.children[index]) ? node : { ...node, children };
}

function openingTag(element: Element): string {
  return toHtml({ ...element, children: [] }).slice(0, -`</${element.tagName}>`.length);
}
