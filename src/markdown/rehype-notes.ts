import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';

const PARENTHESISED = /^[（(][\s\S]*[）)]$/;
const AUTHOR = /^[（(]\s*作者/;

/**
 * A bulletin article may end with notes in parentheses: `（作者：…）` or a source such as
 * `(综合整理)`. Only the closing paragraphs of an article count, so a parenthesised
 * paragraph in the middle of the text stays a paragraph.
 */
export default function rehypeNotes() {
  return (tree: Root) => {
    for (const section of tree.children) {
      if (section.type !== 'element' || section.tagName !== 'section') continue;
      const blocks = section.children.filter((child): child is Element => child.type === 'element');
      for (let index = blocks.length - 1; index >= 0; index--) {
        const block = blocks[index]!;
        const text = toString(block).trim();
        if (block.tagName !== 'p' || !PARENTHESISED.test(text)) break;
        block.properties = { ...block.properties, className: ['note', AUTHOR.test(text) ? 'note-author' : 'note-source'] };
      }
    }
  };
}
