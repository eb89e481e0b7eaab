import { placeIn } from '../util/text-place.ts';
import type { Heading, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';
import { headingEndMark } from './heading-end.ts';

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
 * Turn the line separator inside headings into line breaks; the separator's spaces and slash may
 * be typed full width, as a Chinese input method types them (`甲　/　乙`, `甲 ／ 乙`). Warnings,
 * each at its place, for a heading typed in a way that does not print as the editor meant:
 * - a slash typed in a title without the spaces (`措施／全力`, `措施/全力`) prints as a slash
 *   (`heading-slash`), as it is most often a line break typed the wrong way;
 * - a backslash at a title's end prints as a backslash, and the line after it starts the text
 *   (`heading-backslash`): a heading is one line, and `\` breaks a line only in a paragraph;
 * - a line of `---` or `===` under a line of text makes that line a heading, an article's title
 *   (`heading-underlined`), where an editor most often meant a separator;
 * - a title or subhead that ends in a full stop, comma, colon or the like (`关于……情况：`,
 *   `一、总体情况。`), which a heading on a line of its own goes without (`heading-punctuation`),
 *   printed in the contents list and the PDF's bookmarks too; `？` and `！` belong to its words;
 * - a line of seven or more `#` (`####### 七级标题`), which Markdown, with six levels, reads as
 *   text and prints with its marks (`heading-depth`); the level follows the numbering anyway.
 */
export default function remarkHeadingLines(options: Options = {}) {
  const separator = separatorPattern(options.separator ?? ' / ');
  return (tree: Root, file: VFile) => {
    eachNode(tree, (heading) => {
      if (heading.type === 'paragraph') deepProblem(heading, file);
      if (heading.type !== 'heading') return;
      underlineProblem(heading, file);
      endProblem(heading, file);
      const last = heading.children.at(-1);
      if (last?.type === 'text' && last.value.endsWith('\\')) backslashProblem(last, file);
      heading.children = heading.children.flatMap((child): PhrasingContent[] => {
        if (child.type === 'text') slashProblem(child, separator, file);
        if (child.type !== 'text' || child.value.search(separator) === -1) return [child];
        return child.value
          .split(separator)
          .flatMap((value, index): PhrasingContent[] => (index === 0 ? [{ type: 'text', value }] : [{ type: 'break' }, { type: 'text', value }]));
      });
    });
  };
}

/** `separator` as a pattern in which each space may also be a full-width one, and a slash a full-width slash. */
function separatorPattern(separator: string): RegExp {
  const pattern = [...separator].map((char) => (char === ' ' ? '[ \\u3000]' : char === '/' ? '[/／]' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(pattern, 'g');
}

function underlineProblem(heading: Heading, file: VFile): void {
  const position = heading.position;
  // An ATX heading (`## …`) is one line; a heading over two or more lines is underlined.
  if (!position || position.end.line === position.start.line) return;
  reportProblem(
    file,
    `Unexpected ${heading.depth === 1 ? '`===`' : '`---`'} under a line of text, which makes that line a title as \`${'#'.repeat(heading.depth)} …\` would; for a title write \`${'#'.repeat(heading.depth)} title\`, for a separator leave an empty line above the \`---\``,
    { place: { line: position.end.line, column: 1 }, ruleId: 'heading-underlined' },
  );
}

/** A line that starts as a heading of more levels than Markdown's six. */
const TOO_DEEP = /^([ \t]*)(#{7,})(?=[ \t])/gm;

function deepProblem(paragraph: Paragraph, file: VFile): void {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end.offset;
  if (start?.offset === undefined || end === undefined) return;
  const text = String(file.value).slice(start.offset, end);
  for (const match of text.matchAll(TOO_DEEP)) {
    const index = match.index + match[1]!.length;
    const { line, column } = placeIn(text, index, start);
    const at = { line, column, offset: start.offset + index };
    const message = reportProblem(
      file,
      `Unexpected ${match[2]!.length} “#”: Markdown has six levels of heading, so the line prints as text with its marks; write ###### (a subhead's level follows its numbering, whatever the number of #)`,
      { place: { start: at, end: { ...at, column: column + match[2]!.length, offset: at.offset + match[2]!.length } }, ruleId: 'heading-depth' },
    );
    message.actual = match[2]!;
    message.expected = ['######'];
  }
}

function endProblem(heading: Heading, file: VFile): void {
  const found = headingEndMark(heading);
  const end = found?.text.position?.end;
  if (!found || end?.offset === undefined) return;
  const { text: last, match } = found;
  const back = last.value.length - match.index;
  const at = { line: end.line, column: end.column - back, offset: end.offset - back };
  const message = reportProblem(
    file,
    `Unexpected “${match[0].trim()}” at the end of a heading, which prints there and in the contents list; a heading on a line of its own ends without punctuation, so remove it`,
    { place: { start: at, end: { ...at, column: at.column + 1, offset: at.offset + 1 } }, ruleId: 'heading-punctuation' },
  );
  message.actual = match[0].trim();
  message.expected = [''];
}

function backslashProblem(text: Text, file: VFile): void {
  const end = text.position?.end;
  reportProblem(
    file,
    'Unexpected `\\` at the end of a title: a title is one line, so the backslash prints and the next line starts the text; to print the title on two lines, write “ / ” (space, slash, space) between them',
    { place: end && { line: end.line, column: end.column - 1 }, ruleId: 'heading-backslash' },
  );
}

function slashProblem(text: Text, separator: RegExp, file: VFile): void {
  // Each line as written, the separator's own slash aside.
  separator.lastIndex = 0;
  const breaks = [...text.value.matchAll(separator)];
  let offset = 0;
  for (const [index, line] of text.value.split(separator).entries()) {
    const match = SLASH.exec(line);
    if (match) {
      const start = text.position?.start;
      const at = offset + match.index + match[0].search(/[/／]/);
      reportProblem(
        file,
        `Unexpected “${match[0].trim()}” in a title, which prints as a slash; to print the title on two lines, write “ / ” (space, slash, space) there`,
        { place: start && !text.value.includes('\n') ? { line: start.line, column: start.column + at } : start, ruleId: 'heading-slash' },
      );
      return;
    }
    offset += line.length + (breaks[index]?.[0].length ?? 0);
  }
}
