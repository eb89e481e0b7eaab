import { rmSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer-core';
import pLimit from 'p-limit';
import { PdfError } from './errors.ts';
import { findBrowser, type FoundBrowser } from './find-browser.ts';

/**
 * Flags for a build machine: no sandbox (containers and CI run as root), no
 * GPU, and none of the background traffic a desktop browser makes — the print
 * page must be the only thing the browser loads.
 */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** How puppeteer starts `browser`, with the build's flags. */
export async function launchOptions(browser: FoundBrowser): Promise<LaunchOptions> {
  const { executablePath, headless, env } = await browser.launch();
  return { executablePath, headless, args: [...chromiumArgs], env: { ...process.env, ...env } };
}

export interface BrowserPoolOptions {
  /**
   * The browser to launch.
   * @default findBrowser() at the first launch
   */
  readonly browser?: FoundBrowser;
  /**
   * How many pages render at once in the one browser.
   * @default Math.min(os.availableParallelism(), 4)
   */
  readonly size?: number;
  /**
   * Time limit for one job (one PDF), in milliseconds.
   * @default 60_000
   */
  readonly timeoutMs?: number;
  /**
   * Chromium's profile folder, left in place on close; the pool's own folder (`folder()`) is made
   * beside it. A build passes one inside its own work folder, so that the next build removes both
   * even when this one was killed.
   * @default a temporary folder puppeteer makes and removes on close (and the pool's own in the
   * system's temporary folder)
   */
  readonly userDataDir?: string;
}

export interface JobContext {
  /** 1 for the first try, 2 for the retry after a browser crash. */
  readonly attempt: number;
  /** Aborted when the job runs out of time: check it before side effects such as writing files. */
  readonly signal: AbortSignal;
}

export type PoolJob<T> = (page: Page, context: JobContext) => Promise<T>;

export interface BrowserPool {
  /**
   * Run `job` on a page of its own once a slot is free. `name` (the issue) is
   * used in error messages. A browser crash relaunches the browser and retries
   * the job once; other failures, and timeouts, are not retried. A page whose
   * job succeeded serves the next job (a new tab costs ~90 ms, a sixth of a
   * PDF), so a job removes what it added to the page: listeners, scripts run
   * on new documents. A page whose job failed is closed.
   */
  run<T>(name: string, job: PoolJob<T>, options?: { readonly timeoutMs?: number }): Promise<T>;
  /** The browser in use, launching it if needed (for diagnostics and tests). */
  browser(): Promise<Browser>;
  /** The browser the pool launches: `options.browser`, else the one `findBrowser()` chooses. */
  found(): Promise<FoundBrowser>;
  /**
   * A folder of the pool's own for files its pages read (made on first use), removed when the
   * pool closes or the process exits.
   */
  folder(): Promise<string>;
  /** How many times a browser has been launched. */
  readonly launches: number;
  readonly size: number;
  close(): Promise<void>;
}

const defaults = {
  timeoutMs: 60_000,
};

export function createBrowserPool(options: BrowserPoolOptions = {}): BrowserPool {
  const size = Math.max(1, Math.floor(options.size ?? Math.min(os.availableParallelism(), 4)));
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
  // At most `size` jobs hold a page at once, in arrival order.
  const slots = pLimit(size);
  let current: Promise<Browser> | undefined;
  let live: Browser | undefined;
  let launches = 0;
  let closed = false;
  /** Pages of the live browser whose last job succeeded, waiting for the next. */
  let idle: Page[] = [];
  let folder: Promise<string> | undefined;
  const removeFolder = (made: string) => () => rmSync(made, { recursive: true, force: true });
  let onExit: (() => void) | undefined;
  let found: Promise<FoundBrowser> | undefined;
  function foundBrowser(): Promise<FoundBrowser> {
    if (options.browser) return Promise.resolve(options.browser);
    // A browser not found is looked for again by the next launch.
    found ??= findBrowser().catch((error: unknown) => {
      found = undefined;
      throw error;
    });
    return found;
  }

  function getBrowser(): Promise<Browser> {
    if (closed) return Promise.reject(new PdfError('render-failed', 'The browser pool is closed.'));
    current ??= launch();
    return current;
  }

  async function launch(): Promise<Browser> {
    launches++;
    try {
      const browser = await puppeteer.launch({
        ...(await launchOptions(await foundBrowser())),
        // Over a pipe rather than a WebSocket, Chromium quits when the pipe closes: when this
        // process dies, even by SIGKILL, the browser goes with it.
        pipe: true,
        ...(options.userDataDir === undefined ? {} : { userDataDir: options.userDataDir }),
        // Puppeteer's own handlers exit the process on a signal, before the build can put
        // the output folder back; the pool's owner closes it (and puppeteer still kills the
        // browser when the process exits).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      live = browser;
      // A browser that dies between jobs is replaced by the next job.
      browser.once('disconnected', () => retire(browser));
      return browser;
    } catch (error) {
      current = undefined;
      if (error instanceof PdfError) throw error;
      throw new PdfError('render-failed', `Could not start Chromium: ${(error as Error).message}`, { cause: error });
    }
  }

  function retire(browser: Browser): void {
    if (live !== browser) return;
    live = undefined;
    current = undefined;
    idle = [];
    browser.close().catch(() => {});
  }

  async function attempt<T>(name: string, job: PoolJob<T>, n: number, limit: number): Promise<T> {
    const browser = await getBrowser();
    let page: Page | undefined;
    let pageCrashed = false;
    let succeeded = false;
    const onCrash = () => {
      pageCrashed = true;
    };
    try {
      page = idle.pop() ?? (await browser.newPage());
      // 'error' is puppeteer's "page crashed" event.
      page.once('error', onCrash);
      const timeout = new AbortController();
      const work = job(page, { attempt: n, signal: timeout.signal });
      // A job that outlives its time limit is abandoned; its page is closed below.
      work.catch(() => {});
      const result = await withTimeout(work, limit, () => {
        timeout.abort();
        return new PdfError(
          'render-timeout',
          `${name}: rendering the PDF took longer than ${limit} ms and was stopped. A table of thousands of rows, or a very large image, can cause this: print the part of a large table readers need (split it, or pick its cells with \`range\`) and link the whole workbook as an attachment (\`[附件](file.xlsx)\`) rather than embedding it with ::table, and make a large image smaller.`,
        );
      });
      succeeded = true;
      return result;
    } catch (error) {
      if (pageCrashed || !browser.connected) throw new BrowserCrash(error, browser);
      throw error;
    } finally {
      page?.off('error', onCrash);
      // A timed-out job may still be working on its page: only a clean one is kept.
      if (page && succeeded && !pageCrashed && live === browser && !closed) idle.push(page);
      else page?.close().catch(() => {});
    }
  }

  return {
    get launches() {
      return launches;
    },
    size,
    browser: getBrowser,
    found: foundBrowser,
    folder() {
      const parent = options.userDataDir === undefined ? os.tmpdir() : path.dirname(options.userDataDir);
      folder ??= mkdir(parent, { recursive: true })
        .then(() => mkdtemp(path.join(parent, 'jianbao-pool-')))
        .then((made) => {
          onExit = removeFolder(made);
          process.once('exit', onExit);
          return made;
        });
      return folder;
    },
    run<T>(name: string, job: PoolJob<T>, runOptions: { readonly timeoutMs?: number } = {}): Promise<T> {
      const limit = runOptions.timeoutMs ?? timeoutMs;
      return slots(async () => {
        try {
          return await attempt(name, job, 1, limit);
        } catch (error) {
          if (!(error instanceof BrowserCrash)) throw error;
          // Relaunch only the browser this job ran on, and only if it is gone (a crashed
          // tab gets a fresh renderer from the same browser); another job may already
          // have launched the successor.
          if (!error.browser.connected) retire(error.browser);
        }
        try {
          return await attempt(name, job, 2, limit);
        } catch (error) {
          if (!(error instanceof BrowserCrash)) throw error;
          if (!error.browser.connected) retire(error.browser);
          throw new PdfError(
            'browser-crashed',
            `${name}: Chromium crashed twice while rendering this issue’s PDF. Check that the machine has enough memory and /dev/shm space, or try a newer Chromium.`,
            { cause: error.cause },
          );
        }
      });
    },
    async close() {
      closed = true;
      idle = [];
      await folder?.catch(() => undefined);
      if (onExit) {
        process.off('exit', onExit);
        onExit();
      }
      const browser = await current?.catch(() => undefined);
      current = undefined;
      live = undefined;
      await browser?.close().catch(() => {});
    },
  };
}

class BrowserCrash extends Error {
  readonly browser: Browser;

  constructor(cause: unknown, browser: Browser) {
    super('The browser crashed', { cause });
    this.browser = browser;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
