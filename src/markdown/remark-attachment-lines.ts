import type { Break, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { ATTACHMENT_NUMBER, ATTACHMENTS } from './attachments.ts';
import { ATTACHMENTS_CLASS } from './rehype-attachments.ts';
import { LEADING_SPACES } from './cjk.ts';

/** A line ending before a line that starts with an attachment's number (`2.…`), with the spaces around it. */
const NUMBERED_LINE = /[ \t]*\n[ \t\u3000]*(?=[0-9０-９]+[.．、])/g;

/**
 * A list of attachments (GB/T 9704 §7.3.4) keeps its lines: a paragraph starting `附件：` has each
 * attachment on a line of its own, typed under the first with full-width spaces (a line break,
 * remark-typed-line-breaks), on a plain line `2.…` right after (which remark-join-cjk-lines would
 * run on after the one before: here it is a line break too), or as paragraphs `2.…` of their own
 * after it, as `jianbao import` writes them (taken into it, after a line break), or as a Markdown
 * list (`2. …`, with a space after the number). The paragraph is
 * marked `attachments` for rehype-attachments, which sets it out. A line typed under the list that
 * is no attachment (`　　　　平远县安全生产委员会办公室`, a 落款) ends it and starts a paragraph; a
 * line without spaces or number goes on the name before it (a hard-wrapped name).
 */
export default function remarkAttachmentLines() {
  return (tree: Root) => {
    const children: RootContent[] = [];
    let list: Paragraph | undefined;
    for (const node of tree.children) {
      // Lines typed `2. …` with a space after the number, or `1. …` under a `附件：` of its own line,
      // are a Markdown list: they are the list's lines all the same, numbered as typed.
      if (list && node.type === 'list' && node.ordered && node.children.every(oneParagraph)) {
        for (const [index, item] of node.children.entries()) {
          list.children.push({ type: 'break' }, { type: 'text', value: `${(node.start ?? 1) + index}.` }, ...(item.children[0] as Paragraph).children);
        }
        if (list.position && node.position) list.position.end = node.position.end;
        continue;
      }
      const line = node.type === 'paragraph' ? toString(node).replace(LEADING_SPACES, '') : '';
      const starts = ATTACHMENTS.test(line);
      if (node.type !== 'paragraph' || !(starts || (list && ATTACHMENT_NUMBER.test(line)))) {
        list = undefined;
        children.push(node);
        continue;
      }
      node.children = node.children.flatMap((child): PhrasingContent[] => (child.type === 'text' ? numberedLines(child) : [child]));
      const rest = restAfterList(node);
      if (starts) {
        node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: [ATTACHMENTS_CLASS] } };
        children.push(node);
        list = node;
      } else {
        list!.children.push({ type: 'break' }, ...node.children);
        if (list!.position && node.position) list!.position.end = node.position.end;
      }
      if (rest) {
        children.push(rest);
        list = undefined;
      }
    }
    tree.children = children;
  };
}

/** The text with a line break before each line that starts with a number, each line placed where it starts. */
function numberedLines(node: Text): (Text | Break)[] {
  const found = [...node.value.matchAll(NUMBERED_LINE)];
  if (found.length === 0) return [node];
  const start = node.position?.start;
  let line = start?.line ?? 0;
  let from = 0;
  let column = start?.column ?? 1;
  const pieces: (Text | Break)[] = [];
  for (const match of [...found, undefined]) {
    const value = node.value.slice(from, match?.index ?? node.value.length);
    pieces.push({ type: 'text', value, ...(start && { position: { start: { line, column }, end: { line, column } } }) });
    if (!match) break;
    pieces.push({ type: 'break' });
    line += (value.match(/\n/g)?.length ?? 0) + 1;
    from = match.index + match[0].length;
    column = match[0].length - match[0].indexOf('\n');
  }
  return pieces;
}

/**
 * The paragraph's lines after the first line break that no attachment follows, taken out of it as
 * a paragraph of their own; undefined for none.
 */
function restAfterList(paragraph: Paragraph): Paragraph | undefined {
  const at = paragraph.children.findIndex((child, index) => child.type === 'break' && !startsAttachment(paragraph.children[index + 1]));
  if (at === -1) return undefined;
  const children = paragraph.children.splice(at).slice(1);
  const start = children[0]?.position?.start;
  if (!start || !paragraph.position) return { type: 'paragraph', children };
  const rest: Paragraph = { type: 'paragraph', children, position: { start, end: paragraph.position.end } };
  paragraph.position = { start: paragraph.position.start, end: paragraph.children.at(-1)?.position?.end ?? start };
  return rest;
}

/** Whether a list item is one paragraph, as an attachment's name is. */
function oneParagraph(item: ListItem): boolean {
  return item.children.length === 1 && item.children[0]!.type === 'paragraph';
}

function startsAttachment(node: PhrasingContent | undefined): boolean {
  return node?.type === 'text' && ATTACHMENT_NUMBER.test(node.value.replace(LEADING_SPACES, ''));
}
