import type { Element, Root } from 'hast';
import { toString as textOf } from 'hast-util-to-string';
import { eachNode } from '../util/each-node.ts';

/** A paragraph that introduces what follows ends in a colon (`会议要求：`). */
const INTRODUCES = /[：:]$/;

/**
 * A paragraph ending in a colon right before a list (`会议要求：` then `1. …`) introduces it: it
 * gets the class `lead-in`, which the print style sheet keeps with the list's first lines, so that
 * it does not end a page alone with its list over the page.
 */
export default function rehypeLeadIns() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'root' && node.type !== 'element') return;
      const blocks: Element[] = [];
      for (const child of node.children) if (child.type === 'element') blocks.push(child);
      blocks.forEach((block, index) => {
        const next = blocks[index + 1];
        if (block.tagName !== 'p' || (next?.tagName !== 'ol' && next?.tagName !== 'ul') || !INTRODUCES.test(textOf(block).trim())) return;
        const classes = (block.properties.className as string[] | undefined) ?? [];
        block.properties = { ...block.properties, className: [...classes, 'lead-in'] };
      });
    });
  };
}
