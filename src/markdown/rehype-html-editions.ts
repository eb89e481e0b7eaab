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
 * there, so everything else is serialized once, as serializing is a fifth of an issue's rendering:
 * of an article with a note, only the note is serialized twice.
 */
const rehypeHtmlEditions: Plugin<[], Root, string> = function () {
  this.compiler = (tree, file) => {
    let web = '';
    let print = '';
    for (const node of (tree as Root).children) {
      const printId = node.type === 'element' ? node.data?.printId : undefined;
      if (node.type !== 'element' || printId === undefined) {
        const html = editions(node);
        web += html.web;
        print += html.print;
        continue;
      }
      // An article section (rehype-articles) has no print version of its own; its content may.
      const inner = editions({ type: 'root', children: node.children });
      const close = `</${node.tagName}>`;
      web += `${openingTag(node)}${inner.web}\n${BACK_TO_CONTENTS}\n${close}`;
      print += openingTag({ ...node, properties: { ...node.properties, id: printId } }) + inner.print + close;
    }
    file.data.printHtml = print;
    return web;
  };
};

export default rehypeHtmlEditions;

/**
 * `node` serialized for the web and for print: once for both where nothing in it prints
 * differently, else its parts that differ twice and the rest once. The elements split open this
 * way hold print versions or notes: HTML, never inside `<svg>`, `<script>` or `<style>`, where a
 * child would not serialize alone as it does in its parent.
 */
function editions(node: Root | RootContent): { readonly web: string; readonly print: string } {
  if (!printsDifferently(node)) {
    const html = toHtml(node);
    return { web: html, print: html };
  }
  if (node.type === 'root' || (node.type === 'element' && !node.data?.print)) {
    const parts = node.children.map(editions);
    const web = parts.map((part) => part.web).join('');
    const print = parts.map((part) => part.print).join('');
    if (node.type === 'root') return { web, print };
    const open = openingTag(node);
    const close = `</${node.tagName}>`;
    return { web: open + web + close, print: open + print + close };
  }
  return { web: toHtml(node), print: toHtml(printVersion(node)) };
}

/** Whether `node` has a print version or a text that prints differently, or holds one. */
function printsDifferently(node: Root | RootContent): boolean {
  if (node.type === 'text') return node.data?.printValue !== undefined;
  if (node.type === 'element' && node.data?.print) return true;
  return 'children' in node && node.children.some(printsDifferently);
}

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
