import type { Heading, Text } from 'mdast';

/** Punctuation a heading ends in that a heading on a line of its own goes without, spaces after it. */
const END_MARK = /[。，、；：.,;:]\s*$/;

/**
 * The mark a heading ends in that `heading-punctuation` reports (`关于……情况：`, `一、总体情况。`),
 * with its place in the heading's last text: inside bold or emphasis too, not a link's, and not
 * a number's point (`第1.`); `？` and `！` belong to its words. Undefined when there is none.
 */
export function headingEndMark(heading: Heading): { readonly text: Text; readonly match: RegExpExecArray } | undefined {
  let last = heading.children.at(-1);
  while (last && 'children' in last && last.type !== 'link') last = last.children.at(-1);
  if (last?.type !== 'text' || /\d\.\s*$/.test(last.value)) return undefined;
  const match = END_MARK.exec(last.value);
  return match ? { text: last, match } : undefined;
}
