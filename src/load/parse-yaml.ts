import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Tags } from 'yaml';
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { CONTROL_CHARACTERS, controlCharacterProblem } from '../format/control-characters.ts';
import { reportProblem } from '../report/messages.ts';
import { isRuleId, type RuleId } from '../report/rules.ts';
import { placeIn } from '../util/text-place.ts';

export interface ParsedYaml {
  readonly data: unknown;
  readonly document: Document;
  readonly lines: LineCounter;
}

/**
 * Written like numbers but not in decimal digits: `0x1`, `0o7`, `1e3`, `.inf`, `.nan`. The core
 * schema reads them as numbers (`1e309` as Infinity); here they stay text, so a value that must
 * be a whole number is reported as written.
 */
const NOT_DECIMAL = ['0x1', '0o7', '1e3', '.inf', '.nan'];

function decimalNumbersOnly(tags: Tags): Tags {
  return tags.filter((tag) => typeof tag !== 'object' || !('test' in tag) || !NOT_DECIMAL.some((text) => tag.test?.test(text)));
}

/**
 * Parse YAML with the core schema (so `2021-11-29` stays a string and impossible dates
 * are caught by validation, not silently rolled over) and keep positions for messages.
 * `lineOffset` is the line of the YAML's first line in `file`: 1 for bulletin.yaml, and 1 for
 * frontmatter too, as the text gray-matter hands over keeps the opening `---` line's break.
 */
export function parseYaml(text: string, file: VFile, lineOffset = 1): ParsedYaml | undefined {
  const lines = new LineCounter();
  const deep = tooDeep(text);
  if (deep !== undefined) {
    // yaml's composer recurses once a level and runs out of stack at some 800 levels, after an
    // error per unclosed level: one message here, before it parses anything.
    const { line, column } = placeIn(text, deep, { line: lineOffset, column: 1 });
    fail(
      file,
      `YAML syntax: Expected at most ${MAX_DEPTH} lists or maps one inside another, found more from here; these values are text, numbers and lists of names: close each [ with ] and each { with }, and indent a key only under the key it belongs to`,
      line,
      column,
      'yaml-syntax',
    );
    return undefined;
  }
  const document = parseDocument(text, { schema: 'core', customTags: decimalNumbersOnly, lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    // A key typed with the full-width colon, the commonest slip with a Chinese input method, is
    // named at its line; yaml's own messages about it (implicit keys) would not say so.
    const slips = fullWidthKeys(text);
    for (const slip of slips) {
      fail(
        file,
        `YAML syntax: Expected “: ” after the key \`${slip.key}\`, found the full-width colon “：”; type the colon with the input method in English (half-width) mode`,
        slip.line + lineOffset - 1,
        slip.column,
        'yaml-syntax',
      );
    }
    if (slips.length > 0) return undefined;
    // An unclosed `[` is an error at each level it leaves open, all at one place and alike.
    const reported = new Set<string>();
    for (const error of document.errors) {
      const { line, col } = lines.linePos(error.pos[0]);
      const key = `${error.pos[0]} ${error.code}`;
      if (reported.has(key)) continue;
      reported.add(key);
      fail(file, `YAML syntax: ${firstLine(error.message)}${hint(error.code, text.split(/\r?\n/)[line - 1] ?? '')}`, line + lineOffset - 1, col, 'yaml-syntax');
    }
    return undefined;
  }
  // A tag yaml does not know (`!!js/function`, `!!python/object`, `!include`) is only a warning
  // to yaml, which then reads the value as text: the value would print as the tag's source.
  // Frontmatter and the series file hold plain values, never code or objects of a program.
  if (document.warnings.length > 0) {
    for (const warning of document.warnings) {
      const { line, col } = lines.linePos(warning.pos[0]);
      const tag = warning.code === 'TAG_RESOLVE_FAILED' ? text.slice(warning.pos[0], warning.pos[1]) : undefined;
      const reason = tag
        ? `Unexpected tag \`${tag}\`: YAML here holds plain text, numbers, dates and lists, never code or a program’s objects; delete the tag`
        : firstLine(warning.message);
      fail(file, `YAML syntax: ${reason}`, line + lineOffset - 1, col, 'yaml-syntax');
    }
    return undefined;
  }
  let controls = false;
  visit(document, {
    Scalar(_key, node) {
      // A key or a value, typed or written as an escape (`"\u202E"`): reported where the scalar starts.
      const found = typeof node.value === 'string' ? node.value.match(CONTROL_CHARACTERS) : null;
      if (!found) return;
      const { line, col } = lines.linePos(node.range?.[0] ?? 0);
      fail(file, controlCharacterProblem(found[0]!), line + lineOffset - 1, col, 'control-character');
      controls = true;
    },
  });
  if (controls) return undefined;
  try {
    return { data: document.toJS() ?? {}, document, lines };
  } catch (error) {
    // Aliases of aliases (a "billion laughs") expand past yaml's limit: report at the first alias.
    const { line, col } = lines.linePos(firstAlias(document));
    fail(
      file,
      `YAML syntax: ${firstLine((error as Error).message)}; write the values out instead of repeating them with aliases (*name)`,
      line + lineOffset - 1,
      col,
      'yaml-syntax',
    );
    return undefined;
  }
}

/** Lists and maps one inside another: bulletin.yaml and frontmatter nest three at most. */
const MAX_DEPTH = 64;

/** A line's indentation and the `- `, `? ` and `: ` markers that open a level each on it. */
const LINE_START = /^( *)((?:[-?:][ \t]+)*)/;
/** A line whose value is a block scalar (`|`, `>-`): its text lines follow, indented as they like. */
const BLOCK_SCALAR = /(?:^|[ \t])[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * The offset where lists and maps nest deeper than MAX_DEPTH, counting brackets open at once
 * (outside quotes and comments) and block levels (indentation deeper than the line above's, and
 * markers opening a level on the line); `undefined` when within bounds. A cheap scan, far above
 * what content writes and far below what the parser's stack holds.
 */
function tooDeep(text: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: string | undefined;
  let scalarIndent: number | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const [, spaces = '', markers = ''] = LINE_START.exec(line)!;
    const blank = line.trim() === '' || line.trimStart().startsWith('#');
    if (scalarIndent !== undefined && (blank || spaces.length > scalarIndent)) {
      offset += line.length + 1;
      continue;
    }
    scalarIndent = undefined;
    if (flow === 0 && quote === undefined && !blank) {
      while (indents.length > 0 && indents.at(-1)! >= spaces.length) indents.pop();
      indents.push(spaces.length);
      if (indents.length + markers.replaceAll(/[ \t]/g, '').length > MAX_DEPTH) return offset;
      if (BLOCK_SCALAR.test(line)) scalarIndent = spaces.length;
    }
    for (let index = 0; index < line.length; index++) {
      const char = line[index]!;
      const before = index === 0 ? ' ' : line[index - 1]!;
      if (quote !== undefined) {
        if (char === '\\' && quote === '"') index++;
        else if (char === quote) quote = undefined;
      } else if (char === '#' && /\s/.test(before)) break;
      else if ((char === '"' || char === "'") && /[\s[{,:]/.test(before)) quote = char;
      else if (char === '[' || char === '{') {
        if (++flow > MAX_DEPTH) return offset + index;
      } else if ((char === ']' || char === '}') && flow > 0) flow--;
    }
    offset += line.length + 1;
  }
  return undefined;
}

function firstAlias(document: Document): number {
  let offset = 0;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Report each schema problem at the YAML node it is about. */
export function reportSchemaIssues(issues: readonly z.core.$ZodIssue[], parsed: ParsedYaml, file: VFile, lineOffset = 1): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // Each unknown key at its own line, where the editor has to delete or rename it.
      for (const name of issue.keys) {
        const path = [...issue.path, name] as (string | number)[];
        const { line, col } = parsed.lines.linePos(findPair(parsed.document, path) ?? locate(parsed, path));
        fail(file, `Unknown key \`${name}\``, line + lineOffset - 1, col, 'frontmatter-schema');
      }
      continue;
    }
    const key = issue.path.map(String).join('.');
    // A check with a rule of its own is about the key as a whole (one to delete or fill in): report it there.
    const ruleId: unknown = issue.code === 'custom' ? issue.params?.ruleId : undefined;
    if (isRuleId(ruleId)) {
      const path = issue.path as (string | number)[];
      const { line, col } = parsed.lines.linePos(findPair(parsed.document, path) ?? locate(parsed, path));
      fail(file, `\`${key}\`: ${issue.message}`, line + lineOffset - 1, col, ruleId);
      continue;
    }
    const node = locate(parsed, issue.path as (string | number)[]);
    const { line, col } = parsed.lines.linePos(node);
    const where = key ? `\`${key}\`: ` : '';
    fail(file, `${where}${describe(issue, parsed.document.getIn(issue.path as (string | number)[], true))}`, line + lineOffset - 1, col, 'frontmatter-schema');
  }
}

type YamlItems = { items?: { key?: { value?: unknown; range?: [number, number, number] }; value?: { range?: [number, number, number] } & YamlItems }[] } | null;

/**
 * Where each top-level key's value is written, as file positions (for messages about a valid
 * value); and the keys of a map under one, as `distribution.抄送`, where each is written.
 */
export function valuePlaces(parsed: ParsedYaml, lineOffset = 1): Record<string, { line: number; column: number }> {
  const places: Record<string, { line: number; column: number }> = {};
  const at = (offset: number) => {
    const { line, col } = parsed.lines.linePos(offset);
    return { line: line + lineOffset - 1, column: col };
  };
  for (const item of (parsed.document.contents as YamlItems)?.items ?? []) {
    const offset = item.value?.range?.[0];
    if (typeof item.key?.value !== 'string' || offset === undefined) continue;
    places[item.key.value] = at(offset);
    for (const inner of item.value?.items ?? []) {
      const start = inner.key?.range?.[0];
      if (typeof inner.key?.value === 'string' && start !== undefined) places[`${item.key.value}.${inner.key.value}`] = at(start);
    }
  }
  return places;
}

/** What a value must be, in an editor's words rather than the schema's type names (`int`, `string`). */
const EXPECTED: Readonly<Record<string, string>> = {
  int: 'a whole number',
  number: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'keys under it',
  record: 'keys under it',
};

/** Keys whose value has a form of its own, named by the key. */
const EXPECTED_AT_KEY: Readonly<Record<string, string>> = { date: 'a date as YYYY-MM-DD', year: 'a year such as 2021' };

function describe(issue: z.core.$ZodIssue, node: unknown): string {
  if (issue.code === 'invalid_type') {
    const key = issue.path.at(-1);
    const form = typeof key === 'string' ? EXPECTED_AT_KEY[key] : undefined;
    const expected = form ?? EXPECTED[issue.expected] ?? issue.expected;
    if (node === undefined) return `Missing required key (expected ${expected})`;
    // A date or a year has a form of its own, which the message names: quoting is no fix there.
    return `Expected ${expected}, got ${written(node)}${form ? '' : whatToDo(issue.expected, node)}`;
  }
  if (issue.code === 'unrecognized_keys') return `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
  return issue.message;
}

/** A value as the editor wrote it: `6.5`, `"5"` (quoted), `yes`, a list, keys. */
function written(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'keys under it';
  if (!isScalar(node)) return String(node);
  if (node.value === null) return 'nothing';
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return quoted ? JSON.stringify(node.value) : String(node.value);
}

/** The fix for the two slips a type error most often is: a number quoted, or text written as a number. */
function whatToDo(expected: string, node: unknown): string {
  if (!isScalar(node)) return '';
  if ((expected === 'number' || expected === 'int') && typeof node.value === 'string' && node.type !== 'PLAIN' && /^\d+$/.test(node.value.trim())) {
    return `; write ${node.value.trim()} without the quotes`;
  }
  if (expected === 'string' && typeof node.value === 'number') return `; put it in quotes to use it as text ("${node.source}")`;
  return '';
}

/** Where the value at `path` is written (or the deepest part of the path that is), as a file position. */
export function placeAt(parsed: ParsedYaml, path: (string | number)[], lineOffset = 1): { line: number; column: number } {
  const { line, col } = parsed.lines.linePos(locate(parsed, path));
  return { line: line + lineOffset - 1, column: col };
}

/** Offset of the deepest node on `path` that exists (a missing key points at its parent). */
function locate({ document }: ParsedYaml, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
    if (depth > 0) {
      const pair = findPair(document, path.slice(0, depth));
      if (pair !== undefined) return pair;
    }
  }
  return 0;
}

/** Value nodes of scalars hold their own range; a key with a null value is found through its key. */
function findPair(document: Document, path: (string | number)[]): number | undefined {
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items;
  const key = path[path.length - 1];
  return items?.find((item) => item.key?.value === key)?.key?.range?.[0];
}

/** Lines whose key ends in the full-width colon (`date：2025-04-10`), with the key and where it starts. */
function fullWidthKeys(text: string): { key: string; line: number; column: number }[] {
  return text.split(/\r?\n/).flatMap((written, index) => {
    const match = /^(\s*(?:-\s+)?)([\w\p{Script=Han}-]+)\s*：/u.exec(written);
    return match ? [{ key: match[2]!, line: index + 1, column: match[1]!.length + 1 }] : [];
  });
}

/** What to do about a syntax error yaml names only by its rule: a value holding `: ` is quoted. */
function hint(code: string, written: string): string {
  const pair = /^(\s*[^\s:#][^:#]*):\s+(.+:\s.*)$/.exec(written);
  if (!pair || !['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN'].includes(code)) return '';
  return `; a value holding “: ” is put in quotes: ${pair[1]!.trim()}: "${pair[2]!.trim().replaceAll('"', '\\"')}"`;
}

function fail(file: VFile, reason: string, line: number, column: number, ruleId: RuleId): void {
  reportProblem(file, reason, { place: { line, column }, ruleId });
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
