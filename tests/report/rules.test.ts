import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { END, rulesTable, START, withRulesTable } from '../../scripts/rules-table.ts';
import { distinctMessages, formatMessage, reportProblem } from '../../src/report/messages.ts';
import { RULES } from '../../src/report/rules.ts';

const ids = Object.keys(RULES);
const registry = join('src', 'report', 'rules.ts');
const sources = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join('src', name))
  .filter((path) => path !== registry)
  .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const expectedLines = readdirSync('tests/fixtures/check', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readFileSync(join('tests/fixtures/check', entry.name, 'expected.txt'), 'utf8').split('\n'))
  .filter((line) => line !== '' && !line.startsWith('jianbao:'));

describe('the rule registry', () => {
  it('is what the README’s table of checks shows (run `npm run docs:rules` to update it)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    expect(withRulesTable(readme)).toBe(readme);
    // A header, a delimiter and one row per rule.
    expect(rulesTable().split('\n')).toHaveLength(ids.length + 2);
  });

  it('has every rule used in src/', () => {
    expect(sources.length).toBeGreaterThan(50);
    const unused = ids.filter((id) => !sources.some(({ text }) => text.includes(`'${id}'`)));
    expect(unused).toEqual([]);
  });

  it('registers every id written as `ruleId: …` in src/ (the RuleId type checks the rest)', () => {
    const written = sources.flatMap(({ text }) => [...text.matchAll(/ruleId: '([^']+)'/g)].map((match) => match[1]!));
    expect(written.length).toBeGreaterThan(20);
    expect(written.filter((id) => !(id in RULES))).toEqual([]);
  });

  it('ends every printed problem in the check fixtures with a registered id of the right severity', () => {
    expect(expectedLines.length).toBeGreaterThan(30);
    for (const line of expectedLines) {
      const id = /\[([a-z-]+)\]$/.exec(line)?.[1];
      expect(id, line).toBeDefined();
      expect(Object.keys(RULES), line).toContain(id);
      expect(line.includes(': warning: '), line).toBe(RULES[id as keyof typeof RULES].severity === 'warning');
    }
  });

  it('gives reportProblem the severity and the printed line its id', () => {
    const file = new VFile({ path: join(process.cwd(), 'content/2021/11/progress.csv') });
    const error = reportProblem(file, '合计 value 31 does not match', { place: { line: 4, column: 3 }, ruleId: 'table-total' });
    const warning = reportProblem(file, 'Image photo.jpg has no description', { place: { line: 9, column: 1 }, ruleId: 'image-alt' });
    expect(error.fatal).toBe(true);
    expect(warning.fatal).toBe(false);
    expect(formatMessage(error)).toBe('content/2021/11/progress.csv:4:3: 合计 value 31 does not match [table-total]');
    expect(formatMessage(warning)).toBe('content/2021/11/progress.csv:9:1: warning: Image photo.jpg has no description [image-alt]');
  });
});

describe('distinctMessages', () => {
  it('tells a problem once however many PDFs report it, and keeps problems that differ in place or reason', () => {
    const series = () => {
      const file = new VFile({ path: 'content/bulletin.yaml' });
      reportProblem(file, '`fonts.kai`: The font file fonts/kai.ttf does not load as a font', { place: { line: 9, column: 9 }, ruleId: 'font-unavailable' });
      return file.messages[0]!;
    };
    const other = new VFile({ path: 'content/2021/11/index.md' });
    reportProblem(other, '`fonts.kai`: The font file fonts/kai.ttf does not load as a font', { place: { line: 9, column: 9 }, ruleId: 'font-unavailable' });
    const [first, second] = [series(), series()];
    expect(distinctMessages([first, second, other.messages[0]!])).toEqual([first, other.messages[0]]);
  });
});
