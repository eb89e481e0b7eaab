import type { FootnoteDefinition, Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';

/** A footnote mark as GFM writes one, left as text when no note of that label exists. */
const MARK = /\[\^([^\]\s]+)\]/g;

/**
 * GFM leaves a footnote mark without a note as the text it was written as (`[^c]` on the page),
 * and a note no mark refers to out of the page, both silently: each is a warning at its place.
 */
export default function remarkFootnoteMarks() {
  return (tree: Root, file: VFile) => {
    const marked = new Set<string>();
    const notes: FootnoteDefinition[] = [];
    // One walk: the notes are judged once every mark is seen.
    eachNode(tree, (node) => {
      if (node.type === 'footnoteReference') marked.add(node.identifier);
      if (node.type === 'footnoteDefinition') notes.push(node);
      if (node.type !== 'text' || !node.position) return;
      for (const match of node.value.matchAll(MARK)) {
        const before = node.value.slice(0, match.index);
        const line = node.position.start.line + (before.match(/\n/g)?.length ?? 0);
        const column = before.includes('\n') ? before.length - before.lastIndexOf('\n') : node.position.start.column + before.length;
        reportProblem(
          file,
          `Footnote mark ${match[0]} has no note: it prints as written; add a line \`${match[0]}: …\` under the article, or remove the mark`,
          {
            place: { line, column },
            ruleId: 'footnote-mark',
          },
        );
      }
    });
    for (const note of notes) {
      if (marked.has(note.identifier)) continue;
      const label = note.label ?? note.identifier;
      reportProblem(file, `Footnote [^${label}] is not marked in the text: its note is left out; put [^${label}] where it belongs, or remove the note`, {
        place: note.position?.start,
        ruleId: 'footnote-mark',
      });
    }
  };
}
