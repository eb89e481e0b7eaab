import type { PhrasingContent, Root } from 'mdast';
import { eachNode } from '../util/each-node.ts';

export interface Options {
  /**
   * Text that separates the printed lines of a heading
   * (`## 以……为指引 / 扎实推进……` prints on two lines).
   * @default ' / '
   */
  readonly separator?: string;
}

/** Turn the line separator inside headings into line breaks. */
export default function remarkHeadingLines(options: Options = {}) {
  const separator = options.separator ?? ' / ';
  return (tree: Root) => {
    eachNode(tree, (heading) => {
      if (heading.type !== 'heading') return;
      heading.children = heading.children.flatMap((child): PhrasingContent[] => {
        if (child.type !== 'text' || !child.value.includes(separator)) return [child];
        return child.value
          .split(separator)
          .flatMap((value, index): PhrasingContent[] => (index === 0 ? [{ type: 'text', value }] : [{ type: 'break' }, { type: 'text', value }]));
      });
    });
  };
}
