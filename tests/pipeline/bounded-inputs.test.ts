import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, type ExpectStatic, expect, it } from 'vitest';
import { MAX_ISSUE_BYTES } from '../../src/load/read-issue-file.ts';
import { progressCsv, SERIES } from '../../scripts/synthetic-archive.ts';
import { runCli } from '../support/run-cli.ts';

/** 1 GiB in KiB, the unit of the peak RSS measured. */
const GiB_IN_KiB = 1024 * 1024;
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
  await copyFile(SERIES, join(content, 'bulletin.yaml'));
  await writeFile(join(content, '2021/1/index.md'), FRONTMATTER + markdown);
  for (const [file, text] of Object.entries(files)) await writeFile(join(content, '2021/1', file), text);
  return content;
}

/**
 * `jianbao build` in a child process, with its peak memory: GNU time's figure where it is
 * installed, else Node's own. Without the search index: Pagefind is a program of its own, whose
 * time (most of such a build's) and memory `npm run bench` reports.
 */
async function measuredBuild(content: string, env: NodeJS.ProcessEnv = process.env) {
  const args = ['bin/jianbao.js', 'build', '--no-pdf', '--no-search', '--no-cache', '--content', content, '--out', `${content}-dist`];
  const time = '/usr/bin/time';
  const [command, argv] = existsSync(time)
    ? [time, ['-v', process.execPath, ...args]]
    : [process.execPath, ['--import', './tests/support/report-max-rss.mjs', ...args]];
  const started = performance.now();
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const kib = Number(/Maximum resident set size \(kbytes\): (\d+)|max-rss-kib=(\d+)/.exec(stderr)?.slice(1).find(Boolean));
  const seconds = (performance.now() - started) / 1000;
  console.info(`${content}: exit ${code}, peak RSS ${(kib / 1024).toFixed(0)} MiB, ${seconds.toFixed(1)} s`);
  return { code, kib, seconds, stderr };
}

/**
 * Peak memory grows linearly with the input, so two small builds give the slope and the line
 * predicts the large input the README promises, without building it: a 5 MB issue took 45 s of
 * this suite, its two samples take a few seconds. The intercept (the process itself) comes from
 * the line too, so the bound holds the whole build to 1 GiB. `npm run bench` builds full-size
 * archives and reports their peak RSS.
 */
async function predictedKib(expect: ExpectStatic, name: string, sizes: readonly [number, number], make: (size: number) => Promise<string>, target: number) {
  // Both at once: each build is a process of its own, whose peak RSS the other does not change.
  const point = async (size: number) => {
    const result = await measuredBuild(await make(size));
    expect(result.code, result.stderr).toBe(0);
    return { size, kib: result.kib };
  };
  const points = await Promise.all([point(sizes[0]), point(sizes[1])]);
  const [a, b] = points;
  const slope = Math.max(0, (b.kib - a.kib) / (b.size - a.size));
  const predicted = b.kib + slope * (target - b.size);
  console.info(
    `${name}: ${points.map((point) => `${point.size} → ${(point.kib / 1024).toFixed(0)} MiB`).join(', ')}; predicted at ${target}: ${(predicted / 1024).toFixed(0)} MiB`,
  );
  return { predicted, points };
}

// Concurrent: the CSV build takes most of this file's time, the Markdown builds run beside it.
describe.concurrent('bounded inputs build within 1 GiB', () => {
  it('a 5 MB Markdown issue, predicted from 0.25 MB and 1 MB', async ({ expect }) => {
    const paragraph = '今年以来，各地认真贯彻落实城镇老旧小区改造决策部署，高位推动、压实责任、加快进度。'.repeat(3);
    const markdown = (bytes: number) => {
      const parts: string[] = [];
      for (let n = 0, written = 0; written < bytes; n++) {
        parts.push(`${n % 20 === 0 ? `## 第${n}篇\n\n` : ''}${paragraph}\n\n`);
        written += Buffer.byteLength(parts.at(-1)!);
      }
      return parts.join('');
    };
    const MB = 1024 * 1024;
    const { predicted } = await predictedKib(expect, 'Markdown', [MB / 4, MB], (bytes) => oneIssue(`markdown-${bytes}`, markdown(bytes)), 5 * MB);
    expect(await readFile(join(dir, `markdown-${MB}-dist/2021/1/index.html`), 'utf8')).toContain('第0篇');
    expect(predicted).toBeLessThan(GiB_IN_KiB);
  }, 180_000);

  it('a 100,000-row CSV table within a 512 MB heap, shown by 25,000 rows within 25 % of it', async ({ expect }) => {
    // A build's live memory is a fixed part plus a part that grows with the rows. Building 25 % of
    // the rows with 25 % of the heap (V8 stops with "heap out of memory" past it) bounds the
    // growing part at 25 % of 512 MB less the fixed part, so 100,000 rows need at most 512 MB less
    // 3 fixed parts: the full size's heap limit holds, at a quarter of its 18 s of CPU. The peak
    // RSS, mostly garbage V8 collects late when nothing caps the heap, is held to 25 % of the
    // bound the same way. A smaller share costs no less CPU (a tighter heap collects more often)
    // and leaves the RSS no margin: the fixed part, about 100 MB, is most of it (25,000 rows:
    // 100-110 MB of heap needed of 128, 210-240 MB of RSS of 256).
    const rows = 25_000;
    const share = rows / 100_000;
    const content = await oneIssue(`csv-${rows}`, '## 进展情况\n\n::table{src="progress.csv" header-rows="3"}\n', {
      'progress.csv': progressCsv(1, 0, rows),
    });
    const heapMb = Math.floor(512 * share);
    const result = await measuredBuild(content, { ...process.env, NODE_OPTIONS: `--max-old-space-size=${heapMb}` });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(dir, `csv-${rows}-dist/2021/1/index.html`), 'utf8')).toContain('<td class="label">蕉岭县2777</td>'); // the last row
    expect(result.kib).toBeLessThan(GiB_IN_KiB * share);
  }, 180_000);
});

describe('inputs past the limits', () => {
  it('an issue over 10 MB is a clear error, without being read', async () => {
    const content = await oneIssue('markdown-11mb', `## 文\n\n${'正文。'.repeat(Math.ceil(MAX_ISSUE_BYTES / 9) + 1)}\n`);
    const result = await runCli('check', '--content', content);
    expect(result.code).toBe(1);
    expect(result.lines[0]).toMatch(
      /^.*\/markdown-11mb\/2021\/1\/index\.md:1:1: Expected an issue of at most 10 MB, found 10\.0 MB; split it into several issues or move long material into attachments \[issue-too-large\]$/,
    );
  });
});
