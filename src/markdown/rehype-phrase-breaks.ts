import type { Element, ElementContent, Root } from 'hast';
import { eachNode, SKIP } from '../util/each-node.ts';
import { phrases, UNIT } from './phrases.ts';

export interface PhraseBreaksOptions {
  /**
   * Elements whose lines break only between words (GB/T 9704's 词意完整 for titles).
   * @default ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']
   */
  readonly headings?: readonly string[];
  /**
   * Elements that break between words but may split a compound (`群众 / 工作`): table header
   * cells are narrow, and a four-character compound would widen their column.
   * @default ['th']
   */
  readonly cells?: readonly string[];
}

const defaults: Required<PhraseBreaksOptions> = { headings: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], cells: ['th'] };

/**
 * Titles and table headers break only between words: each text inside them is cut into
 * `phrases` with a `<wbr>` between, and the style sheets set these elements
 * `word-break: keep-all`, so the `<wbr>`s are the only places a line breaks inside Chinese text.
 * A title's ` / ` line breaks (`<br>`) are kept as written.
 */
export default function rehypePhraseBreaks(options: PhraseBreaksOptions = {}) {
  const { headings, cells } = { ...defaults, ...options };
  return (tree: Root) => {
    eachNode(tree, (node) => {
      if (node.type !== 'element') return;
      const compounds = headings.includes(node.tagName);
      if (!compounds && !cells.includes(node.tagName)) return;
      breakBetweenWords(node, compounds);
      return SKIP;
    });
  };
}

function breakBetweenWords(element: Element, compounds: boolean): void {
  element.children = element.children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') breakBetweenWords(child, compounds);
    if (child.type !== 'text') return [child];
    return phrases(child.value, { compounds }).flatMap((value, index): ElementContent[] => [
      ...(index > 0 ? [{ type: 'element', tagName: 'wbr', properties: {}, children: [] } as Element] : []),
      ...(compounds ? [{ type: 'text', value } as const] : keepUnits(value)),
    ]);
  });
}

/**
 * A header's words with each unit or note in brackets bound (`<span class="keep-together">`):
 * with no word break inside it to use, a narrow column would break it at its punctuation
 * (`县（市、` / `区）`), where a line may break even under keep-all.
 */
function keepUnits(value: string): ElementContent[] {
  const parts: ElementContent[] = [];
  let start = 0;
  for (const { index, 0: unit } of value.matchAll(UNIT)) {
    if (index > start) parts.push({ type: 'text', value: value.slice(start, index) });
    parts.push({ type: 'element', tagName: 'span', properties: { className: ['keep-together'] }, children: [{ type: 'text', value: unit }] });
    start = index + unit.length;
  }
  if (start < value.length) parts.push({ type: 'text', value: value.slice(start) });
  return parts;
}
