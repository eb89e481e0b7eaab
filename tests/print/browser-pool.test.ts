import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { createBrowserPool, PdfError, type BrowserPool } from '../../src/print/index.ts';

const issue = 'content/2021/11/index.md';
let pool: BrowserPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

/** Kill the pool's browser from inside a job, the way an out-of-memory kill would. */
async function crash(current: BrowserPool): Promise<never> {
  const browser = await current.browser();
  browser.process()?.kill('SIGKILL');
  await new Promise((resolve) => browser.once('disconnected', resolve));
  throw new Error('unreachable: the browser is gone');
}

describe('browser pool', () => {
  it('relaunches a crashed browser and retries the job once', async () => {
    pool = createBrowserPool({ size: 1 });
    const current = pool;
    const attempts: number[] = [];
    const title = await current.run(issue, async (page, { attempt }) => {
      attempts.push(attempt);
      if (attempt === 1) {
        await crash(current);
      }
      await page.setContent('<title>ok</title>');
      return page.title();
    });
    expect(title).toBe('ok');
    expect(attempts).toEqual([1, 2]);
    expect(current.launches).toBe(2);
  });

  it('fails with the issue named when the retry crashes too', async () => {
    pool = createBrowserPool({ size: 1 });
    const current = pool;
    const error = await current.run(issue, () => crash(current)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as PdfError).code).toBe('browser-crashed');
    expect((error as PdfError).message).toContain(issue);
    expect(current.launches).toBe(2);
  });

  it('stops a job at its time limit', async () => {
    pool = createBrowserPool({ size: 1, timeoutMs: 400 });
    // Launch first: on a loaded machine a cold start alone can take seconds.
    await pool.browser();
    let signal: AbortSignal | undefined;
    const error = await pool
      .run(issue, (_page, job) => {
        signal = job.signal;
        return new Promise<never>(() => {});
      })
      .catch((caught: unknown) => caught);
    // The job that never settles is told to stop.
    expect(signal?.aborted).toBe(true);
    expect((error as PdfError).code).toBe('render-timeout');
    expect((error as PdfError).message).toMatch(/^content\/2021\/11\/index\.md: .*400 ms/);
    // It says only what an editor can do: the limit is no setting.
    expect((error as PdfError).message).toContain('link the whole workbook as an attachment');
    expect((error as PdfError).message).not.toContain('raise the time limit');
    // The pool is still usable afterwards.
    expect(await pool.run(issue, async (page) => page.evaluate(() => 1 + 1))).toBe(2);
  });

  it('runs jobs concurrently in one browser, at most `size` at a time', async () => {
    pool = createBrowserPool({ size: 2 });
    let running = 0;
    let peak = 0;
    // Every job waits until two run at once: with jobs run one at a time this never happens.
    let release!: () => void;
    const twoRunning = new Promise<void>((resolve) => (release = resolve));
    const job = async (): Promise<void> => {
      running++;
      peak = Math.max(peak, running);
      if (running === 2) release();
      await twoRunning;
      running--;
    };
    await Promise.all([1, 2, 3, 4, 5].map((n) => pool?.run(`issue ${n}`, job)));
    expect(peak).toBe(2);
    expect(pool.launches).toBe(1);
  });

  it('does not retry ordinary failures', async () => {
    pool = createBrowserPool({ size: 1 });
    let calls = 0;
    const error = await pool
      .run(issue, async () => {
        calls++;
        throw new Error('bad page');
      })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('bad page');
    expect(calls).toBe(1);
  });

  it('gives a page whose job succeeded to the next job, and closes one whose job failed', async () => {
    pool = createBrowserPool({ size: 1 });
    const pages: Page[] = [];
    const job = async (page: Page): Promise<void> => {
      pages.push(page);
    };
    await pool.run('first', job);
    await pool.run('second', job);
    expect(pages[1]).toBe(pages[0]);

    await pool
      .run('failing', async (page) => {
        pages.push(page);
        throw new Error('bad page');
      })
      .catch(() => {});
    expect(pages[2]).toBe(pages[0]);
    await pool.run('after the failure', job);
    expect(pages[3]).not.toBe(pages[2]);
    expect(pages[2]!.isClosed()).toBe(true);
  });

  it('makes its own folder beside the profile folder it is given, so a build’s work folder holds both, and removes it on close', async () => {
    const root = await mkdtemp(join(tmpdir(), 'jianbao-pool-folder-'));
    try {
      pool = createBrowserPool({ userDataDir: join(root, 'work', 'chromium') });
      const folder = await pool.folder();
      expect(dirname(folder)).toBe(join(root, 'work'));
      expect(basename(folder)).toMatch(/^jianbao-pool-/);
      await pool.close();
      expect(existsSync(folder)).toBe(false);
      expect(pool.launches).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
