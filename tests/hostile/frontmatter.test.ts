import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { splitFrontmatter } from '../../src/load/split-frontmatter.ts';
import { createIssue } from '../../src/new/create-issue.ts';
import { ContentError, formatProblems } from '../../src/report/messages.ts';
import { runCli } from '../support/run-cli.ts';

const root = 'tests/fixtures/hostile';

describe('frontmatter in another language than YAML', () => {
  const content = join(root, 'js-frontmatter');
  const at = (issue: number, language: string) => `${content}/2021/${issue}/index.md:1:4: Frontmatter must be YAML; found "${language}" [frontmatter-language]`;
  let temp: string;
  let marker: string;

  beforeAll(async () => {
    temp = await mkdtemp(join(tmpdir(), 'jianbao-hostile-'));
    // The fixtures' JavaScript writes a file into this folder if it is ever evaluated.
    marker = join(temp, 'marker');
    await mkdir(marker);
    process.env['JIANBAO_HOSTILE_MARKER'] = marker;
  });
  afterAll(async () => {
    delete process.env['JIANBAO_HOSTILE_MARKER'];
    await rm(temp, { recursive: true, force: true });
  });

  it('is an error at line 1, column 4 in check, and nothing is evaluated', async () => {
    const result = await runCli('check', '--content', content);
    expect(result.lines).toEqual([
      at(1, 'js'),
      at(10, 'unknown-engine'),
      at(2, 'javascript'),
      at(3, 'JS'),
      at(4, 'js'),
      at(5, 'coffee'),
      at(6, 'json'),
      at(7, 'json'),
      at(8, 'toml'),
      at(9, 'yaml'),
      `jianbao: checked 10 issue files in ${content}/: 10 errors`,
    ]);
    expect(result.code).toBe(1);
    expect(await readdir(marker)).toEqual([]);
  });

  it('stops a build with the same errors, evaluating nothing and writing nothing', async () => {
    const out = join(temp, 'dist');
    const error = await build({ contentDir: content, outDir: out, pdf: false, cacheDir: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect(formatProblems({ errors: (error as ContentError).messages, warnings: [] })[0]).toBe(at(1, 'js'));
    expect(await readdir(marker)).toEqual([]);
    expect((await readdir(temp)).sort()).toEqual(['marker']);
  });

  it('stops `new`, which reads every issue for its numbers, evaluating nothing', async () => {
    const copy = join(temp, 'content');
    await cp(content, copy, { recursive: true });
    const error = await createIssue(copy, '2021-12-01').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).messages).toHaveLength(10);
    expect(await readdir(marker)).toEqual([]);
    expect((await readdir(join(copy, '2021'))).sort()).toEqual(['1', '10', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('never reaches the Markdown: the block is blank in the body that is checked', () => {
    const markdown = '---json\n{ "title": "<b>要闻</b>" }\n---\n\n## 工作动态\n';
    expect(splitFrontmatter(markdown)).toEqual({
      body: '\n\n\n\n## 工作动态\n',
      problem: { reason: 'Frontmatter must be YAML; found "json"', ruleId: 'frontmatter-language', place: { line: 1, column: 4 } },
    });
    expect(splitFrontmatter('---\nyear: 2021\n---\n\n## 工作动态\n')).toEqual({ yaml: '\nyear: 2021', body: '\n\n\n\n## 工作动态\n' });
  });

  it('splits where gray-matter splits the whole text, however the closing line ends', () => {
    // gray-matter is given the block only (see splitFrontmatter): the Markdown after it is what it gives for the whole file.
    const closings = ['---\n', '---\r\n', '---', '---  \n', '----\n', '---\r', '---\rx\n', '--- # end\r\n', '---\n\n'];
    for (const closing of closings) {
      const markdown = `---\nyear: 2021\nnote: "---"\n${closing}\n## 工作动态\n\n---\n正文。\n`;
      const whole = matter(markdown, { language: 'yaml', engines: { yaml: () => ({}) } });
      const split = splitFrontmatter(markdown);
      expect(split).toEqual({ yaml: whole.matter, body: markdown.slice(0, markdown.length - whole.content.length).replace(/[^\n]/g, '') + whole.content });
    }
  });

  it('says a block opened and never closed is not closed, rather than read the Markdown as YAML', () => {
    expect(splitFrontmatter('---\nyear: 2021\nnumber: 1\n\n## 工作动态\n\n正文。\n')).toEqual({
      // Its Markdown, from the first empty line on, is still checked.
      body: '\n\n\n\n## 工作动态\n\n正文。\n',
      problem: {
        reason: 'Expected a `---` line closing the frontmatter opened here, found none; end the YAML block (year, number, total, date) with a line `---`',
        ruleId: 'frontmatter-unclosed',
        place: { line: 1, column: 1 },
      },
    });
  });
});

describe('check reports every problem of every file in one run', () => {
  it('checks the Markdown and tables of issues whose frontmatter is broken (missing key, alias bomb, ---json)', async () => {
    const content = join(root, 'broken-frontmatter');
    const html = (issue: number, column: number, tag: string) =>
      `${content}/2021/${issue}/index.md:7:${column}: Unexpected raw HTML \`${tag}\`; write Markdown instead (HTML is not published: it could run code in a reader’s browser) [html]`;
    const result = await runCli('check', '--content', content);
    expect(result.lines).toEqual([
      `${content}/2021/1/index.md:2:1: \`date\`: Missing required key (expected a date as YYYY-MM-DD) [frontmatter-schema]`,
      `${content}/2021/1/progress.csv:3:1: Expected 3 cells as in the first row (line 1), found 2 [table-row-length]`,
      `${content}/2021/2/index.md:3:8: YAML syntax: Excessive alias count indicates a resource exhaustion attack; write the values out instead of repeating them with aliases (*name) [yaml-syntax]`,
      `${content}/2021/2/index.md:15:1: Unknown directive \`::note\`: nothing would be printed for it; jianbao knows \`::table{src="progress.csv"}\` (write \`\\::note\` to print the text as is) [directive-unknown]`,
      `${content}/2021/3/index.md:1:4: Frontmatter must be YAML; found "json" [frontmatter-language]`,
      // Only the body's HTML: the `<b>` in the JSON block is not read as Markdown.
      html(3, 3, '<i>'),
      html(3, 8, '</i>'),
      `jianbao: checked 3 issue files in ${content}/: 7 errors`,
    ]);
  });

  it('counts an issue whose frontmatter has another error by the numbers it gives (a copied folder without its date)', async () => {
    const content = join(root, 'copied-issue');
    const result = await runCli('check', '--content', content);
    expect(result.lines.filter((line) => !line.includes('[cjk-'))).toEqual([
      `${content}/2025/2/index.md:2:1: \`date\`: Missing required key (expected a date as YYYY-MM-DD) [frontmatter-schema]`,
      `${content}/2025/2/index.md:3:9: \`number\`: 2025年第1期 is also ${content}/2025/1/index.md; each issue of a year has its own number [numbering-duplicate]`,
      `jianbao: checked 2 issue files in ${content}/: 2 errors`,
    ]);
  });

  it('checks the issues when the series file has errors', async () => {
    const content = join(root, 'broken-series');
    const result = await runCli('check', '--content', content);
    expect(result.lines).toEqual([
      `${content}/bulletin.yaml:1:1: \`issuer\`: Missing required key (expected text) [frontmatter-schema]`,
      `${content}/2021/1/index.md:2:1: \`total\`: Missing required key (expected a whole number) [frontmatter-schema]`,
      `${content}/2021/1/index.md:9:3: Unexpected raw HTML \`<b>\`; write Markdown instead (HTML is not published: it could run code in a reader’s browser) [html]`,
      `${content}/2021/1/index.md:9:8: Unexpected raw HTML \`</b>\`; write Markdown instead (HTML is not published: it could run code in a reader’s browser) [html]`,
      `jianbao: checked 1 issue file in ${content}/: 4 errors`,
    ]);
  });
});
