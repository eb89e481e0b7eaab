import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';

export interface Options {
  /**
   * Heading depth that starts an article.
   * @default 2
   */
  readonly depth?: number;
}

/**
 * An issue whose Markdown has no `##` heading has no articles, so its contents list is empty:
 * a warning, since a one-article notice may be meant that way.
 */
export default function remarkRequireArticles(options: Options = {}) {
  const depth = options.depth ?? 2;
  return (tree: Root, file: VFile) => {
    if (tree.children.some((node) => node.type === 'heading' && node.depth === depth)) return;
    const first = tree.children.find((node) => node.type !== 'yaml');
    reportProblem(
      file,
      `No ${'#'.repeat(depth)} heading: the issue has no articles and its contents list is empty; start each article with \`${'#'.repeat(depth)} title\``,
      {
        place: first?.position?.start ?? { line: 1, column: 1 },
        ruleId: 'issue-no-articles',
      },
    );
  };
}
