import { onInterrupt } from '../util/interrupt.ts';
import type { BrowserPool } from './browser-pool.ts';
import type { FoundBrowser } from './find-browser.ts';
import type { FontRole } from './fonts.ts';

/** The face a role's text was set in, and where it came from. */
export interface UsedFace {
  readonly role: FontRole;
  /** The face's family name, as Chromium found it (a font file's own name for a file). */
  readonly face: string;
  /** Bundled with jianbao, a font file named in `fonts`, or installed on this machine. */
  readonly source: 'bundled' | 'file' | 'installed';
  /** For a font file: its path. */
  readonly file?: string | undefined;
}

/**
 * One browser for every edition Chromium makes in a build (the PDF, the share picture), started
 * by the first file that needs it, so that a build with nothing to print never starts one.
 */
export interface Printer {
  readonly browser: FoundBrowser;
  /** The pool of pages, launching the browser (and loading puppeteer) on first use. */
  pool(): Promise<BrowserPool>;
  /**
   * The faces each role printed in during this build, for the build summary: recorded by the
   * editions as they print, one entry per distinct face.
   */
  readonly faces: UsedFace[];
  /**
   * Whether the file about to print should find its faces (`probeFaces`): only the first, as they
   * are the same for the whole build, and the probe costs a PDF four round trips. Again after a
   * probe that ended without faces.
   */
  wantsFaces(): boolean;
  /** Record the faces of one printed file (none when its probe failed). */
  noteFaces(faces: readonly UsedFace[]): void;
  /**
   * The share pictures the PDF edition took from the pages it printed in this build, by issue
   * path (see `PdfEditionOptions.sharePictures`), for the share-picture edition to take instead
   * of loading each page again.
   */
  readonly pictures: Map<string, string>;
  close(): Promise<void>;
}

export type PrinterOptions =
  | {
      readonly browser: FoundBrowser;
      /** Chromium's profile folder, one of the build's own (see `BrowserPoolOptions.userDataDir`). */
      readonly profileDir: string;
    }
  | {
      readonly browser: FoundBrowser;
      /**
       * A pool its owner launched and closes (see `BuildOptions.browserPool`), printed with
       * instead of one of the printer's own, and left open by `close`.
       */
      readonly pool: BrowserPool;
    };

export function createPrinter(options: PrinterOptions): Printer {
  let started: Promise<BrowserPool> | undefined;
  let unregister = () => {};
  const faces: UsedFace[] = [];
  let probing = false;
  const same = (a: UsedFace, b: UsedFace) => a.role === b.role && a.face === b.face && a.source === b.source && a.file === b.file;
  return {
    browser: options.browser,
    faces,
    pictures: new Map(),
    wantsFaces() {
      if (probing || faces.length > 0) return false;
      probing = true;
      return true;
    },
    noteFaces(printed) {
      probing = false;
      for (const face of printed) if (!faces.some((known) => same(known, face))) faces.push(face);
    },
    pool() {
      if ('pool' in options) return Promise.resolve(options.pool);
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
