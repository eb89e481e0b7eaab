import { onInterrupt } from '../util/interrupt.ts';
import type { BrowserPool } from './browser-pool.ts';
import type { FoundBrowser } from './find-browser.ts';

/**
 * One browser for every edition Chromium makes in a build (the PDF, the share picture), started
 * by the first file that needs it, so that a build with nothing to print never starts one.
 */
export interface Printer {
  readonly browser: FoundBrowser;
  /** The pool of pages, launching the browser (and loading puppeteer) on first use. */
  pool(): Promise<BrowserPool>;
  close(): Promise<void>;
}

export interface PrinterOptions {
  readonly browser: FoundBrowser;
  /** Chromium's profile folder, one of the build's own (see `BrowserPoolOptions.userDataDir`). */
  readonly profileDir: string;
}

export function createPrinter(options: PrinterOptions): Printer {
  let started: Promise<BrowserPool> | undefined;
  let unregister = () => {};
  return {
    browser: options.browser,
    pool() {
      started ??= import('./browser-pool.ts').then(({ createBrowserPool }) => {
        const pool = createBrowserPool({ browser: options.browser, userDataDir: options.profileDir });
        unregister = onInterrupt(() => pool.close());
        return pool;
      });
      return started;
    },
    async close() {
      unregister();
      const pool = await started?.catch(() => undefined);
      await pool?.close();
    },
  };
}
