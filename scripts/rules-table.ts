/**
 * The README's table of checks, generated from the rule registry: `npm run docs:rules` writes it
 * between the markers, and tests/report/rules.test.ts fails when the README's copy differs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { RULES, type Rule } from '../src/report/rules.ts';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

/** One Markdown table row per rule, in the registry's order. */
export function rulesTable(rules: Readonly<Record<string, Rule>> = RULES): string {
  const rows = Object.entries(rules).map(([id, rule]) => [
    code(id),
    cell(rule.where),
    rule.severity,
    cell(rule.summary),
    [rule.example].flat().map(code).join(', '),
  ]);
  return [['id', 'where', 'severity', 'what it catches', 'example message'], ['---', '---', '---', '---', '---'], ...rows]
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n');
}

/** `readme` with the text between the markers replaced by the generated table. */
export function withRulesTable(readme: string, table = rulesTable()): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`Expected the markers ${START} and ${END} in the README, in that order`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

/** Markdown text in a table cell: a `|` would end the cell. */
function cell(markdown: string): string {
  return markdown.replaceAll('|', '\\|');
}

/** Text as a code span in a table cell, fenced by more backticks than it holds. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return cell(`${fence}${pad}${text}${pad}${fence}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = new URL('../README.md', import.meta.url);
  const readme = await readFile(path, 'utf8');
  const updated = withRulesTable(readme);
  if (updated === readme) {
    console.log('README.md: the table of checks is up to date');
  } else {
    await writeFile(path, updated);
    console.log('README.md: wrote the table of checks');
  }
}
