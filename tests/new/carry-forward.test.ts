import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIssue } from '../../src/new/create-issue.ts';
import { monthsBetween } from '../../src/format/months.ts';
import { movePeriod } from '../../src/new/move-period.ts';
import { validateContent } from '../../src/pipeline.ts';
import { formatProblems } from '../../src/report/messages.ts';

const temp: string[] = [];
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

async function copy(from: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-carry-'));
  temp.push(dir);
  await cp(from, join(dir, 'content'), { recursive: true });
  return join(dir, 'content');
}

describe('movePeriod', () => {
  it('moves months, across a year, and quarters in the figures they were written in', () => {
    expect(movePeriod('2024年2月梅州市城镇老旧小区改造进展情况', 1, '2024-02-28')).toBe('2024年3月梅州市城镇老旧小区改造进展情况');
    expect(movePeriod('2024年12月进展情况', 1, '2024-12-30')).toBe('2025年1月进展情况');
    expect(movePeriod('2024年第一季度改造计划', 1, '2024-03-30')).toBe('2024年第二季度改造计划');
    expect(movePeriod('2024年第4季度', 1, '2024-12-20')).toBe('2025年第1季度');
    // Within a quarter the quarter stays; lone years are left as written.
    expect(movePeriod('2024年第一季度', 1, '2024-01-31')).toBe('2024年第一季度');
    expect(movePeriod('2024年工作要点', 1, '2024-02-28')).toBe('2024年工作要点');
    expect(movePeriod('2024年2月', 0, '2024-02-01')).toBe('2024年2月');
    expect(monthsBetween('2023-12-28', '2024-02-01')).toBe(2);
  });

  it('moves the end of the year so far, which starts again in a new year, and a range of months whole', () => {
    expect(movePeriod('重点任务进展情况表（2023年1—5月）', 1, '2023-06-05')).toBe('重点任务进展情况表（2023年1—6月）');
    expect(movePeriod('2023年1-11月累计', 1, '2023-12-05')).toBe('2023年1—12月累计');
    expect(movePeriod('2023年1—12月', 1, '2024-01-05')).toBe('2024年1月');
    expect(movePeriod('2023年1—12月', 2, '2024-01-05')).toBe('2024年1—2月');
    // January alone, in a heading of totals so far, grows again; a January report moves on.
    expect(movePeriod('2024年1月累计情况', 2, '2024-01-31')).toBe('2024年1—3月累计情况');
    expect(movePeriod('今年以来（2024年1月）', 1, '2024-01-31')).toBe('今年以来（2024年1—2月）');
    expect(movePeriod('2024年1月进展情况', 1, '2024-01-31')).toBe('2024年2月进展情况');
    expect(movePeriod('2023年3—5月', 3, '2023-06-05')).toBe('2023年6—8月');
    expect(movePeriod('2023年10—12月', 1, '2024-01-05')).toBe('2023年11月—2024年1月');
  });
});

describe('jianbao new carries the series forward', () => {
  it("copies the newest issue's table files and ::table lines, keeps the table articles' headings with the period moved on", async () => {
    const content = await copy('tests/fixtures/new/carry-forward');
    const created = await createIssue(content, '2024-02-27');
    expect(created.files.map((path) => relative(content, path))).toEqual(['2024/2/index.md', '2024/2/progress.csv', '2024/2/燃气进展.xlsx']);
    expect(await readFile(created.path, 'utf8')).toBe(`---
# 2024年第2期 总第2期
year: 2024
number: 2
total: 2
date: 2024-02-27
# title, issuer and distribution come from bulletin.yaml unless given here
---

## 文章标题第一行 / 文章标题第二行

导语：请在此填写正文。

### 一、小标题

请在此填写正文。

## 2024年2月城镇老旧小区改造进展情况

### 一、2024年第一季度改造计划

::table{src="progress.csv" header-rows="2" chart="户数"}

### 二、燃气管道改造

::table{src="燃气进展.xlsx" sheet="1月进展" range="A3:H12" header-rows="3"}
`);
    for (const name of ['progress.csv', '燃气进展.xlsx']) {
      expect(await readFile(join(content, '2024/2', name))).toEqual(await readFile(join(content, '2024/1', name)));
    }
  });

  it('starts a supplement, and an issue after one without tables, from the starter table', async () => {
    const content = await copy('tests/fixtures/new/year-end');
    const created = await createIssue(content, '2022-01-05');
    expect(await readFile(created.path, 'utf8')).toContain('::table{src="progress.csv" header-rows="1"}');
    const supplement = await createIssue(await copy('tests/fixtures/new/carry-forward'), '2024-02-27', { supplement: true });
    expect(supplement.files.map((path) => path.split('/').slice(-1)[0])).toEqual(['index.md', 'progress.csv']);
  });

  it('check warns while a carried table is byte for byte the previous issue’s, and not once its numbers are updated', async () => {
    const content = await copy('content');
    const created = await createIssue(content, '2022-02-25');
    const carried = (await validateContent(content, { workers: 0 })).warnings.filter((message) => message.ruleId === 'table-unchanged');
    expect(formatProblems({ errors: [], warnings: carried }, content)).toEqual([
      `2022/2/index.md:20:1: warning: Expected this issue's figures in progress.csv, found the same bytes as the previous issue's ${relative(process.cwd(), join(content, '2022/1/progress.csv'))}; update its numbers, or remove the table if it has no news [table-unchanged]`,
    ]);
    const csv = join(content, '2022/2/progress.csv');
    await writeFile(csv, (await readFile(csv, 'utf8')).replace('1,丰顺县,863,10', '1,丰顺县,863,11').replace(/^合计,,14736,135/m, '合计,,14736,136'));
    const after = await validateContent(content, { workers: 0 });
    expect(after.errors).toEqual([]);
    expect(after.warnings.filter((message) => message.ruleId === 'table-unchanged')).toEqual([]);
    expect(created.path).toBe(join(content, '2022/2/index.md'));
  });
});

describe('jianbao new, with symlinks in the content folder', () => {
  it('does not copy a table source that is a symlink to a file outside the content folder', async () => {
    const content = await copy('tests/fixtures/new/carry-forward');
    const outside = join(content, '..', 'secret.csv');
    await writeFile(outside, '用户,密码\nroot,x\n');
    await rm(join(content, '2024/1/progress.csv'));
    await symlink(outside, join(content, '2024/1/progress.csv'));
    const created = await createIssue(content, '2024-02-27');
    // The line is carried; the file is not, and `check` names the symlink at the carried line.
    expect(created.files.map((path) => relative(content, path))).toEqual(['2024/2/index.md', '2024/2/燃气进展.xlsx']);
  });

  it('refuses to write through a year folder that is a symlink leading outside the content folder', async () => {
    const content = await copy('tests/fixtures/new/carry-forward');
    const outside = join(content, '..', 'elsewhere');
    await mkdir(outside);
    await symlink(outside, join(content, '2025'));
    const error = await createIssue(content, '2025-01-27').catch((caught: Error) => caught);
    expect((error as Error).message).toBe(
      `${join(content, '2025/1')} leads outside the content folder ${content}/ through a symlink (to ${outside}); jianbao writes only inside it`,
    );
    expect(await readdir(outside)).toEqual([]);
  });
});
