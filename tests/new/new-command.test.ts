import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextIssue } from '../../src/new/next-issue.ts';
import { runCli } from '../support/run-cli.ts';

const temp: string[] = [];
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of `from` to write into. */
async function copy(from: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-new-'));
  temp.push(dir);
  await cp(from, join(dir, 'content'), { recursive: true });
  return join(dir, 'content');
}

const frontmatter = (markdown: string) =>
  markdown
    .split('---')[1]!
    .split('\n')
    .filter((line) => /^\w+:/.test(line));

describe('jianbao new', () => {
  it('starts 2022年第1期 after 2021年第12期 总第19期, across the year boundary', async () => {
    const content = await copy('tests/fixtures/new/year-end');
    const result = await runCli('new', '--content', content, '--date', '2022-01-05');
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: `${content}/2022/1/index.md\n` });
    const markdown = await readFile(join(content, '2022/1/index.md'), 'utf8');
    expect(frontmatter(markdown)).toEqual(['year: 2022', 'number: 1', 'total: 20', 'date: 2022-01-05']);
    expect(markdown).toContain('\n::table{src="progress.csv" header-rows="1"}\n');
    expect(markdown.match(/^## .*/gm)).toEqual(['## 文章标题第一行 / 文章标题第二行', '## 2022年1月工作进展情况']);
  });

  it('continues the year and the total of the sample content, and what it writes passes check', async () => {
    const content = await copy('content');
    const result = await runCli('new', '--content', content, '--date', '2022-02-20');
    expect(result.stdout).toBe(`${content}/2022/2/index.md\n`);
    expect(frontmatter(await readFile(join(content, '2022/2/index.md'), 'utf8'))).toEqual(['year: 2022', 'number: 2', 'total: 21', 'date: 2022-02-20']);
    // The sample issues' typography warnings aside (kept as printed), the new issue's only problems
    // are its placeholders and the table it carried from 2022年第1期, until its numbers are updated.
    const check = await runCli('check', '--content', content);
    expect(check.code).toBe(0);
    const issue = `${relative(process.cwd(), content)}/2022/2/index.md`;
    const placeholder = (place: string, text: string) =>
      `${issue}:${place}: warning: Unexpected placeholder “${text}” of the new issue's starter article; write the article in its place, or delete it [placeholder]`;
    expect(check.lines.filter((line) => !line.includes(': warning: Unexpected half-width'))).toEqual([
      placeholder('10:4', '文章标题第一行'),
      placeholder('10:14', '文章标题第二行'),
      placeholder('12:4', '请在此填写正文'),
      placeholder('16:1', '请在此填写正文'),
      `${issue}:20:1: warning: Expected this issue's figures in progress.csv, found the same bytes as the previous issue's ${relative(process.cwd(), content)}/2022/1/progress.csv; update its numbers, or remove the table if it has no news [table-unchanged]`,
      `jianbao: checked 4 issue files in ${content}/: 0 errors and 41 warnings`,
    ]);
  });

  it('stays in the year when the date does', async () => {
    const content = await copy('tests/fixtures/new/year-end');
    expect((await runCli('new', '--content', content, '--date', '2021-12-31')).stdout).toBe(`${content}/2021/13/index.md\n`);
  });

  it('dates the issue today by default', async () => {
    const content = await copy('tests/fixtures/new/year-end');
    const result = await runCli('new', '--content', content);
    expect(result.stdout).toBe(`${content}/${new Date().getFullYear()}/1/index.md\n`);
  });

  it('never overwrites a file', async () => {
    const content = await copy('tests/fixtures/new/year-end');
    await cp(join(content, '2021/11'), join(content, '2022/1'), { recursive: true });
    await rm(join(content, '2022/1/index.md'));
    await writeFile(join(content, '2022/1/progress.csv'), 'mine\n');
    const result = await runCli('new', '--content', content, '--date', '2022-01-05');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `jianbao: ${content}/2022/1/progress.csv already exists; jianbao never overwrites a file: move it away or write the issue by hand\n`,
    );
    expect(await readFile(join(content, '2022/1/progress.csv'), 'utf8')).toBe('mine\n');
    await expect(readFile(join(content, '2022/1/index.md'))).rejects.toThrow();
  });

  it('refuses an impossible date, a date before the newest issue, and an unreadable archive', async () => {
    const content = await copy('tests/fixtures/new/year-end');
    expect((await runCli('new', '--content', content, '--date', '2022-02-30')).stderr).toBe(
      'jianbao: --date: Expected a date that exists on the calendar, got 2022-02-30\n',
    );
    // A date in another form is told the form to write it in, if it is a date at all.
    expect((await runCli('new', '--content', content, '--date', '2022-1-5')).stderr).toBe(
      'jianbao: --date: Expected a date as YYYY-MM-DD: write 2022-01-05, got 2022-1-5\n',
    );
    expect((await runCli('new', '--content', content, '--date', '2022/2/30')).stderr).toBe(
      'jianbao: --date: Expected a date as YYYY-MM-DD that exists on the calendar, got 2022/2/30\n',
    );
    expect((await runCli('new', '--content', content, '--date', '2021-12-01')).stderr).toBe(
      `jianbao: Expected a date on or after 2021-12-30, the date of the newest issue 2021年第12期 总第19期 (${content}/2021/12/index.md), got 2021-12-01\n`,
    );
    const broken = await copy('tests/fixtures/check/impossible-date');
    const result = await runCli('new', '--content', broken, '--date', '2022-01-05');
    expect(result.code).toBe(1);
    expect(result.lines.at(-1)).toBe('jianbao: 1 error in the content; nothing was written');
  });

  // As run from a subfolder of the bulletin, where they said only `Cannot find content (ENOENT)`.
  it('says, as check does, that the content folder is missing, and so does import', async () => {
    const missing = 'jianbao: Cannot find the content folder no/such/folder/; pass --content DIR, or run jianbao where content/ is\n';
    expect(await runCli('new', '--content', 'no/such/folder')).toMatchObject({ code: 1, stderr: missing });
    expect(await runCli('import', 'tests/fixtures/import/whole-bulletin.docx', '--content', 'no/such/folder')).toMatchObject({ code: 1, stderr: missing });
  });
});

describe('nextIssue', () => {
  it('starts an empty archive at 第1期 总第1期', () => {
    expect(nextIssue([], '2024-01-30')).toEqual({ year: 2024, number: 1, total: 1, date: '2024-01-30' });
  });
});
