import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { eachNode, SKIP } from '../util/each-node.ts';

/**
 * Official documents number their heading levels `一、` `（一）` `1.` `（1）`, and each level
 * has its own face (黑体, 楷体, 仿宋 bold, 仿宋). The numbering, not the Markdown level,
 * decides the class; an unnumbered subhead is a centred `subhead`. The third and fourth levels
 * as editors also type them: `1、`, `1．`, full-width digits (`（１）`).
 */
export const LEVELS: readonly (readonly [RegExp, string])[] = [
  [/^[一二三四五六七八九十百]+、/, 'level-1'],
  [/^[（(][一二三四五六七八九十百]+[）)]/, 'level-2'],
  [/^[0-9０-９]+[.．、]/, 'level-3'],
  [/^[（(][0-9０-９]+[）)]/, 'level-4'],
];

export default function rehypeHeadingLevels() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'element') return;
      // Tables and charts are most of an issue's elements, and never hold a heading.
      if (node.tagName === 'table' || node.tagName === 'svg') return SKIP;
      if (!/^h[3-6]$/.test(node.tagName)) return;
      const level = levelClass(toString(node).trim());
      node.properties = { ...node.properties, className: level ? ['subhead', level] : ['subhead'] };
    });
  };
}

/** The class of the heading level `text` is numbered as (`level-2` for `（一）…`), if any. */
export function levelClass(text: string): string | undefined {
  return LEVELS.find(([pattern]) => pattern.test(text))?.[1];
}
