/**
 * Faults: a build killed outright while printing leaves no Chromium behind and its leftovers are
 * cleaned by the next build; the lock stops a second build before any work and is safe on a
 * shared folder; an output's PDF is its own copy, never the cache's file.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { lockOutput, OutputLockedError } from '../../src/output/output-lock.ts';
import { startWork, workFolder } from '../../src/output/work-folder.ts';
import { contentHash } from '../../src/cache/hash.ts';
import { sharedBrowserPool } from '../support/shared-browser.ts';
import { until } from '../support/until.ts';

let dir: string;
let content: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jianbao-hostile-faults-'));
  content = join(dir, 'content');
  await cp('content', content, { recursive: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * Processes whose command line contains `text`, as `pid args` lines like `ps -eww -o pid=,args=`,
 * read from Linux's /proc: polling `ps` cost a process every 20 ms.
 */
function processesWith(text: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        // The arguments, each ended by a NUL; empty for a process that has exited but is not yet reaped.
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
        return args.includes(text) ? [`${pid} ${args}`] : [];
      } catch {
        return []; // exited since the folder was read
      }
    });
}

describe('a build killed with SIGKILL while printing PDFs', () => {
  it('takes its Chromium with it, and the next build removes what it left', async () => {
    const out = join(dir, 'dist');
    const work = workFolder(out);
    const child = spawn(
      process.execPath,
      ['bin/jianbao.js', 'build', '--content', content, '--out', out, '--cache', join(dir, 'cache-killed'), '--no-search', '--no-share-image', '--quiet'],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Chromium runs with its profile in the build's own folder, so its command line names it.
    await until('Chromium to start', () => processesWith(`${work}/run-`).length > 0);
    child.kill('SIGKILL');
    await exited;
    expect(readdirSync(work).filter((name) => name.startsWith('run-'))).toHaveLength(1);
    await until('Chromium to exit after its parent was killed', () => processesWith(work).length === 0, 10_000);

    await build({ contentDir: content, outDir: out, pdf: false, search: false, cacheDir: false });
    expect(processesWith(work)).toEqual([]);
    expect(existsSync(work)).toBe(false);
    expect(
      readdirSync(dir)
        .filter((name) => name.includes('dist'))
        .sort(),
    ).toEqual(['dist']);
    expect(existsSync(join(out, '2021/11/index.html'))).toBe(true);
  }, 120_000);
});

describe('the output lock', () => {
  it('is taken before any work: a second build is refused before its first phase', async () => {
    const out = join(dir, 'locked');
    const first = await startWork(out);
    try {
      const events: unknown[] = [];
      const cacheDir = join(dir, 'cache-locked');
      const error = await build({ contentDir: content, outDir: out, pdf: false, cacheDir, onProgress: (event) => events.push(event) }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(OutputLockedError);
      expect((error as Error).message).toMatch(
        new RegExp(
          `^another build \\(pid ${process.pid} on ${hostname()}, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\) is writing ${out}/; wait for it to finish, or delete ${first.lock.path} if no build is running$`,
        ),
      );
      expect(events).toEqual([]);
      expect(existsSync(cacheDir)).toBe(false);
      expect(existsSync(out)).toBe(false);
    } finally {
      await first.finish();
    }
    await build({ contentDir: content, outDir: out, pdf: false, search: false, cacheDir: false });
    expect(existsSync(workFolder(out))).toBe(false);
  });

  describe('judges a lock it finds', () => {
    const path = () => join(dir, 'lock-cases', 'lock');
    const holder = (host: string, pid: number) => `${JSON.stringify({ host, pid, token: 'f00d', started: '2024-01-30T08:00:00.000Z' })}\n`;
    const age = async (minutes: number) => {
      const then = new Date(Date.now() - minutes * 60_000);
      await utimes(path(), then, then);
    };
    const take = async () => {
      const lock = await lockOutput('dist', path());
      const held = JSON.parse(await readFile(path(), 'utf8')) as Record<string, unknown>;
      lock.release();
      return held;
    };
    beforeAll(() => mkdir(join(dir, 'lock-cases')));

    it('from another host: held while touched, taken over after ten minutes untouched', async () => {
      await writeFile(path(), holder('build-2.example', 4242));
      await age(9);
      await expect(lockOutput('dist', path())).rejects.toThrow(
        `another build (pid 4242 on build-2.example, started 2024-01-30T08:00:00.000Z) is writing dist/; wait for it to finish, or delete ${path()} if no build is running`,
      );
      await age(11);
      expect(await take()).toMatchObject({ host: hostname(), pid: process.pid, token: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(existsSync(path())).toBe(false);
    });

    it('from this host: held while its pid runs, however old; taken over once it is gone', async () => {
      await writeFile(path(), holder(hostname(), process.ppid));
      await age(60 * 24);
      await expect(lockOutput('dist', path())).rejects.toThrow(`another build (pid ${process.ppid} on ${hostname()}`);
      const gone = spawn(process.execPath, ['-e', '']);
      await new Promise((resolve) => gone.on('exit', resolve));
      await writeFile(path(), holder(hostname(), gone.pid!));
      expect(await take()).toMatchObject({ pid: process.pid });
    });

    it('unreadable: held while fresh, taken over when old', async () => {
      await writeFile(path(), '4242\n');
      await expect(lockOutput('dist', path())).rejects.toThrow(`another build is writing dist/; wait for it to finish, or delete ${path()}`);
      await age(11);
      expect(await take()).toMatchObject({ pid: process.pid });
    });

    it('of its own is touched while held (the heartbeat)', async () => {
      const lock = await lockOutput('dist', path(), { heartbeatMs: 20 });
      try {
        await age(5);
        const aged = statSync(path()).mtimeMs;
        await until('the heartbeat', () => statSync(path()).mtimeMs > aged + 60_000, 5_000);
      } finally {
        lock.release();
      }
      expect(existsSync(path())).toBe(false);
    });
  });
});

describe('a PDF taken from the build cache', () => {
  it('is a copy: editing one output’s PDF changes neither the cache nor other outputs', async () => {
    // One issue of the sample: one PDF to print is all the case needs.
    const oneIssue = join(dir, 'one-issue');
    await cp('content/bulletin.yaml', join(oneIssue, 'bulletin.yaml'));
    await cp('content/2021/11', join(oneIssue, '2021/11'), { recursive: true });
    const cacheDir = join(dir, 'cache-pdf');
    const options = { contentDir: oneIssue, search: false, shareImage: false, cacheDir, browserPool: sharedBrowserPool() };
    const pdf = (out: string) => join(dir, out, '2021/11/2021-11.pdf');
    const printed = await build({ ...options, outDir: join(dir, 'one') });
    expect(printed.counts.pdfsRendered).toBe(1);
    const restored = await build({ ...options, outDir: join(dir, 'two') });
    expect(restored.counts).toMatchObject({ pdfs: 1, pdfsRendered: 0 });
    const original = contentHash(await readFile(pdf('two')));
    for (const out of ['one', 'two']) expect((await stat(pdf(out))).nlink).toBe(1);

    await writeFile(pdf('one'), '%PDF-1.7 edited by hand\n');
    expect(contentHash(await readFile(pdf('two')))).toBe(original);
    const third = await build({ ...options, outDir: join(dir, 'three') });
    expect(third.counts.pdfsRendered).toBe(0);
    expect(third.cacheProblems).toEqual([]);
    expect(contentHash(await readFile(pdf('three')))).toBe(original);
  }, 120_000);
});
