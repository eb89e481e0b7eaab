import type { Element, ElementContent, Root } from 'hast';
import { eachNode, SKIP } from '../util/each-node.ts';
import { ATTACHMENT_NUMBER, ATTACHMENTS } from './attachments.ts';
import { LEADING_SPACES } from './cjk.ts';
import { hasClass } from './has-class.ts';

/** The class of a list of attachments, as remark-attachment-lines marks its paragraph and as it is set out. */
export const ATTACHMENTS_CLASS = 'attachments';
/** The class of an attachment's name in the list. */
export const ATTACHMENT_NAME_CLASS = 'attachment-name';

/**
 * A list of attachments (remark-attachment-lines marks it) set out as GB/T 9704 §7.3.4 prints it:
 * `附件：` indented two characters, then each attachment's number and name, a long name wrapping
 * under its own first character, the numbers under each other. The paragraph, a line for each
 * attachment, becomes `<div class="attachments">` holding `<span class="attachments-label">附件：`
 * and an `<ol>` whose items hold `<span class="attachment-number">1.` (none for a single
 * attachment without one) and `<span class="attachment-name">`, which the style sheets set in
 * columns. Links and other inline content of a name stay in it.
 */
export default function rehypeAttachments() {
  return (tree: Root) => {
    eachNode(tree, (node, index, parent) => {
      if (node.type !== 'element') return undefined;
      if (node.tagName !== 'p') return node.tagName === 'table' || node.tagName === 'svg' ? SKIP : undefined;
      if (!hasClass(node, ATTACHMENTS_CLASS)) return SKIP;
      parent!.children[index!] = attachmentList(node);
      return SKIP;
    });
  };
}

function attachmentList(paragraph: Element): Element {
  const lines: ElementContent[][] = [[]];
  for (const child of paragraph.children) {
    const line = lines.at(-1)!;
    const before = line.at(-1);
    if (child.type === 'element' && child.tagName === 'br') lines.push([]);
    // Text the parser left in pieces (`附件:1.`, where `:1` was read as a directive) is read whole.
    else if (child.type === 'text' && before?.type === 'text') line[line.length - 1] = { ...before, value: before.value + child.value };
    else line.push(child);
  }
  const label = take(lines[0]!, ATTACHMENTS) ?? '附件：';
  const items = lines
    .map(trimStart)
    .filter((line) => line.length > 0)
    .map((line): Element => {
      const number = take(line, ATTACHMENT_NUMBER);
      return element('li', undefined, [
        ...(number === undefined ? [] : [element('span', 'attachment-number', [{ type: 'text', value: number }])]),
        element('span', ATTACHMENT_NAME_CLASS, line),
      ]);
    });
  return element('div', ATTACHMENTS_CLASS, [element('span', 'attachments-label', [{ type: 'text', value: label }]), element('ol', undefined, items)]);
}

/**
 * What `pattern` finds at the start of the line's text, its spaces left out first, taken out of the
 * line; undefined when the line does not start with it.
 */
function take(line: ElementContent[], pattern: RegExp): string | undefined {
  const first = trimStart(line)[0];
  const found = first?.type === 'text' ? pattern.exec(first.value)?.[0] : undefined;
  if (first?.type !== 'text' || found === undefined) return undefined;
  first.value = first.value.slice(found.length);
  trimStart(line);
  return found;
}

/** The line without the spaces at its start (text of spaces alone left out). */
function trimStart(line: ElementContent[]): ElementContent[] {
  while (line[0]?.type === 'text') {
    line[0].value = line[0].value.replace(LEADING_SPACES, '');
    if (line[0].value !== '') break;
    line.shift();
  }
  return line;
}

function element(tagName: string, className: string | undefined, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: className ? { className: [className] } : {}, children };
}
