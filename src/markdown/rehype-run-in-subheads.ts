import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { eachNode, SKIP } from '../util/each-node.ts';
import { hasClass } from './has-class.ts';
import { levelClass } from './rehype-heading-levels.ts';
import { subheadDepth } from './subheads.ts';

/** The longest lead sentence taken for a run-in subhead, numbering and full stop included. */
const RUN_IN_MAX_LENGTH = 30;

/**
 * A note whose items are numbered (`注：1.本表数据截至11月底。` then `2.完成率=…`, each typed on a
 * line of its own, which remark-typed-line-breaks makes paragraphs): the numbered lines right
 * under it are its items, not subheads; a paragraph after an empty line is the text's again.
 */
const NOTE_ITEMS = /^\s*(?:注|附注|备注|说明)[：:]\s*(?:[0-9０-９]+[.．、]|[（(][0-9０-９]+[）)])/;
const NUMBERED = /^\s*(?:[0-9０-９]+[.．、]|[（(][0-9０-９]+[）)])/;

/** The class of a run-in subhead's span (print.css, site.css); its level's class (`level-2`) goes with it. */
const RUN_IN_CLASS = 'run-in';

/**
 * A paragraph that starts with a heading level's numbering and a short sentence
 * (`（一）加强组织领导。各地要……`, `1.高度重视，迅速部署。…`) opens with a run-in subhead, as
 * official prose writes its lower levels: the sentence, numbering and full stop included, goes
 * into `<span class="run-in level-N">`, which the style sheets set in its level's face (`一、`
 * 黑体, `（一）` 楷体, `1.` 仿宋 bold, `（1）` 仿宋), the rest of the paragraph in the body's. A
 * sentence longer than `RUN_IN_MAX_LENGTH` is text that starts with a number, as is `1.5万户…`
 * (see `subheadDepth`). Only an article's own paragraphs: not a list's (its numbers are the
 * list's, footnotes and attachments are lists too), a numbered note's items (`NOTE_ITEMS`), the
 * 编者按's or a table's. Runs after
 * rehype-preface, and after rehype-keep-last-characters: a paragraph that is all subhead
 * (`一、加强领导。`) keeps its last characters bound, inside the span.
 */
export default function rehypeRunInSubheads() {
  return (tree: Root) => {
    // The line the last note's item ended on, while the paragraphs are a numbered note's items.
    let noteEnd: number | undefined;
    eachNode(tree, (node) => {
      if (node.type !== 'element') return;
      if (node.tagName === 'figure' || node.tagName === 'table' || node.tagName === 'svg' || node.tagName === 'li') return SKIP;
      // The 编者按 (rehype-preface) is set in 楷体 whole.
      if (hasClass(node, 'preface')) return SKIP;
      if (node.tagName !== 'p') return;
      const text = toString(node);
      const item = NOTE_ITEMS.test(text) || (noteEnd !== undefined && node.position?.start.line === noteEnd + 1 && NUMBERED.test(text));
      noteEnd = item ? node.position?.end.line : undefined;
      if (!item) markRunIn(node);
      return SKIP;
    });
  };
}

/** Put the paragraph's run-in subhead, when it opens with one, into its span. */
function markRunIn(paragraph: Element): void {
  const end = leadEnd(paragraph.children);
  if (end === undefined) return;
  const lead = paragraph.children.slice(0, end.child);
  const split = paragraph.children[end.child];
  const rest = paragraph.children.slice(end.child + 1);
  if (split?.type === 'text') {
    lead.push({ type: 'text', value: split.value.slice(0, end.offset) });
    if (end.offset < split.value.length) rest.unshift({ type: 'text', value: split.value.slice(end.offset) });
  } else if (split) lead.push(split);
  const text = toString({ type: 'element', tagName: 'span', properties: {}, children: lead }).trimStart();
  if (subheadDepth(text) === undefined) return;
  const level = levelClass(text)!;
  const span: Element = { type: 'element', tagName: 'span', properties: { className: [RUN_IN_CLASS, level] }, children: lead };
  paragraph.children = [span, ...rest];
}

/**
 * Where the paragraph's first sentence ends, just after its `。`: in a text child (`offset` in
 * it), or at the end of an element child whose text ends there (bold typed over the subhead,
 * `**（一）加强组织领导。**`); undefined when the sentence ends inside an element, or is longer
 * than `RUN_IN_MAX_LENGTH`.
 */
function leadEnd(children: readonly ElementContent[]): { child: number; offset: number } | undefined {
  let length = 0;
  for (const [index, child] of children.entries()) {
    const text = child.type === 'text' ? child.value : child.type === 'element' ? toString(child) : '';
    const stop = text.indexOf('。');
    if (stop === -1) {
      length += text.length;
    } else {
      length += stop + 1;
      if (length > RUN_IN_MAX_LENGTH) return undefined;
      if (child.type === 'text') return { child: index, offset: stop + 1 };
      return stop === text.length - 1 ? { child: index, offset: 0 } : undefined;
    }
    if (length > RUN_IN_MAX_LENGTH) return undefined;
  }
  return undefined;
}
