import type { Nodes, Parent, Root, Text } from 'mdast';
import type {} from 'remark-directive';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';
import { KNOWN_DIRECTIVES, writtenAs, type DirectiveType, type KnownDirective } from './directives.ts';

export interface Options {
  /**
   * The directives something later in the pipeline renders.
   * @default KNOWN_DIRECTIVES (`::table`)
   */
  readonly known?: readonly KnownDirective[];
}

type Directive = Extract<Nodes, { type: DirectiveType }>;

/**
 * remark-directive turns `::name` lines and `:::name` blocks into directives that render as
 * nothing unless a plugin handles them, and reads `注:abc` as a text directive `:abc`.
 * This plugin makes an unknown leaf or container directive an error (its content would vanish
 * from the page) and turns an unknown text directive back into the text it was written as.
 * Use right after `remark-directive`.
 */
export default function remarkDirectiveNames(options: Options = {}) {
  const known = options.known ?? KNOWN_DIRECTIVES;
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    eachNode(tree, (node, index, parent) => {
      if (!isDirective(node)) return;
      const match = known.find((candidate) => candidate.name === node.name);
      if (match?.type === node.type) return;
      if (node.type === 'textDirective' && parent && index !== undefined) {
        (parent as Parent).children.splice(index, 1, literal(node, source));
        return index + 1;
      }
      const written = writtenAs(node.type, node.name);
      const near = known.find((candidate) => distance(candidate.name, node.name) <= 2);
      const reason = match
        ? `Expected \`${match.example}\` on a line of its own, got \`${written}\``
        : near
          ? `Unknown directive \`${written}\`: nothing would be printed for it; did you mean \`${corrected(node, source, near)}\`?`
          : `Unknown directive \`${written}\`: nothing would be printed for it; jianbao knows ${known.map((k) => `\`${k.example}\``).join(', ')} (write \`\\${written}\` to print the text as is)`;
      reportProblem(file, reason, { place: node.position?.start, ruleId: 'directive-unknown' });
      return undefined;
    });
    // A directive line typed with the input method in Chinese mode is no directive but a
    // paragraph: the table would vanish from the page, its 合计 unchecked.
    eachNode(tree, (node) => {
      if (node.type !== 'paragraph') return;
      const start = node.position?.start;
      // Only a paragraph opening with a colon can be one; its first line alone is read.
      if (start?.offset === undefined || !/[:：]/.test(source[start.offset] ?? '')) return;
      const end = source.indexOf('\n', start.offset);
      const found = misTyped(source.slice(start.offset, end === -1 ? undefined : end), known);
      if (!found) return;
      reportProblem(file, `Cannot read this \`${found.name}\` line: ${found.why}; write it as \`${found.example}\`, in half-width characters`, {
        place: { line: start.line, column: start.column + found.at },
        ruleId: 'directive-malformed',
      });
    });
  };
}

/** `::table` typed with full-width colons or spaces, or followed by a space. */
const OPENING = /^[:：]{2,3}[ \t\u3000]*([A-Za-z][\w-]*)/;
/** What a Chinese input method types in place of the half-width characters of a directive's attributes. */
const FULL_WIDTH: Readonly<Record<string, string>> = { '：': ':', '｛': '{', '｝': '}', '“': '"', '”': '"', '＝': '=', '，': ' ', '\u3000': ' ' };

/**
 * Why a paragraph's first line that opens like a known directive (`：：table{…}`,
 * `::table {…}`, `::table{src="a.csv"，header-rows="1"}`) was not read as one, and where.
 */
function misTyped(line: string, known: readonly KnownDirective[]): { name: string; example: string; why: string; at: number } | undefined {
  const opening = OPENING.exec(line);
  const directive = opening && known.find((candidate) => candidate.name === opening[1]);
  if (!opening || !directive) return undefined;
  const name = writtenAs(directive.type, directive.name);
  const characters = [...line];
  const wide = characters.findIndex((character) => character in FULL_WIDTH);
  if (wide !== -1) {
    const character = characters[wide]!;
    const half = FULL_WIDTH[character]!;
    const why =
      half === ' '
        ? `found “${character}” between attributes, which are separated by spaces`
        : `found the full-width “${character}”, where \`${half}\` belongs`;
    return { name, example: directive.example, why, at: characters.slice(0, wide).join('').length };
  }
  const gap = /^[:：]+[A-Za-z][\w-]*(\s+)\{/.exec(line);
  if (gap) return { name, example: directive.example, why: 'found a space before `{`', at: gap[0].length - gap[1]!.length - 1 };
  const comma = line.indexOf(',', opening[0].length);
  if (comma !== -1) return { name, example: directive.example, why: 'found “,” between attributes, which are separated by spaces', at: comma };
  return { name, example: directive.example, why: 'its attributes are not `name="value"` pairs inside `{}`', at: opening[0].length };
}

function isDirective(node: Nodes): node is Directive {
  return node.type === 'textDirective' || node.type === 'leafDirective' || node.type === 'containerDirective';
}

/** The directive's first line as written, under the known name `near` (its example when written without attributes). */
function corrected(node: Directive, source: string, near: KnownDirective): string {
  const [line = ''] = literal(node, source).value.split('\n');
  return line.includes('{') ? line.trim().replace(/^(:+)[^\s{[]*/, `$1${near.name}`) : near.example;
}

/** The directive's source text, as the editor wrote it. */
function literal(node: Directive, source: string): Text {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const value = start !== undefined && end !== undefined ? source.slice(start, end) : writtenAs(node.type, node.name);
  return { type: 'text', value, position: node.position };
}

/** Edit distance between two short names, for “did you mean”. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
