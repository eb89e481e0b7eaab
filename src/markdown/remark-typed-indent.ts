import type { Root } from 'mdast';
import { eachNode, SKIP } from '../util/each-node.ts';
import { LEADING_SPACES } from './cjk.ts';

/**
 * A paragraph's indent typed with full-width spaces (`　　今年以来…`, as in Word drafts and as
 * editors type it) is left out: the style sheets indent every paragraph by two characters, and
 * the typed one would double it.
 */
export default function remarkTypedIndent() {
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'paragraph') return undefined;
      const first = node.children[0];
      if (first?.type === 'text') first.value = first.value.replace(LEADING_SPACES, '');
      return SKIP;
    });
  };
}
