import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { OutputLockedError } from '../../src/output/output-lock.ts';
import { writeOutput } from '../../src/output/write-output.ts';
import { PAUSED_FILE } from '../../src/util/test-pause.ts';
import { hashTree } from '../support/hash-tree.ts';
import { until } from '../support/until.ts';

let dir: string;
let out: string;
let before: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-atomic-'));
  out = join(dir, 'dist');
  // Without the search index, which no case here is about: Pagefind costs most of a sample build.
  await build({ contentDir: 'content', outDir: out, pdf: false, search: false, cacheDir: false });
  before = await hashTree(out);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Everything beside the output folder: no work folder (temporary folders, lock) must be left. */
const siblings = async () => (await readdir(dir)).filter((name) => name === 'dist' || name.startsWith('dist.') || name.startsWith('.dist.')).sort();
const lockPath = () => join(dir, '.dist.jianbao-work', 'lock');
const lockOf = (pid: number) => `${JSON.stringify({ host: hostname(), pid, token: 'abc', started: '2024-01-30T08:00:00.000Z' })}\n`;

/** Resolves once the running build's own folder holds `name`: `site` while writing, `pdf` while printing. */
function buildFolderHas(name: string): Promise<void> {
  const work = join(dir, '.dist.jianbao-work');
  return until(
    `${name} in ${work}/run-*`,
    () => existsSync(work) && readdirSync(work).some((entry) => entry.startsWith('run-') && existsSync(join(work, entry, name))),
  );
}

/** Resolves once process `pid` has started a child process (Chromium, when printing); Linux's /proc tells. */
function hasChild(pid: number): Promise<void> {
  return until(`a child of ${pid}`, () => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim() !== '';
    } catch {
      return false;
    }
  });
}

/** The pid of a process that has exited: `true`'s, which costs no start of Node. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('atomic builds', () => {
  it('leave the previous output byte-identical when writing fails midway', async () => {
    const files = [
      { path: 'index.html', contents: 'new' },
      { path: 'a', contents: 'file' },
      { path: 'a/b.html', contents: 'under a file' },
    ];
    await expect(writeOutput(out, files, [], join(dir, 'work'))).rejects.toThrow(/ENOTDIR|EEXIST|EISDIR/);
    expect(await hashTree(out)).toBe(before);
    expect(await siblings()).toEqual(['dist']);
  });

  it('leave the previous output byte-identical when a template fails', async () => {
    const templates = join(dir, 'broken-templates');
    await mkdir(templates, { recursive: true });
    await writeFile(join(templates, 'issue.njk'), '{% if %}');
    await expect(build({ contentDir: 'content', outDir: out, templatesDir: templates, pdf: false, search: false, cacheDir: false })).rejects.toThrow();
    expect(await hashTree(out)).toBe(before);
    expect(await siblings()).toEqual(['dist']);
  });

  it('refuse to write while another build holds the lock, naming its pid', async () => {
    await mkdir(join(dir, '.dist.jianbao-work'));
    await writeFile(lockPath(), lockOf(process.ppid));
    try {
      const error = await build({ contentDir: 'content', outDir: out, pdf: false, search: false, cacheDir: false }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OutputLockedError);
      expect((error as Error).message).toBe(
        `another build (pid ${process.ppid} on ${hostname()}, started 2024-01-30T08:00:00.000Z) is writing ${out}/; wait for it to finish, or delete ${lockPath()} if no build is running`,
      );
      expect(await hashTree(out)).toBe(before);
    } finally {
      await rm(join(dir, '.dist.jianbao-work'), { recursive: true });
    }
  });

  it('take over a stale lock and clean up leftovers of a killed build', async () => {
    await mkdir(join(dir, '.dist.jianbao-work/run-1-0000abcd/site/2021'), { recursive: true });
    await mkdir(join(dir, '.dist.jianbao-work/run-2-0000abcd/previous'), { recursive: true });
    await writeFile(lockPath(), lockOf(await deadPid()));
    await build({ contentDir: 'content', outDir: out, pdf: false, search: false, cacheDir: false });
    expect(await hashTree(out)).toBe(before);
    expect(await siblings()).toEqual(['dist']);
  });

  it('leave an old output being removed to its rm -rf, and remove one whose rm -rf was killed', async () => {
    const old = join(dir, '.dist.jianbao-work/old-1-0000abcd');
    await mkdir(join(old, '2021/11'), { recursive: true });
    await writeFile(join(old, '2021/11/index.html'), '第11期');
    await build({ contentDir: 'content', outDir: out, pdf: false, search: false, cacheDir: false, removeInBackground: true });
    expect(await hashTree(out)).toBe(before);
    await until('the old outputs removed', () => !existsSync(join(dir, '.dist.jianbao-work')));
    expect(await siblings()).toEqual(['dist']);
  });

  it('do not corrupt each other when two run at once', async () => {
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/jianbao.js', 'build', '--no-pdf', '--no-search', '--no-cache', '--content', 'content', '--out', out]);
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(), run()]);
    for (const result of results.filter((result) => result.code !== 0)) {
      expect(result).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/^jianbao: another build \(pid \d+ on .+\) is writing .*\/dist\/; wait for it to finish/),
      });
    }
    expect(results.some((result) => result.code === 0)).toBe(true);
    expect(await hashTree(out)).toBe(before);
    // The CLI leaves the output it replaced to an `rm -rf` that outlives it, the work folder with it.
    await until('the replaced output removed', () => !existsSync(join(dir, '.dist.jianbao-work')));
    expect(await siblings()).toEqual(['dist']);
  });
});

describe('an interrupted build', () => {
  /**
   * Start `jianbao build` of the sample into `out`, stopped before `phase` (the test seam
   * JIANBAO_PAUSE_AT, src/util/test-pause.ts), and send `signal` once it has stopped there.
   */
  async function interruptAt(phase: string, signal: NodeJS.Signals = 'SIGINT') {
    // Without the search index, which these tests do not need: its indexer costs seconds.
    const args = ['bin/jianbao.js', 'build', '--no-cache', '--no-pdf', '--no-search', '--content', 'content', '--out', out];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, JIANBAO_PAUSE_AT: phase } });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await Promise.race([buildFolderHas(PAUSED_FILE), exit.then((code) => Promise.reject(new Error(`build exited ${code} before ${phase}: ${stderr}`)))]);
    // What the build had written by then: its new output, whole or only begun.
    const written = readdirSync(join(dir, '.dist.jianbao-work')).flatMap((run) =>
      existsSync(join(dir, '.dist.jianbao-work', run, 'site')) ? readdirSync(join(dir, '.dist.jianbao-work', run, 'site')) : [],
    );
    child.kill(signal);
    return { code: await exit, stderr, written };
  }

  it('while writing (SIGINT) leaves the previous output intact and no temporary folder', async () => {
    // Before the `write` phase every page is in the new output, which is not yet swapped in.
    const result = await interruptAt('write');
    expect(result.written).toContain('index.html');
    expect(result).toMatchObject({ code: 130, stderr: `jianbao: interrupted; ${out}/ is left as it was\n` });
    expect(await hashTree(out)).toBe(before);
    expect(await siblings()).toEqual(['dist']);
    expect(existsSync(lockPath())).toBe(false);
  });

  it('by SIGTERM as writing starts exits 143 and leaves the previous output intact', async () => {
    // Before the `pages` phase the new output's folder is made but holds nothing yet.
    const result = await interruptAt('pages', 'SIGTERM');
    expect(result).toEqual({ code: 143, stderr: `jianbao: interrupted; ${out}/ is left as it was\n`, written: [] });
    expect(await hashTree(out)).toBe(before);
    expect(await siblings()).toEqual(['dist']);
  });

  it('after the checks, before writing, leaves the previous output intact and releases the lock', async () => {
    const result = await interruptAt('images');
    expect(result).toEqual({ code: 130, stderr: `jianbao: interrupted; ${out}/ is left as it was\n`, written: [] });
    expect(await hashTree(out)).toBe(before);
    expect(await siblings()).toEqual(['dist']);
    expect(existsSync(lockPath())).toBe(false);
  });

  it('while printing PDFs (SIGINT) leaves the previous output intact and no print work folder', async () => {
    const child = spawn(process.execPath, ['bin/jianbao.js', 'build', '--no-cache', '--content', 'content', '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The print pages are written to the work folder, then Chromium is started to print them.
    await buildFolderHas('editions').then(() => hasChild(child.pid!));
    child.kill('SIGINT');
    expect({ code: await exit, stderr }).toEqual({ code: 130, stderr: `jianbao: interrupted; ${out}/ is left as it was\n` });
    expect(await hashTree(out)).toBe(before);
    expect(await siblings()).toEqual(['dist']);
  });
});
