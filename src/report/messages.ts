import { relative } from 'node:path';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { Options as MessageOptions, VFileMessage } from 'vfile-message';
import { RULES, type RuleId } from './rules.ts';
import { UNPRINTABLE } from '../format/control-characters.ts';

export interface ProblemOptions {
  /** A point, or a range (a warning with a fix replaces the range's source). */
  readonly place?: { readonly line: number; readonly column: number } | Position | undefined;
  /** The check, e.g. `numbering-gap`; its severity comes from the registry. */
  readonly ruleId: RuleId;
}

/** Put a problem on `file`: errors (by the rule's severity) are fatal messages, warnings are not. */
export function reportProblem(file: VFile, reason: string, options: ProblemOptions): VFileMessage {
  const message = addMessage(file, reason, { place: options.place, ruleId: options.ruleId, source: 'jianbao' });
  message.fatal = RULES[options.ruleId].severity === 'error';
  return message;
}

/**
 * `file.message(reason, options)` without capturing a stack trace. A VFileMessage is an Error, so
 * V8 records the JavaScript stack when one is made, and vfile-message then sets `stack` to '' (a
 * message's place is in the file, not in our code). Measured at a render's depth: 10–12 µs a
 * message with the trace, 1.6–2.5 µs without; a synthetic issue has 33 warnings, made on a worker
 * and again on the main thread.
 */
export function addMessage(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return file.message(reason, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The problems found in the content, errors and warnings apart. */
export interface Problems {
  readonly errors: readonly VFileMessage[];
  readonly warnings: readonly VFileMessage[];
}

/** A build stopped by problems in the content; each message says where and what. */
export class ContentError extends Error {
  /** The errors that stopped the build. */
  readonly messages: readonly VFileMessage[];
  /** Warnings found on the way, printed after the errors. */
  readonly warnings: readonly VFileMessage[];
  constructor(messages: readonly VFileMessage[], warnings: readonly VFileMessage[] = []) {
    super(`${count(messages.length, 'problem')} in the content`);
    this.name = 'ContentError';
    this.messages = messages;
    this.warnings = warnings;
  }
}

/**
 * The messages without repeats: the same reason at the same place once, the first kept. Each PDF
 * reports the series file's font problems, which are one problem however many issues print.
 */
export function distinctMessages(messages: readonly VFileMessage[]): VFileMessage[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = [message.file, message.line, message.column, message.ruleId, message.reason].join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Fatal messages across files, in file order. */
export function fatalMessages(files: readonly VFile[]): VFileMessage[] {
  return files.flatMap((file) => file.messages.filter((message) => message.fatal));
}

/**
 * Errors (fatal messages) and warnings (`fatal: false`) across files, in file order and, within
 * a file, in document order (a CSV's messages together, by line); info is left out.
 */
export function problemsIn(files: readonly VFile[]): Problems {
  const messages = files.flatMap((file) => [...file.messages].sort(byPlace));
  return {
    errors: messages.filter((message) => message.fatal === true),
    warnings: messages.filter((message) => message.fatal === false),
  };
}

declare module 'vfile-message' {
  interface VFileMessage {
    /**
     * The place in the file's own terms when its line and column do not name it the way people
     * do: a workbook's `3月进展!E12`.
     */
    where?: string | undefined;
  }
}

/**
 * `content/2021/11/index.md:3:7: message [rule-id]`, the form editors' tools jump to. A warning
 * reads `path:line:column: warning: message [rule-id]`, as compilers print them. A message
 * about a workbook cell names it as Excel does: `content/2024/3/燃气进展.xlsx 3月进展!E12: …`.
 */
export function formatMessage(message: VFileMessage, cwd = process.cwd(), files = new Map<string, string>()): string {
  const file = message.file ? printedPath(message.file, cwd, files) : '<unknown>';
  const place = message.where ? ` ${printable(message.where)}` : message.line ? `:${message.line}:${message.column ?? 1}` : '';
  const severity = message.fatal === false ? 'warning: ' : '';
  const rule = message.ruleId ? ` [${printable(message.ruleId)}]` : '';
  return `${file}${place}: ${severity}${printable(message.reason)}${rule}`;
}

/** The file's path as printed, from `files` when it was printed before: an archive's warnings run to thousands a file. */
function printedPath(path: string, cwd: string, files: Map<string, string>): string {
  let printed = files.get(path);
  if (printed === undefined) {
    printed = printable(relative(cwd, path) || path);
    files.set(path, printed);
  }
  return printed;
}

/**
 * Text on one line: control characters (a newline in a file name or a CSV cell) written as
 * escapes, `\n`, `\t`, `\u001b`, so that one problem stays one line and no terminal codes run;
 * bidirectional controls too (`\u202e`), so that a name shows in the order it is stored.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => ESCAPES[char] ?? `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Warnings as the CLI prints them (see `formatProblems`), a thousand lines a part, each line
 * ending in a newline: an archive's warnings run to hundreds of thousands of lines, each write
 * has its cost, and all of them formatted at once would be held beside the messages.
 */
export function* printedWarnings(warnings: readonly VFileMessage[], cwd = process.cwd()): Generator<string> {
  for (let start = 0; start < warnings.length; start += 1000) {
    yield `${formatProblems({ errors: [], warnings: warnings.slice(start, start + 1000) }, cwd).join('\n')}\n`;
  }
}

/** All of `printedWarnings` in one text. */
export function printedText(warnings: readonly VFileMessage[], cwd = process.cwd()): string {
  return [...printedWarnings(warnings, cwd)].join('');
}

/** Errors first, then warnings, one formatted line each. */
export function formatProblems(problems: Problems, cwd = process.cwd()): string[] {
  const files = new Map<string, string>();
  return [...problems.errors, ...problems.warnings].map((message) => formatMessage(message, cwd, files));
}

/** `2 errors and 1 warning`. */
export function summarize(problems: Problems): string {
  return summarizeCounts(problems.errors.length, problems.warnings.length);
}

/** `summarize` from the numbers of errors and warnings. */
export function summarizeCounts(errors: number, warnings: number): string {
  return warnings === 0 ? count(errors, 'error') : `${count(errors, 'error')} and ${count(warnings, 'warning')}`;
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  if (a.file !== b.file) return (a.file ?? '') < (b.file ?? '') ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
