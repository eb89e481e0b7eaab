import { existsSync } from 'node:fs';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashTree } from '../support/hash-tree.ts';
import { runCli } from '../support/run-cli.ts';

const fixtures = 'tests/fixtures/check';
const temp: string[] = [];
afterAll(() => Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jianbao-check-cmd-'));
  temp.push(dir);
  return dir;
}

describe('jianbao check', () => {
  it('passes the sample content with warnings only for the half-width punctuation of the printed source', async () => {
    const result = await runCli('check');
    expect(result.code).toBe(0);
    expect(result.lines.at(-1)).toBe('jianbao: checked 3 issue files in content/: 0 errors and 36 warnings');
    expect(result.lines[0]).toBe(
      'content/2021/11/index.md:37:5: warning: Unexpected half-width “,” in Chinese text; use the full-width “，” (GB/T 15834) [cjk-punctuation]',
    );
    expect(result.lines.slice(0, -1).every((line) => /: warning: Unexpected half-width/.test(line))).toBe(true);
  });

  it('lists every problem of a folder with many mistakes in one run, errors before warnings', async () => {
    const result = await runCli('check', '--content', `${fixtures}/many-mistakes`);
    expect(result.code).toBe(1);
    expect(result.lines.at(-1)).toBe('jianbao: checked 4 issue files in tests/fixtures/check/many-mistakes/: 10 errors and 1 warning');
    const rules = result.lines
      .slice(0, -1)
      .map((line) => `${/^[^:]+:\d+:\d+: (warning: )?/.exec(line)?.[0].replace(/^.*\//, '')}${/\[[a-z-]+\]$/.exec(line)?.[0]}`);
    expect(rules).toEqual([
      'index.md:14:1: [html]',
      'index.md:14:6: [html]',
      'progress.csv:4:3: [table-total]',
      // The numbering is checked though 2021/4's date is wrong: its number and total still count.
      'index.md:3:9: [numbering-gap]',
      'index.md:4:8: [numbering-total-duplicate]',
      'index.md:12:1: [directive-unknown]',
      'index.md:14:1: [image-missing]',
      'index.md:5:7: [frontmatter-schema]',
      'index.md:3:9: [numbering-gap]',
      'index.md:4:8: [numbering-total-gap]',
      'index.md:14:1: warning: [image-alt]',
    ]);
  });

  it('says so when the content folder is missing', async () => {
    expect(await runCli('check', '--content', 'no/such/folder')).toMatchObject({
      code: 1,
      stderr: 'jianbao: Cannot find the content folder no/such/folder/; pass --content DIR, or run jianbao where content/ is\n',
    });
  });

  it('writes nothing', async () => {
    const content = join(await tempDir(), 'content');
    await cp(`${fixtures}/many-mistakes`, content, { recursive: true });
    const before = await hashTree(join(content, '..'));
    await runCli('check', '--content', content);
    expect(await hashTree(join(content, '..'))).toBe(before);
  });

  it('takes the issues unchanged since a build from its cache, and writes nothing into it', async () => {
    const dir = await tempDir();
    const content = join(dir, 'content');
    const cache = join(dir, 'cache');
    await cp('content', content, { recursive: true });
    expect((await runCli('build', '--no-pdf', '--no-search', '--content', content, '--cache', cache, '--out', join(dir, 'dist'))).code).toBe(0);
    const before = await hashTree(cache);
    const fresh = await runCli('check', '--content', content, '--no-cache');
    expect(await runCli('check', '--content', content, '--cache', cache)).toEqual(fresh);
    expect(fresh.lines.at(-1)).toMatch(/: 0 errors and 36 warnings$/);
    expect(await hashTree(cache)).toBe(before);
    expect(await runCli('check', '--cache', cache, '--no-cache')).toMatchObject({
      code: 1,
      stderr: 'jianbao: Expected either --cache DIR or --no-cache, got both\n',
    });
  });

  it('warns of a slip in a 版记 role of an issue taken from the cache, as of one checked anew', async () => {
    const dir = await tempDir();
    const content = join(dir, 'content');
    const cache = join(dir, 'cache');
    await cp(`${fixtures}/distribution-role`, content, { recursive: true });
    expect((await runCli('build', '--no-pdf', '--no-search', '--content', content, '--cache', cache, '--out', join(dir, 'dist'))).code).toBe(0);
    const cached = await runCli('check', '--content', content, '--cache', cache);
    expect(cached).toEqual(await runCli('check', '--content', content, '--no-cache'));
    expect(cached.lines.filter((line) => line.endsWith('[distribution-role]'))).toHaveLength(2);
  });

  it('fails on warnings only with --strict', async () => {
    expect((await runCli('check', '--content', `${fixtures}/no-articles`)).code).toBe(0);
    expect((await runCli('check', '--content', `${fixtures}/no-articles`, '--strict')).code).toBe(1);
  });

  it('lets the build go ahead on warnings, and prints them', async () => {
    const out = join(await tempDir(), 'dist');
    const result = await runCli('build', '--no-pdf', '--no-cache', '--content', `${fixtures}/no-articles`, '--out', out);
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([
      'tests/fixtures/check/no-articles/2021/1/index.md:8:1: warning: No ## heading: the issue has no articles and its contents list is empty; start each article with `## title` [issue-no-articles]',
      'tests/fixtures/check/no-articles/2021/1/index.md:10:1: warning: Image photo.jpg has no description; write one in the brackets, ![description](photo.jpg), for readers who cannot see it [image-alt]',
    ]);
  });

  it('autoescapes frontmatter values in pages', async () => {
    const dir = await tempDir();
    const content = join(dir, 'content');
    await mkdir(join(content, '2021/1'), { recursive: true });
    await writeFile(join(content, 'bulletin.yaml'), 'title: 简报\nissuer: 局\nurl: https://example.org/\n');
    await writeFile(
      join(content, '2021/1/index.md'),
      '---\nyear: 2021\nnumber: 1\ntotal: 1\ndate: 2021-01-10\ntitle: "<script>alert(1)</script>"\nissuer: "<img src=x onerror=alert(1)>"\n---\n\n## 文\n',
    );
    const result = await runCli('build', '--no-cache', '--content', content, '--out', join(dir, 'dist'), '--no-pdf');
    expect(result.code).toBe(0);
    const html = await readFile(join(dir, 'dist/2021/1/index.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script>alert|<img src=x/);
  });

  it('compiles every template, partials included, and lists each syntax mistake at its place', async () => {
    const result = await runCli('check', '--templates', 'tests/fixtures/templates/broken');
    expect(result.code).toBe(1);
    // The sample content's typography warnings aside.
    expect(result.lines.filter((line) => !line.includes(': warning: ') && !line.endsWith('[template-missing]'))).toEqual([
      'tests/fixtures/templates/broken/issue.njk:3:19: Template syntax: expected variable end [template-syntax]',
      'tests/fixtures/templates/broken/partials/issue-list.njk:3:1: Template syntax: unexpected end of file [template-syntax]',
      'jianbao: checked 3 issue files in content/: 3 errors and 36 warnings',
    ]);
  });

  it('stops a build on a template that does not compile, before anything is rendered or written', async () => {
    const out = join(await tempDir(), 'dist');
    const result = await runCli('build', '--no-pdf', '--no-cache', '--templates', 'tests/fixtures/templates/broken', '--out', out);
    expect(result.code).toBe(1);
    expect(result.lines).toContain('tests/fixtures/templates/broken/issue.njk:3:19: Template syntax: expected variable end [template-syntax]');
    expect(existsSync(out)).toBe(false);
  });

  // An office that put into templates/ only the template it edits: the build would stop on
  // `template not found: issue.njk` after check had passed.
  const partial = 'tests/fixtures/templates/partial';
  const missing =
    "tests/fixtures/templates/partial: Expected every template a build renders with, found no 404.njk, index.njk, issue.njk, print.njk, print/print.css, search.njk, series.njk, year.njk; a templates folder stands in for jianbao's as a whole: copy jianbao's templates (templates/) into it and edit the copies [template-missing]";

  it('names the templates a templates folder lacks, and where to copy them from', async () => {
    const result = await runCli('check', '--templates', partial);
    expect(result.code).toBe(1);
    expect(result.lines.filter((line) => !line.includes(': warning: '))).toEqual([
      missing,
      'jianbao: checked 3 issue files in content/: 1 error and 36 warnings',
    ]);
  });

  it('stops a build on a templates folder that lacks a template, before anything is written', async () => {
    const out = join(await tempDir(), 'dist');
    const result = await runCli('build', '--no-pdf', '--no-cache', '--templates', partial, '--out', out);
    expect(result.code).toBe(1);
    expect(result.lines).toContain(missing);
    expect(existsSync(out)).toBe(false);
  });
});
