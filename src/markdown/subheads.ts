import type { Heading, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { LEVELS } from './rehype-heading-levels.ts';

/** Paragraphs up to this long that start with a subhead's numbering are subheads. */
const SUBHEAD_MAX_LENGTH = 50;
/** A subhead is a phrase: a paragraph with a full stop in it is text that starts with a number. */
const SENTENCE = /[。；：！？]/;
/** `1.5万户…` starts with a number, not with the numbering `1.`. */
const DECIMAL = /^\d+[.．]\d/;

/**
 * Whether a paragraph is a subhead as Word drafts hold them, a paragraph of its own: short, no
 * sentence, starting with the numbering of a heading level (`一、` `（一）` `1.` `（1）`), on one
 * line, without a picture or a footnote mark. `jianbao import` makes it a heading, and so does
 * the Markdown when typed so (remark-typed-subheads).
 */
export function isSubhead(paragraph: Paragraph): boolean {
  if (paragraph.children.some((child) => child.type === 'break' || child.type === 'image' || child.type === 'footnoteReference')) return false;
  const line = subheadText(paragraph);
  return line.length <= SUBHEAD_MAX_LENGTH && !SENTENCE.test(line) && subheadDepth(line) !== undefined;
}

/** `###` for `一、`, `####` for `（一）`, `#####` for `1.`, `######` for `（1）`. */
export function subheadDepth(line: string): Heading['depth'] | undefined {
  if (DECIMAL.test(line)) return undefined;
  const level = LEVELS.findIndex(([pattern]) => pattern.test(line));
  return level === -1 ? undefined : ((3 + level) as Heading['depth']);
}

/** A paragraph's text as a subhead reads it: without raw HTML, pictures' descriptions or the spaces around it (full-width ones too). */
export function subheadText(paragraph: Paragraph): string {
  return toString(paragraph, { includeHtml: false, includeImageAlt: false }).trim();
}
