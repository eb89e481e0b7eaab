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
 * a warning, since a one-article notice may be meant that way. A heading above an article's
 * (`#`) is a warning at each: it would print larger than the series title on the masthead, and
 * is neither an article nor in the contents list.
 */
export default function remarkRequireArticles(options: Options = {}) {
  const depth = options.depth ?? 2;
  const article = '#'.repeat(depth);
  return (tree: Root, file: VFile) => {
    for (const node of tree.children) {
      if (node.type !== 'heading' || node.depth >= depth) continue;
      reportProblem(
        file,
        `Unexpected \`${'#'.repeat(node.depth)}\` heading: the series title on the masthead is the issue's only title above its articles, and an article starts with \`${article} title\`; write \`${article}\` here`,
        { place: node.position?.start, ruleId: 'heading-above-article' },
      );
    }
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
