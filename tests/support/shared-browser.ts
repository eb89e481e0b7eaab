import { join } from 'node:path';
import { inject } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.ts';
import { type BrowserPool, createBrowserPool } from '../../src/print/browser-pool.ts';
import { createPrinter, type Printer } from '../../src/print/printer.ts';

let pool: BrowserPool | undefined;

/**
 * One browser for every test of this test process that prints or looks at pages without testing
 * how a browser is started or stopped: a launch costs about 0.4 s of CPU, and the suite made 35.
 * Test files share a process's modules (`isolate: false`), so the pool outlives the file that
 * started it. It is never closed: Chromium is killed when the process is stopped (below), and its
 * profile and the pool's files are in the run's shared folder, which the run removes.
 * A test that uses its pages leaves them as it found them (see `BrowserPool.run`).
 */
export function sharedBrowserPool(): BrowserPool {
  if (!pool) {
    const started = createBrowserPool({ userDataDir: join(inject('sharedDir'), `chromium-${process.pid}`, 'profile') });
    // Vitest stops a test process with SIGTERM (and SIGKILL 500 ms later). Chromium, left to
    // notice its pipe close, shuts down at its own pace and was still writing its profile into
    // the run's folder after the run had removed it: it is killed first.
    process.once('SIGTERM', () => {
      const killed = started.launches === 0 ? Promise.resolve() : started.browser().then((browser) => void browser.process()?.kill('SIGKILL'));
      void killed.finally(() => process.exit(143));
    });
    pool = started;
  }
  return pool;
}

/**
 * Build `contentDir` with its PDFs, printed on the shared browser, into `<dir>/dist` with a cache
 * in `<dir>/cache`: without the search index and the share pictures, which print tests do not
 * look at.
 */
export function buildPdfs(contentDir: string, dir: string): Promise<BuildResult> {
  return build({ contentDir, outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), search: false, shareImage: false, browserPool: sharedBrowserPool() });
}

/** A printer (one build's faces and pictures) on the shared browser; its `close` leaves the browser open. */
export async function sharedPrinter(): Promise<Printer> {
  const pool = sharedBrowserPool();
  return createPrinter({ browser: await pool.found(), pool });
}
