import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** The label a 编者按 (editor's note) or 按语 starts with. */
export const PREFACE_LABEL = /^\s*((?:编者)?按[：:])/;

/**
 * A 编者按 or 按语 before the first article — a paragraph starting `编者按：` or `按：`, bold or
 * not — and the paragraphs after it up to the first article become one `<div class="preface">`,
 * its label a `<strong class="preface-label">`, so that it prints as printed 简报 set it: label
 * bold, text in 楷体, set off from the article below. Runs after rehype-articles.
 */
export default function rehypePreface() {
  return (tree: Root) => {
    const firstArticle = tree.children.findIndex(isArticle);
    const end = firstArticle === -1 ? tree.children.length : firstArticle;
    const start = tree.children.findIndex(
      (node, index) => index < end && node.type === 'element' && node.tagName === 'p' && PREFACE_LABEL.test(toString(node)),
    );
    if (start === -1) return;
    const paragraph = tree.children[start] as Element;
    markLabel(paragraph);
    const preface: Element = {
      type: 'element',
      tagName: 'div',
      properties: { className: ['preface'] },
      children: tree.children.slice(start, end) as ElementContent[],
    };
    tree.children.splice(start, end - start, preface, { type: 'text', value: '\n' });
  };
}

function isArticle(node: RootContent): boolean {
  return node.type === 'element' && node.tagName === 'section' && String(node.properties.className ?? '').includes('article');
}

/** Class the bold label, or make the label bold when it was typed plain. */
function markLabel(paragraph: Element): void {
  const first = paragraph.children[0];
  if (first?.type === 'element' && first.tagName === 'strong' && PREFACE_LABEL.test(toString(first))) {
    first.properties = { ...first.properties, className: ['preface-label'] };
    return;
  }
  const label = first?.type === 'text' ? PREFACE_LABEL.exec(first.value)?.[0] : undefined;
  if (first?.type !== 'text' || label === undefined) return;
  paragraph.children.splice(
    0,
    1,
    { type: 'element', tagName: 'strong', properties: { className: ['preface-label'] }, children: [{ type: 'text', value: label.trimStart() }] },
    ...(first.value.length > label.length ? [{ type: 'text' as const, value: first.value.slice(label.length) }] : []),
  );
}
