import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { eachNode, SKIP } from '../util/each-node.ts';
import { LEADING_SPACES } from './cjk.ts';

/**
 * CommonMark's indented code, turned off as MDX turns it off: a paragraph indented with four
 * half-width spaces or a tab, as editors indent one by hand, would be a code block, printed
 * flush left in another face, its lines never wrapped and the paragraphs after it in the same
 * indent run into it. Without it such a paragraph is a paragraph. Fenced code (```) still works.
 */
const NO_INDENTED_CODE = { disable: { null: ['codeIndented'] } };

/**
 * A paragraph's indent as editors type it is left out: full-width spaces (`　　今年以来…`, as
 * Word drafts hold it), half-width spaces or a tab. The style sheets indent every paragraph by
 * two characters, and the typed one would double it. A paragraph of nothing but such spaces (a
 * blank line typed with them, as Word drafts copied as text end) is left out whole: left empty,
 * it would stand after an article's 落款 or closing note, which then were not found.
 */
export default function remarkTypedIndent(this: Processor) {
  (this.data().micromarkExtensions ??= []).push(NO_INDENTED_CODE);
  return (tree: Root) => {
    eachNode(tree, (node, index, parent) => {
      if (node.type !== 'paragraph') return undefined;
      const first = node.children[0];
      if (first?.type === 'text') first.value = first.value.replace(LEADING_SPACES, '');
      if (node.children.length === 1 && first?.type === 'text' && first.value === '' && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      return SKIP;
    });
  };
}
