import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer';
import {PdfError} from './errors.ts';

/** Names Chromium goes by on Linux distributions and in Google's packages, in order of preference. */
const browserNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

export interface FindChromiumOptions {
  /**
   * Where puppeteer's own download would live. Injected by tests; the default
   * asks puppeteer, which only computes the path (its cache may be empty
   * because the project installs puppeteer with `skipDownload`).
   * @default () => puppeteer.executablePath()
   */
  readonly puppeteerPath?: () => string | undefined;
  /**
   * Whether a file is a runnable program. Injected by tests.
   * @default an executable regular file check
   */
  readonly isExecutable?: (file: string) => boolean;
}

/**
 * Find a Chromium to drive, without downloading one:
 * `PUPPETEER_EXECUTABLE_PATH`, then puppeteer's cache, then the system's
 * `/usr/bin/chromium`, `chromium-browser`, `google-chrome` (also searched on `PATH`).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, options: FindChromiumOptions = {}): string {
  const isExecutable = options.isExecutable ?? isExecutableFile;

  const explicit = env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    // An explicit setting that points nowhere is a mistake to report, not to skip.
    if (isExecutable(explicit)) return explicit;
    throw new PdfError(
      'browser-not-found',
      `PUPPETEER_EXECUTABLE_PATH is set to ${explicit}, which is not an executable file. Point it at a Chromium or Chrome binary, or unset it to use the system's chromium.`,
    );
  }

  const cached = (options.puppeteerPath ?? defaultPuppeteerPath)();
  if (cached && isExecutable(cached)) return cached;

  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => path.isAbsolute(dir));
  for (const name of browserNames) {
    for (const dir of ['/usr/bin', ...dirs]) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }

  throw new PdfError(
    'browser-not-found',
    'No Chromium found for rendering PDFs (looked at PUPPETEER_EXECUTABLE_PATH, puppeteer’s cache, /usr/bin/chromium and chromium, chromium-browser, google-chrome on PATH). Install one with `apt-get install chromium` (Debian/Ubuntu), or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary; `--no-pdf` builds without PDFs.',
  );
}

function defaultPuppeteerPath(): string | undefined {
  try {
    return puppeteer.executablePath();
  } catch {
    // puppeteer throws when its configuration names no browser at all.
    return undefined;
  }
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
