import { readFileSync, statSync } from 'node:fs';
import { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import type { RuleId } from '../report/rules.ts';
import { decodeUtf8, lineAt } from '../util/text-bytes.ts';

/**
 * The largest issue read, in bytes: a 5 MB issue builds in well under 1 GiB of memory; twice
 * that is still safe, and no bulletin comes near it.
 */
export const MAX_ISSUE_BYTES = 10 * 1024 * 1024;

/**
 * Read an issue's Markdown file as UTF-8 text. An empty file, binary data, bytes that are not
 * UTF-8 or a file over MAX_ISSUE_BYTES are errors on the returned file (its value is then
 * empty), so nothing tries to parse them. Synchronous: an archive is thousands of small files,
 * and a read through the thread pool costs several times the read itself.
 */
export function readIssueFile(path: string): VFile {
  const file = new VFile({ path, value: '' });
  let text: ReturnType<typeof readText>;
  try {
    text = readText(path);
  } catch (error) {
    // Unreadable (permissions, removed since the folder was listed): this file's problem, not the run's.
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    text = { reason: `Cannot read this issue file (${code}); check that it exists and that you may read it`, ruleId: 'issue-unreadable', line: 1 };
  }
  if (typeof text === 'string') file.value = text;
  else reportProblem(file, text.reason, { place: { line: text.line, column: 1 }, ruleId: text.ruleId });
  return file;
}

/** The file's text, or why it is not an issue's text; the size is checked before anything is read. */
function readText(path: string): string | { reason: string; ruleId: RuleId; line: number } {
  const { size } = statSync(path);
  if (size > MAX_ISSUE_BYTES) {
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    return {
      reason: `Expected an issue of at most ${MAX_ISSUE_BYTES / 1024 / 1024} MB, found ${mb(size)} MB; split it into several issues or move long material into attachments`,
      ruleId: 'issue-too-large',
      line: 1,
    };
  }
  return decodeText(readFileSync(path));
}

/** The bytes as text (without a leading BOM, lines ending in LF), or why they are not an issue's text. */
function decodeText(bytes: Uint8Array): string | { reason: string; ruleId: RuleId; line: number } {
  if (bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    return { reason: 'Expected an issue (frontmatter and Markdown), found an empty file', ruleId: 'issue-empty', line: 1 };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      reason: 'Expected a Markdown text file, found binary data (is it a Word document?); save it as plain text, UTF-8',
      ruleId: 'issue-binary',
      line: lineAt(bytes, nul),
    };
  }
  const text = decodeUtf8(bytes);
  return text === undefined
    ? { reason: 'Expected UTF-8, found bytes that are not UTF-8 (GBK?); save the file as UTF-8', ruleId: 'issue-encoding', line: 1 }
    : withLf(text);
}

/**
 * The text with every line ending a LF. Windows Notepad and Word save CRLF, which YAML reads into
 * a frontmatter's last value (`date: 2021-12-30\r`) and which the Markdown's text keeps, so
 * hard-wrapped Chinese lines would not join. A line's places are the same either way.
 */
export function withLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
