import type { Break, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { eachNode } from '../util/each-node.ts';

/** A line ending before a line that starts with full-width spaces (U+3000), spaces at its end. */
const TYPED_LINE = /[ \t]*\n(?=\u3000)/g;

/**
 * The start of a line that may be a paragraph of its own in an article's text: full-width
 * spaces, or the numbering of a subhead or an item (`一、` `（一）` `1.` `1．` `（1）`, see
 * `LEVELS`, and the single characters `①` to `⑳`, `⑴` to `⒇` and `⒈` to `⒛` Chinese input
 * methods offer for items). Not `1.5万户` or `3、4月份`, a wrapped line that starts with a number.
 */
const OWN_LINE =
  /\u3000|[\u2460-\u2473\u2474-\u249b]|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百]+[）)]|[0-9０-９]+[.．、](?![0-9０-９])|[（(][0-9０-９]+[）)]/;
const OWN_LINE_START = new RegExp(`^(?:${OWN_LINE.source})`);
/**
 * The start of a line typed flush left that names an item of an enumeration in prose (`一是` to
 * `十是`, `十一是`…): a paragraph of its own only after a line that ends a sentence or a clause
 * (`SENTENCE_END`), as hard-wrapped text may break anywhere (`…统⏎一是…`, `…进一⏎步`).
 */
const ENUMERATION = /(?:十[一二三四五六七八九]?|[一二三四五六七八九])是/;
const ENUMERATION_START = new RegExp(`^${ENUMERATION.source}`);
/** The end of a sentence or a clause, with the closing quotes or brackets after it. */
const SENTENCE_END = /[。；：！？][”’」』）)]*/;
const ENDS_SENTENCE = new RegExp(`${SENTENCE_END.source}$`);
/** A line ending before such a line, or after the end of a sentence before an enumeration's `一是`. */
const TYPED_OR_NUMBERED_LINE = new RegExp(`[ \\t]*\\n[ \\t]*(?=${OWN_LINE.source})|(?<=${SENTENCE_END.source})[ \\t]*\\n(?=${ENUMERATION.source})`, 'g');

/**
 * The last line of a paragraph when it is a note in parentheses (`（县应急管理局供稿）`), typed
 * flush left after a sentence's end.
 */
const NOTE_LINE = /(?<=[。！？…」”])[ \t]*\n[ \t]*([（(][^\n（()）]*[）)])$/;

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
 *   an empty line between them) of an article's text starts a paragraph; so does a line typed
 *   flush left that starts with a subhead's or an item's numbering (`（二）加强宣传引导` then
 *   `1.宣传到位。` and `2.群众参与。`, each typed under the one before), and a note in
 *   parentheses on the last line (`（县应急管理局供稿）`, rehype-notes), typed flush left;
 * - another is aligned under the line above, as GB/T 9704 §7.3.4 sets a list of attachments
 *   (`附件：1.关于…` then `　　　2.关于…`, which remark-attachment-lines then takes): a line break, its spaces counted from where its
 *   paragraph's first line starts, as they line up in the file. The style sheets indent that
 *   line by two characters in place of the spaces typed there (remark-typed-indent), so the line
 *   gets two more for a first line typed without them.
 */
export default function remarkTypedLineBreaks() {
  return (tree: Root) => {
    eachNode(tree, (node, index, parent) => {
      if (!PHRASING_PARENTS.has(node.type)) return undefined;
      const phrasing = node as { children: PhrasingContent[]; position?: Root['position'] };
      const article = node.type === 'paragraph' && parent?.type === 'root';
      if (article) phrasing.children = phrasing.children.flatMap((_child, at) => linesBesideMarkup(phrasing.children, at));
      const last = phrasing.children.at(-1);
      const note = article && last?.type === 'text' && NOTE_LINE.test(last.value);
      const lineStart = article ? TYPED_OR_NUMBERED_LINE : TYPED_LINE;
      if (!note && !phrasing.children.some((child) => startsParagraph(child) || (child.type === 'text' && child.value.search(lineStart) !== -1)))
        return undefined;
      const first = phrasing.children[0];
      const lineOf: Lines = {
        column: phrasing.position?.start.column ?? 1,
        article,
        typed: first?.type === 'text' ? (TYPED_SPACES.exec(first.value)?.[0].length ?? 0) : 0,
      };
      phrasing.children = phrasing.children.flatMap((child): PhrasingContent[] =>
        child.type === 'text' ? lines(child, lineOf, note && child === last) : [child],
      );
      if (!article || !phrasing.children.some(startsParagraph)) return undefined;
      const paragraphs = split(node as Paragraph);
      parent.children.splice(index!, 1, ...paragraphs);
      return index! + paragraphs.length;
    });
  };
}

/** How a paragraph's lines are set: where they start, and the spaces typed before the first line of the paragraph they are in. */
interface Lines {
  readonly column: number;
  /** An article's paragraph, which a line may split (see `remarkTypedLineBreaks`). */
  readonly article: boolean;
  typed: number;
}

/**
 * The text as its lines: a break before each typed line, its spaces moved to count from its
 * paragraph's first line, or, in an article's paragraph, a break that `startsParagraph` before a
 * line indented as a paragraph and before the note the text ends with (`note`); each line placed
 * where it starts, a line after the first at the column the paragraph starts at.
 */
function lines(node: Text, lineOf: Lines, note: boolean): (Text | Break)[] {
  const found = note ? NOTE_LINE.exec(node.value) : null;
  const parts = (found ? node.value.slice(0, found.index) : node.value).split(lineOf.article ? TYPED_OR_NUMBERED_LINE : TYPED_LINE);
  if (found) parts.push(found[1]!);
  if (parts.length === 1) return [node];
  const start = node.position?.start;
  let line = start?.line ?? 0;
  return parts.flatMap((value, index) => {
    const at = index === 0 ? start : start && { line, column: lineOf.column };
    line += (value.match(/\n/g)?.length ?? 0) + 1;
    if (index === 0) return [{ ...node, value }];
    const position = at && { position: { start: at, end: at } };
    const typed = TYPED_SPACES.exec(value)?.[0].length ?? 0;
    if (lineOf.article && (opensParagraph(value, parts[index - 1]!) || (found && index === parts.length - 1))) {
      lineOf.typed = typed;
      return [paragraphBreak(), { type: 'text', value, ...position }];
    }
    const spaces = lineOf.article ? typed + INDENT - lineOf.typed : typed;
    const text: Text = { type: 'text', value: '\u3000'.repeat(Math.max(0, spaces)) + value.replace(TYPED_SPACES, ''), ...position };
    return [{ type: 'break' } satisfies Break, text];
  });
}

/**
 * Whether a line of an article's text after a line break opens a paragraph: indented as one (two
 * full-width spaces), typed flush left with a subhead's or an item's numbering, or typed flush
 * left with an enumeration's `一是` after a line (`before`, the text up to the break) that ends a
 * sentence or a clause. A line indented further is aligned under the one above (an attachment's)
 * or set right (a 落款).
 */
export function opensParagraph(line: string, before: string): boolean {
  const text = line.replace(/^[ \t]+/, '');
  const typed = TYPED_SPACES.exec(text)?.[0].length ?? 0;
  if (ENUMERATION_START.test(text) && ENDS_SENTENCE.test(before.trimEnd())) return true;
  return OWN_LINE_START.test(text) && (typed === INDENT || typed === 0);
}

/**
 * An article's text node, split where a line that opens a paragraph (`opensParagraph`) starts
 * or ends in bold or a link beside it, which the text alone cannot show: the line break at its
 * end before `**一是加强组织领导。**` or `**1.宣传到位。**`, or at its start after
 * `**主要做法如下：**`, becomes a break that starts a paragraph.
 */
function linesBesideMarkup(children: readonly PhrasingContent[], at: number): PhrasingContent[] {
  const child = children[at]!;
  if (child.type !== 'text') return [child];
  const [previous, next] = [children[at - 1], children[at + 1]];
  const end = /[ \t]*\n[ \t]*$/.exec(child.value);
  // The line before the break: this text's, or, where it is only the break, the markup's before it.
  const before = end && (child.value.slice(0, end.index).trim() === '' && previous ? toString(previous) : child.value.slice(0, end.index));
  if (end && next && next.type !== 'text' && opensParagraph(toString(next), before!)) {
    return [{ ...child, value: child.value.slice(0, end.index) }, paragraphBreak()];
  }
  const start = /^[ \t]*\n[ \t]*/.exec(child.value);
  if (start && previous && previous.type !== 'text' && opensParagraph(child.value.slice(start[0].length), toString(previous))) {
    return [paragraphBreak(), { ...child, value: child.value.slice(start[0].length) }];
  }
  return [child];
}

/** A line break that starts a paragraph (see `split`). */
function paragraphBreak(): Break {
  return { type: 'break', data: { startsParagraph: true } } as Break;
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
