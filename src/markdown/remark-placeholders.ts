import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';

/** What a new issue's starter article says for the editor to replace (see new/skeleton.ts). */
export const PLACEHOLDERS = ['文章标题第一行', '文章标题第二行', '请在此填写正文'] as const;

/**
 * A placeholder of the starter article `jianbao init` and `jianbao new` write, left in the issue,
 * is a warning at its place (so `--strict` stops a bulletin going out with it).
 */
export default function remarkPlaceholders() {
  return (tree: Root, file: VFile) => {
    eachNode(tree, (node) => {
      if (node.type !== 'text') return;
      for (const placeholder of PLACEHOLDERS) {
        const at = node.value.indexOf(placeholder);
        const start = node.position?.start;
        if (at === -1 || !start) continue;
        const before = node.value.slice(0, at);
        const line = start.line + (before.match(/\n/g)?.length ?? 0);
        const column = before.includes('\n') ? before.length - before.lastIndexOf('\n') : start.column + at;
        reportProblem(file, `Unexpected placeholder “${placeholder}” of the new issue's starter article; write the article in its place, or delete it`, {
          place: { line, column },
          ruleId: 'placeholder',
        });
      }
    });
  };
}
