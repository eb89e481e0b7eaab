import type { Root } from 'hast';
import { eachNode, SKIP } from '../util/each-node.ts';
import { fullWidthBrackets } from './full-width-brackets.ts';

declare module 'hast' {
  interface TextData {
    /** The text as the print edition sets it, where it differs (see `rehype-html-editions`). */
    printValue?: string;
  }
}

/**
 * Notes copied from a source keep its half-width brackets (`(综合整理)`): the print edition sets
 * them full-width (`（综合整理）`). The web page and the Markdown keep them as written, and
 * `jianbao check` reports them (`cjk-punctuation`). Runs after `rehype-notes`.
 */
export default function rehypePrintBrackets() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'element' || node.tagName !== 'p' || !(node.properties.className as string[] | undefined)?.includes('note')) return;
      eachNode<Root>({ type: 'root', children: node.children }, (inner) => {
        if (inner.type !== 'text') return;
        const printValue = fullWidthBrackets(inner.value);
        if (printValue !== inner.value) inner.data = { ...inner.data, printValue };
      });
      return SKIP;
    });
  };
}
