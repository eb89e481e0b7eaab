import type { PhrasingContent, Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';

export interface Options {
  /**
   * Text that separates the printed lines of a heading
   * (`## 以……为指引 / 扎实推进……` prints on two lines).
   * @default ' / '
   */
  readonly separator?: string;
}

/** A slash typed between Chinese words without the spaces of a line break: `措施/全力`, `措施／全力`. */
const SLASH = /／|(?<=[\p{Script=Han}”」）])\s?\/(?!\s)|(?<!\s)\/\s?(?=[\p{Script=Han}“「（])/u;

/**
 * Turn the line separator inside headings into line breaks. A slash typed in a title without it
 * (`措施／全力`, `措施/全力`) prints as a slash: a warning at the slash (`heading-slash`), as it
 * is most often a line break typed the wrong way.
 */
export default function remarkHeadingLines(options: Options = {}) {
  const separator = options.separator ?? ' / ';
  return (tree: Root, file: VFile) => {
    eachNode(tree, (heading) => {
      if (heading.type !== 'heading') return;
      heading.children = heading.children.flatMap((child): PhrasingContent[] => {
        if (child.type === 'text') slashProblem(child, separator, file);
        if (child.type !== 'text' || !child.value.includes(separator)) return [child];
        return child.value
          .split(separator)
          .flatMap((value, index): PhrasingContent[] => (index === 0 ? [{ type: 'text', value }] : [{ type: 'break' }, { type: 'text', value }]));
      });
    });
  };
}

function slashProblem(text: Extract<PhrasingContent, { type: 'text' }>, separator: string, file: VFile): void {
  // Each line as written, the separator's own slash aside.
  let offset = 0;
  for (const line of text.value.split(separator)) {
    const match = SLASH.exec(line);
    if (match) {
      const start = text.position?.start;
      const at = offset + match.index + match[0].search(/[/／]/);
      reportProblem(
        file,
        `Unexpected “${match[0].trim()}” in a title, which prints as a slash; to print the title on two lines, write “${separator}” (space, slash, space) there`,
        { place: start && !text.value.includes('\n') ? { line: start.line, column: start.column + at } : start, ruleId: 'heading-slash' },
      );
      return;
    }
    offset += line.length + separator.length;
  }
}
