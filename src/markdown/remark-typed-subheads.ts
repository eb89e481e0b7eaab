import type { Heading, Root, RootContent } from 'mdast';
import { isSubhead, subheadDepth, subheadText } from './subheads.ts';
import { LEADING_SPACES } from './cjk.ts';

/**
 * A subhead typed as a paragraph of its own, as text copied from a Word draft holds it
 * (`　　一、压紧压实安全生产责任`, `（二）落实部门监管责任`: short, no sentence, starting with a heading
 * level's numbering, see `isSubhead`), is the heading `jianbao import` makes of such a paragraph,
 * `###` for `一、` to `######` for `（1）`, which rehype-heading-levels sets in its level's face;
 * it printed as an indented paragraph of body text. A paragraph with a sentence in it
 * (`一、加强领导。`) or a long one stays a paragraph. Runs after the typed lines are split into
 * paragraphs (remark-typed-line-breaks) and a list of attachments has taken its lines `2.…`
 * (remark-attachment-lines).
 */
export default function remarkTypedSubheads() {
  return (tree: Root) => {
    tree.children = tree.children.map((node): RootContent => {
      if (node.type !== 'paragraph' || !isSubhead(node)) return node;
      const first = node.children[0];
      if (first?.type === 'text') first.value = first.value.replace(LEADING_SPACES, '');
      const heading: Heading = { type: 'heading', depth: subheadDepth(subheadText(node))!, children: node.children };
      return node.position ? { ...heading, position: node.position } : heading;
    });
  };
}
