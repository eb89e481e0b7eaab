import type { Nodes, Root, Text } from 'mdast';
import { eachNode, SKIP } from '../util/each-node.ts';
import { isCjk } from './cjk.ts';

/** A line ending inside a paragraph, with the spaces around it: at the line's end full-width ones too (`有关　⏎情况`). */
const LINE_ENDING = /[ \t\u3000]*\n[ \t]*/g;

/** A piece of a paragraph's text in reading order: a text node to edit, or read-only text beside it. */
type Leaf = { readonly node: Text } | { readonly value: string | undefined };

/**
 * Drop the line endings of hard-wrapped text where Chinese meets Chinese, digits or Latin letters:
 * a browser renders each as a space, and `现将有关⏎情况` would print `现将有关 情况` (official
 * usage sets no space beside Han characters either, `2021年⏎11月`). Where Latin words meet the
 * space stays. Hand-written rather than remark-join-cjk-lines: that one only looks inside a
 * single text node (not across `**…**` or a link), leaves out curly quotes and Extension B, and
 * is CommonJS on unist-util-visit 2.
 */
export default function remarkJoinCjkLines() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return undefined;
      joinLines(leaves(node));
      return SKIP;
    });
  };
}

/** The text of a block's inline content in order; a hard break or an image ends a run of text. */
function leaves(node: Nodes, found: Leaf[] = []): Leaf[] {
  if (node.type === 'text') found.push({ node });
  else if (node.type === 'inlineCode') found.push({ value: node.value });
  else if ('children' in node) for (const child of node.children) leaves(child, found);
  else found.push({ value: undefined });
  return found;
}

function joinLines(found: readonly Leaf[]): void {
  found.forEach((leaf, index) => {
    if (!('node' in leaf)) return;
    leaf.node.value = leaf.node.value.replace(LINE_ENDING, (ending: string, at: number, value: string) => {
      const before = lastChar(value.slice(0, at)) ?? lastChar(valueOf(found[index - 1]));
      const after = firstChar(value.slice(at + ending.length)) ?? firstChar(valueOf(found[index + 1]));
      return isCjk(before) || isCjk(after) ? '' : ending;
    });
  });
}

function valueOf(leaf: Leaf | undefined): string | undefined {
  return leaf === undefined ? undefined : 'node' in leaf ? leaf.node.value : leaf.value;
}

/** The last character (code point, so Extension B counts as one), or undefined for none. */
function lastChar(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const code = text.codePointAt(text.length - 1)!;
  return code >= 0xdc00 && code <= 0xdfff && text.length > 1 ? String.fromCodePoint(text.codePointAt(text.length - 2)!) : text.at(-1);
}

function firstChar(text: string | undefined): string | undefined {
  return text ? String.fromCodePoint(text.codePointAt(0)!) : undefined;
}
