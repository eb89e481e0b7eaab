import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { opensParagraph } from '../markdown/remark-typed-line-breaks.ts';

/**
 * A manual line break (Shift+Enter) before a line that opens a paragraph of its own, indented as
 * one (`　　一、主要做法`) or typed flush left with a subhead's or an item's numbering
 * (`（一）坚持党建引领。…`), or an enumeration's `二是` after a sentence's end (`opensParagraph`),
 * is a paragraph break: text pasted into Word from a web page keeps
 * its paragraphs as line breaks, and a subhead on such a line would print as text after a
 * `<br>`, neither a subhead nor run in. As in typed Markdown (remark-typed-line-breaks), a line
 * aligned under the one above (`附件：1.…` then `　　　　　2.…`) or set right (a 落款) keeps its
 * break. Runs after remark-spaces-outside-emphasis, which takes a bold line's indent out of it.
 */
export default function remarkLineParagraphs() {
  return (tree: Root) => {
    tree.children = tree.children.flatMap((node): RootContent[] => (node.type === 'paragraph' ? split(node) : [node]));
  };
}

/** The paragraph as the paragraphs its lines open. */
function split(paragraph: Paragraph): Paragraph[] {
  const paragraphs: Paragraph[] = [{ ...paragraph, children: [] }];
  for (const [index, child] of paragraph.children.entries()) {
    if (child.type === 'break' && opensParagraph(lineAfter(paragraph.children, index), toString(paragraphs.at(-1)!))) {
      trimEnd(paragraphs.at(-1)!);
      paragraphs.push({ type: 'paragraph', children: [] });
    } else paragraphs.at(-1)!.children.push(child);
  }
  return paragraphs.filter((part) => part.children.length > 0);
}

/** The text of the line after the break at `index`, up to the next break. */
function lineAfter(children: readonly PhrasingContent[], index: number): string {
  const end = children.findIndex((child, at) => at > index && child.type === 'break');
  return toString(children.slice(index + 1, end === -1 ? undefined : end), { includeHtml: false, includeImageAlt: false });
}

/** Spaces before the break end no paragraph. */
function trimEnd(paragraph: Paragraph): void {
  const last = paragraph.children.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  if (last?.type === 'text' && last.value === '') paragraph.children.pop();
}
