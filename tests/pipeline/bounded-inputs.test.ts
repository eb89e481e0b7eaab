import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ISSUE_BYTES } from '../../src/load/read-issue-file.ts';
import { progressCsv, SERIES } from '../support/generate-content.ts';
import { runCli } from '../support/run-cli.ts';

const GiB = 1024 * 1024;
const FRONTMATTER = '---\nyear: 2021\nnumber: 1\ntotal: 1\ndate: 2021-01-10\n---\n\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-bounded-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A content folder with one issue, `markdown` after its frontmatter, and `files` beside it. */
async function oneIssue(name: string, markdown: string, files: Record<string, string> = {}): Promise<string> {
  const content = join(dir, name);
  await mkdir(join(content, '2021/1'), { recursive: true });
  await writeFile(join(content, 'bulletin.yaml'), SERIES);
  await writeFile(join(content, '2021/1/index.md'), FRONTMATTER + markdown);
  for (const [file, text] of Object.entries(files)) await writeFile(join(content, '2021/1', file), text);
  return content;
}

/**
 * `jianbao build` in a child process, with its peak memory: GNU time's figure (the largest of
 * the process and its children, such as the search indexer) where it is installed, else Node's own.
 */
async function measuredBuild(content: string) {
  const args = ['bin/jianbao.js', 'build', '--no-pdf', '--no-cache', '--content', content, '--out', `${content}-dist`];
  const time = '/usr/bin/time';
  const [command, argv] = existsSync(time)
    ? [time, ['-v', process.execPath, ...args]]
    : [process.execPath, ['--import', './tests/support/report-max-rss.mjs', ...args]];
  const started = performance.now();
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const kib = Number(/Maximum resident set size \(kbytes\): (\d+)|max-rss-kib=(\d+)/.exec(stderr)?.slice(1).find(Boolean));
  const seconds = (performance.now() - started) / 1000;
  console.info(`${content}: exit ${code}, peak RSS ${(kib / 1024).toFixed(0)} MiB, ${seconds.toFixed(1)} s`);
  return { code, kib, seconds, stderr };
}

describe('bounded inputs build within 1 GiB', () => {
  it('a 5 MB Markdown issue', async () => {
    const paragraph = '今年以来，各地认真贯彻落实城镇老旧小区改造决策部署，高位推动、压实责任、加快进度。'.repeat(3);
    const parts: string[] = [];
    for (let n = 0, bytes = 0; bytes < 5 * 1024 * 1024; n++) {
      parts.push(`${n % 20 === 0 ? `## 第${n}篇\n\n` : ''}${paragraph}\n\n`);
      bytes += Buffer.byteLength(parts.at(-1)!);
    }
    const content = await oneIssue('markdown-5mb', parts.join(''));
    expect((await stat(join(content, '2021/1/index.md'))).size).toBeGreaterThan(5_000_000);
    const result = await measuredBuild(content);
    expect(result.code, result.stderr).toBe(0);
    expect(result.kib).toBeLessThan(GiB);
    expect(await readFile(`${content}-dist/2021/1/index.html`, 'utf8')).toContain('第0篇');
  }, 180_000);

  it('a 100,000-row CSV table', async () => {
    const content = await oneIssue('csv-100k', '## 进展情况\n\n::table{src="progress.csv"}\n', { 'progress.csv': progressCsv(100_000) });
    const result = await measuredBuild(content);
    expect(result.code, result.stderr).toBe(0);
    expect(result.kib).toBeLessThan(GiB);
    expect(await readFile(`${content}-dist/2021/1/index.html`, 'utf8')).toContain('<td class="num">300000</td>');
  }, 180_000);
});

describe('inputs past the limits', () => {
  it('an issue over 10 MB is a clear error, without being read', async () => {
    const content = await oneIssue('markdown-11mb', `## 文\n\n${'正文。'.repeat(Math.ceil(MAX_ISSUE_BYTES / 9) + 1)}\n`);
    const result = await runCli('check', '--content', content);
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatch(/^.*\/markdown-11mb\/2021\/1\/index\.md:1:1: Expected an issue of at most 10 MB, found 10\.0 MB; split it into several issues or move long material into attachments \[issue-too-large\]$/);
  });
});
