import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';

export interface Options {
  /**
   * Allow HTML comments (`<!-- note for editors -->`); they never reach a page.
   * @default true
   */
  readonly allowComments?: boolean;
}

const COMMENT = /^<!--(?:(?!-->)[\s\S])*-->\s*$/;

/**
 * Raw HTML in an issue is an error at its place: a bulletin is written in Markdown, and HTML
 * from content could run code in a reader's browser. remark-rehype drops raw HTML in any
 * case, so nothing of it reaches a page even where this check is left out.
 */
export default function remarkNoHtml(options: Options = {}) {
  const allowComments = options.allowComments ?? true;
  return (tree: Root, file: VFile) => {
    eachNode(tree, (node) => {
      if (node.type !== 'html') return;
      if (allowComments && COMMENT.test(node.value)) return;
      const shown = node.value.split('\n')[0]!.slice(0, 40);
      reportProblem(file, `Unexpected raw HTML \`${shown}\`; write Markdown instead (HTML is not published: it could run code in a reader’s browser)`, {
        place: node.position?.start,
        ruleId: 'html',
      });
    });
  };
}
