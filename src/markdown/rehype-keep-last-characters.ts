import type { Element, Root } from 'hast';
import { eachNode, SKIP } from '../util/each-node.ts';
import { ATTACHMENT_NAME_CLASS } from './rehype-attachments.ts';
import { hasClass } from './has-class.ts';

/** A paragraph's last two Han characters with the punctuation after them: `满意。`, `心坎上。”`. */
const LAST_TWO = /\p{Script=Han}{2}[^\p{L}\p{N}\s]*$/u;

/** How much of a paragraph's end `lastTwo` reads first. */
const TAIL = 32;

/**
 * `LAST_TWO` in `text`, read in the text's last `TAIL` code units first: the expression, anchored
 * at the end, is tried from every character of the paragraph, and that was 0.15 ms of an issue's
 * 12 (a 500-character paragraph is common). A match that starts after the tail's first character
 * is the match in the whole text, as the two characters before the final punctuation can only be
 * those; otherwise the whole text is read.
 */
function lastTwo(text: string): { readonly index: number; readonly text: string } | undefined {
  const from = text.length - TAIL;
  if (from > 0) {
    const match = LAST_TWO.exec(text.slice(from));
    if (match && match.index > 0) return { index: from + match.index, text: match[0] };
  }
  const match = LAST_TWO.exec(text);
  return match ? { index: match.index, text: match[0] } : undefined;
}

/** A footnote mark (`<sup>`), or text of punctuation alone, after a paragraph's last characters. */
function isTrailing(node: Root['children'][number] | Element['children'][number]): boolean {
  if (node.type === 'element') return node.tagName === 'sup';
  return node.type === 'text' && !/[\p{L}\p{N}]/u.test(node.value);
}

function isAttachmentName(node: Element): boolean {
  return hasClass(node, ATTACHMENT_NAME_CLASS);
}

/**
 * No paragraph, nor list item, ends on a line of one character and its punctuation (`下。`):
 * its last two characters are bound in `<span class="keep-together">`, with a footnote mark
 * after them, which the style sheets keep on one line, so a lone character pulls the one before
 * it down and the line above holds one character less. Notes are left alone. CSS
 * `text-wrap: pretty` would do it too, but it re-wraps the paragraph's last four lines,
 * spreading their characters off the 28-character grid.
 */
export default function rehypeKeepLastCharacters() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'element') return;
      // A table's or a chart's text (a legend's items) is set by its own rules.
      if (node.tagName === 'figure' || node.tagName === 'table' || node.tagName === 'svg') return SKIP;
      // A list item prints as a paragraph; one that holds paragraphs (a loose list) has them bound.
      // So does an attachment's name (rehype-attachments), which wraps under its first character.
      if (node.tagName !== 'p' && node.tagName !== 'li' && !isAttachmentName(node)) return;
      // A note (`rehype-notes`) is set flush right on lines of its own.
      if ((node.properties.className as string[] | undefined)?.includes('note')) return SKIP;
      // The last text with its characters, and what follows it: footnote marks and punctuation
      // (`进展¹。`), which go with them.
      let at = node.children.length - 1;
      while (at >= 0 && isTrailing(node.children[at]!)) at--;
      const last = node.children[at];
      if (last?.type !== 'text') return node.tagName === 'li' ? undefined : SKIP;
      const match = lastTwo(last.value);
      // A paragraph of two characters has no line to keep them from.
      if (!match || (match.index === 0 && node.children.length === 1)) return SKIP;
      const keep: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['keep-together'] },
        children: [{ type: 'text', value: match.text }, ...node.children.slice(at + 1)],
      };
      node.children.splice(at, Infinity, ...(match.index > 0 ? [{ type: 'text' as const, value: last.value.slice(0, match.index) }] : []), keep);
      return SKIP;
    });
  };
}
