import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { loadIssue } from '../../src/load/load-issue.ts';
import { loadSeries } from '../../src/load/load-series.ts';
import { formatMessage } from '../../src/report/messages.ts';

const fixtures = 'tests/fixtures/frontmatter';

async function messagesFor(name: string): Promise<string[]> {
  const { series } = await loadSeries(join(fixtures, 'bulletin.yaml'));
  const path = join(fixtures, name, 'index.md');
  const file = new VFile({ path, value: await readFile(path, 'utf8') });
  const issue = loadIssue(file, series!);
  expect(issue).toBeUndefined();
  expect(file.messages.every((message) => message.fatal)).toBe(true);
  return file.messages.map((message) => formatMessage(message));
}

describe('loadIssue', () => {
  it('reports YAML syntax errors at their line', async () => {
    expect(await messagesFor('bad-yaml')).toEqual([
      'tests/fixtures/frontmatter/bad-yaml/index.md:4:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ] [yaml-syntax]',
    ]);
  });

  it('reports a missing key', async () => {
    expect(await messagesFor('missing-key')).toEqual([
      'tests/fixtures/frontmatter/missing-key/index.md:2:1: `total`: Missing required key (expected a whole number) [frontmatter-schema]',
    ]);
  });

  it('rejects a date that does not exist', async () => {
    expect(await messagesFor('impossible-date')).toEqual([
      'tests/fixtures/frontmatter/impossible-date/index.md:5:7: `date`: Expected a date that exists on the calendar [frontmatter-schema]',
    ]);
  });

  it('rejects a date outside the issue’s year', async () => {
    expect(await messagesFor('wrong-year')).toEqual([
      'tests/fixtures/frontmatter/wrong-year/index.md:5:7: `date`: Expected the date to fall in the issue’s year [frontmatter-schema]',
    ]);
  });

  it('takes a date in January or February of the next year, as a year’s last issue sent out late has, where the series allows it', async () => {
    const { series } = await loadSeries(join(fixtures, 'bulletin.yaml'));
    const load = (date: string, yearEndInNextYear: boolean) => {
      const file = new VFile({ path: '2023/12/index.md', value: `---\nyear: 2023\nnumber: 12\ntotal: 60\ndate: ${date}\n---\n\n## 标题\n` });
      return { date: loadIssue(file, { ...series!, yearEndInNextYear })?.date, messages: file.messages.map((message) => formatMessage(message)) };
    };
    expect(load('2024-01-05', true)).toEqual({ date: '2024-01-05', messages: [] });
    expect(load('2024-02-29', true)).toEqual({ date: '2024-02-29', messages: [] });
    for (const date of ['2024-03-01', '2022-12-30', '2025-01-05']) {
      expect(load(date, true)).toEqual({
        date: undefined,
        messages: [
          '2023/12/index.md:5:7: `date`: Expected the date to fall in the issue’s year, or by the end of February of the next (`year-end-in-next-year`) [frontmatter-schema]',
        ],
      });
    }
    // Without the setting, a date in the next year is the typo it usually is.
    expect(load('2024-01-05', false)).toEqual({
      date: undefined,
      messages: ['2023/12/index.md:5:7: `date`: Expected the date to fall in the issue’s year [frontmatter-schema]'],
    });
  });

  it('reports mistyped and unknown keys together', async () => {
    expect(await messagesFor('unknown-key')).toEqual([
      'tests/fixtures/frontmatter/unknown-key/index.md:4:8: `total`: Expected a whole number, got "18"; write 18 without the quotes [frontmatter-schema]',
      'tests/fixtures/frontmatter/unknown-key/index.md:6:1: Unknown key `author` [frontmatter-schema]',
    ]);
  });

  it('applies the cascade: series defaults < frontmatter', async () => {
    const { series } = await loadSeries('content/bulletin.yaml');
    const path = 'content/2022/1/index.md';
    const issue = loadIssue(new VFile({ path, value: await readFile(path, 'utf8') }), series!);
    expect(issue).toMatchObject({ year: 2022, number: 1, total: 20, date: '2022-01-28', title: series!.title, issuer: series!.issuer, path: '2022/1/' });
    expect(issue!.distribution.map((entry) => entry.role)).toEqual(['报送', '发送', '抄送']);
    expect(issue!.distribution[2]!.recipients).not.toEqual(series!.distribution[2]!.recipients);
    expect(issue!.distribution[0]!.recipients).toEqual(series!.distribution[0]!.recipients);
  });

  it('leaves out a role the issue leaves empty, and says what to write for one mistyped', async () => {
    const { series } = await loadSeries('content/bulletin.yaml');
    const frontmatter = (distribution: string) =>
      `---\nyear: 2022\nnumber: 1\ntotal: 20\ndate: 2022-01-28\ndistribution:\n${distribution}---\n\n## 标题\n\n正文。\n`;
    for (const left of ['  抄送:\n', '  抄送: ~\n', '  抄送: []\n']) {
      const issue = loadIssue(new VFile({ path: 'content/2022/1/index.md', value: frontmatter(left) }), series!);
      expect(issue!.distribution.map((entry) => entry.role)).toEqual(['报送', '发送']);
    }
    const file = new VFile({ path: 'content/2022/1/index.md', value: frontmatter('  抄送: 123\n') });
    expect(loadIssue(file, series!)).toBeUndefined();
    expect(file.messages.map((message) => formatMessage(message))).toEqual([
      'content/2022/1/index.md:7:7: `distribution.抄送`: Expected recipients: a name, a list of names, or nothing after the role (`抄送:`) for an issue without it [frontmatter-schema]',
    ]);
  });

  it('puts a role the series lacks where the 版记 has it: an issue’s 发送 before the series’ 抄送', async () => {
    // Not under `fixtures`, whose folder is a content folder of its own to the CLI's tests.
    const folder = 'tests/fixtures/distribution/added-role';
    const { series } = await loadSeries(join(folder, 'bulletin.yaml'));
    const path = join(folder, 'index.md');
    const issue = loadIssue(new VFile({ path, value: await readFile(path, 'utf8') }), series!);
    // A role of another name (分管) keeps its place after the others.
    expect(issue!.distribution.map((entry) => entry.role)).toEqual(['报送', '发送', '抄送', '分管']);
  });

  it('keeps roles named as an object’s own properties (constructor, toString) as any other', async () => {
    const folder = 'tests/fixtures/distribution/object-roles';
    const { series } = await loadSeries(join(folder, 'bulletin.yaml'));
    const path = join(folder, 'index.md');
    const issue = loadIssue(new VFile({ path, value: await readFile(path, 'utf8') }), series!);
    expect(issue!.distribution).toEqual([
      { role: '报送', recipients: '县委、县政府' },
      { role: 'constructor', recipients: '甲单位' },
      { role: 'toString', recipients: '丙单位' },
    ]);
  });

  it('reports a role named __proto__ at its key, in bulletin.yaml and in an issue, rather than drop it', async () => {
    const { series, file } = await loadSeries('tests/fixtures/distribution/proto-role/bulletin.yaml');
    expect(series).toBeUndefined();
    const reason =
      '`distribution.__proto__`: Unexpected role “__proto__”, a name the program keeps for itself, which would drop the role from the 版记; name it as the 版记 prints it (报送, 发送, 抄送) [frontmatter-schema]';
    expect(file.messages.map((message) => formatMessage(message))).toEqual([`tests/fixtures/distribution/proto-role/bulletin.yaml:6:3: ${reason}`]);
    const sample = await loadSeries('content/bulletin.yaml');
    const value = '---\nyear: 2022\nnumber: 1\ntotal: 20\ndate: 2022-01-28\ndistribution:\n  __proto__: 县直各单位\n---\n\n## 标题\n\n正文。\n';
    const issueFile = new VFile({ path: 'content/2022/1/index.md', value });
    expect(loadIssue(issueFile, sample.series!)).toBeUndefined();
    expect(issueFile.messages.map((message) => formatMessage(message))).toEqual([`content/2022/1/index.md:7:3: ${reason}`]);
  });
});

describe('loadSeries', () => {
  it('reads the sample series', async () => {
    const { series, file } = await loadSeries('content/bulletin.yaml');
    expect(file.messages).toEqual([]);
    expect(series).toMatchObject({ title: '梅州市城镇老旧小区改造工作简报', issuer: '梅州市住房和城乡建设局', url: 'https://example.org/jianbao/' });
  });

  it('says how to fix a missing series file', async () => {
    const { series, file } = await loadSeries('tests/fixtures/nowhere/bulletin.yaml');
    expect(series).toBeUndefined();
    expect(formatMessage(file.messages[0]!)).toBe(
      'tests/fixtures/nowhere/bulletin.yaml: Cannot read the series file (ENOENT); every content folder needs a bulletin.yaml with title, issuer and url [series-missing]',
    );
  });
});
