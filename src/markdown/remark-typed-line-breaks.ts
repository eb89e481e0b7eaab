import type { Break, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { eachNode } from '../util/each-node.ts';

/** A line ending before a line that starts with full-width spaces (U+3000), spaces at its end. */
const TYPED_LINE = /[ \t]*\n(?=\u3000)/g;

/** Full-width spaces at the start of a line. */
const TYPED_SPACES = /^\u3000+/;

/** The nodes whose children are text and other phrasing content. */
const PHRASING_PARENTS = new Set(['paragraph', 'emphasis', 'strong', 'delete', 'link']);

/** The indent, in characters, the style sheets give a paragraph of an article's text. */
const INDENT = 2;

/**
 * A line inside a paragraph that starts with full-width spaces was set on a line of its own by
 * the editor, as Word drafts hold it when copied as text. Hard-wrapped lines are joined
 * (remark-join-cjk-lines), which ran it on after the one before, with a gap. Instead:
 * - a line indented as a paragraph (`　　二是…`, two spaces: Word's paragraphs pasted without
 *   an empty line between them) of an article's text starts a paragraph;
 * - another is aligned under the line above, as GB/T 9704 §7.3.4 sets a list of attachments
 *   (`附件：1.关于…` then `　　　2.关于…`): a line break, its spaces counted from where the
 *   paragraph's first line starts, as they line up in the file. The style sheets indent that
 *   line by two characters in place of the spaces typed there (remark-typed-indent), so the line
 *   gets two more for a first line typed without them.
 */
export default function remarkTypedLineBreaks() {
  return (tree: Root) => {
    eachNode(tree, (node, index, parent) => {
      if (!PHRASING_PARENTS.has(node.type)) return undefined;
      const phrasing = node as { children: PhrasingContent[]; position?: Root['position'] };
      if (!phrasing.children.some((child) => child.type === 'text' && child.value.includes('\n\u3000'))) return undefined;
      const article = node.type === 'paragraph' && parent?.type === 'root';
      const first = phrasing.children[0];
      const typed = first?.type === 'text' ? (TYPED_SPACES.exec(first.value)?.[0].length ?? 0) : 0;
      const column = phrasing.position?.start.column ?? 1;
      phrasing.children = phrasing.children.flatMap((child): PhrasingContent[] =>
        child.type === 'text' ? lines(child, column, article ? INDENT - typed : 0, article) : [child],
      );
      if (!article || !phrasing.children.some(startsParagraph)) return undefined;
      const paragraphs = split(node as Paragraph);
      parent.children.splice(index!, 1, ...paragraphs);
      return index! + paragraphs.length;
    });
  };
}

/**
 * The text as its lines with a break before each typed line, its spaces moved by `shift`, or,
 * with `paragraphs`, one that `startsParagraph` before a line indented as a paragraph; each line
 * placed where it starts: a line after the first at the column the paragraph starts at.
 */
function lines(node: Text, column: number, shift: number, paragraphs: boolean): (Text | Break)[] {
  const parts = node.value.split(TYPED_LINE);
  if (parts.length === 1) return [node];
  const start = node.position?.start;
  let line = start?.line ?? 0;
  return parts.flatMap((value, index) => {
    const at = index === 0 ? start : start && { line, column };
    line += (value.match(/\n/g)?.length ?? 0) + 1;
    if (index === 0) return [{ ...node, value }];
    const typed = TYPED_SPACES.exec(value)![0].length;
    const position = at && { position: { start: at, end: at } };
    if (paragraphs && typed === INDENT) return [{ type: 'break', data: { startsParagraph: true } } as Break, { type: 'text', value, ...position }];
    const text: Text = { type: 'text', value: '\u3000'.repeat(Math.max(0, typed + shift)) + value.replace(TYPED_SPACES, ''), ...position };
    return [{ type: 'break' } satisfies Break, text];
  });
}

function startsParagraph(node: PhrasingContent): boolean {
  return node.type === 'break' && (node.data as { startsParagraph?: boolean } | undefined)?.startsParagraph === true;
}

/** The paragraph as the paragraphs its marked breaks start (see `lines`). */
function split(paragraph: Paragraph): Paragraph[] {
  const paragraphs: Paragraph[] = [{ ...paragraph, children: [] }];
  for (const child of paragraph.children) {
    if (!startsParagraph(child)) paragraphs.at(-1)!.children.push(child);
    else paragraphs.push({ type: 'paragraph', children: [] });
  }
  for (const [index, part] of paragraphs.entries()) {
    const start = part.children[0]?.position?.start;
    const end = index === paragraphs.length - 1 ? paragraph.position?.end : undefined;
    if (start && paragraph.position) part.position = { start, end: end ?? start };
  }
  return paragraphs;
}
