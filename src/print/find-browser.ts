import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PdfError } from './errors.ts';
import { npmChromium, unpackNpmChromium, type NpmChromium } from './npm-chromium.ts';

/** Where the browser came from: the summary says so. */
export type BrowserSource = 'npm' | 'PUPPETEER_EXECUTABLE_PATH' | '--browser' | 'system';

/** A browser chosen for printing, not yet started. */
export interface FoundBrowser {
  readonly source: BrowserSource;
  /**
   * What it is, such as `Chromium 156.0.8078.108` or `@sparticuz/chromium 153.0.0`: shown in the
   * build summary and part of each PDF's cache key, so that another browser prints them again.
   */
  readonly version: string;
  /** The program, for a system browser; the packaged one is known only once unpacked. */
  readonly path: string | undefined;
  /** How to start it; the packaged Chromium is unpacked on the first call. */
  launch(): Promise<BrowserLaunch>;
}

export interface BrowserLaunch {
  readonly executablePath: string;
  /** The packaged Chromium is a headless shell, which has only the old headless mode. */
  readonly headless: true | 'shell';
  /** Added to the browser's environment. */
  readonly env: Readonly<Record<string, string>>;
}

export interface FindBrowserOptions {
  /**
   * `system` to print with an installed Chrome, Edge or Chromium rather than the packaged one, or
   * the path of a browser program (`--browser`). `PUPPETEER_EXECUTABLE_PATH` comes first.
   * @default the packaged Chromium where it runs (Linux x64), else an installed browser
   */
  readonly browser?: string | undefined;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default process.platform */
  readonly platform?: NodeJS.Platform;
  /**
   * The packaged Chromium. Injected by tests.
   * @default npmChromium(), undefined off Linux x64 or when the package is missing
   */
  readonly npm?: NpmChromium | undefined;
  /**
   * Browsers in puppeteer's own cache (`npx puppeteer browsers install chrome`). Injected by tests.
   * @default those in PUPPETEER_CACHE_DIR or ~/.cache/puppeteer
   */
  readonly puppeteerCache?: () => Promise<readonly string[]>;
  /**
   * Whether a file is a runnable program. Injected by tests.
   * @default an executable regular file check
   */
  readonly isExecutable?: (file: string) => boolean;
  /**
   * A system browser's version. Injected by tests.
   * @default the first line of `<browser> --version`
   */
  readonly versionOf?: (file: string) => Promise<string>;
}

/** Names Chromium goes by on Linux distributions and in Google's packages, in order of preference. */
const pathNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'] as const;

/** Where Chrome and Edge install themselves. */
function standardPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Chromium.app/Contents/MacOS/Chromium'];
    return ['/Applications', path.join(homedir(), 'Applications')].flatMap((dir) => apps.map((app) => path.join(dir, app)));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
  }
  return ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge'];
}

/**
 * Choose the browser that prints PDFs, without downloading one:
 * `PUPPETEER_EXECUTABLE_PATH`; else `--browser PATH`; else, unless `--browser system`, the
 * Chromium packaged in `@sparticuz/chromium` (pinned, so the same PDF bytes on every Linux
 * machine); else an installed Chrome or Edge at its standard place, a browser in puppeteer's
 * cache, or chromium, google-chrome… on PATH.
 */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const versionOf = options.versionOf ?? versionOutput;
  const system = async (file: string, source: BrowserSource): Promise<FoundBrowser> => {
    const version = await versionOf(file);
    return { source, version, path: file, launch: async () => ({ executablePath: file, headless: true, env: {} }) };
  };

  const explicit = env.PUPPETEER_EXECUTABLE_PATH;
  if (explicit) {
    // An explicit setting that points nowhere is a mistake to report, not to skip.
    if (isExecutable(explicit)) return system(explicit, 'PUPPETEER_EXECUTABLE_PATH');
    throw new PdfError(
      'browser-not-found',
      `PUPPETEER_EXECUTABLE_PATH is set to ${explicit}, which is not an executable file. Point it at a Chromium, Chrome or Edge program, or unset it to print with the packaged Chromium.`,
    );
  }
  if (options.browser !== undefined && options.browser !== 'system') {
    if (isExecutable(options.browser)) return system(options.browser, '--browser');
    throw new PdfError(
      'browser-not-found',
      `--browser ${options.browser} is not an executable file. Give the path of a Chromium, Chrome or Edge program, or \`--browser system\` to find one.`,
    );
  }

  const npm = 'npm' in options ? options.npm : npmChromium(platform);
  if (npm && options.browser !== 'system') {
    return {
      source: 'npm',
      version: `@sparticuz/chromium ${npm.version}`,
      path: undefined,
      async launch() {
        const unpacked = await unpackNpmChromium(npm);
        const libraries = [unpacked.libraryPath, env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter);
        return { executablePath: unpacked.executablePath, headless: 'shell', env: { LD_LIBRARY_PATH: libraries } };
      },
    };
  }

  for (const file of standardPaths(platform, env)) if (isExecutable(file)) return system(file, 'system');
  for (const file of await (options.puppeteerCache ?? puppeteerCache)()) if (isExecutable(file)) return system(file, 'system');
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => path.isAbsolute(dir));
  for (const name of pathNames) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return system(file, 'system');
    }
  }

  throw new PdfError(
    'browser-not-found',
    `No browser found for printing PDFs (looked at ${options.browser === 'system' ? '' : 'the @sparticuz/chromium package, which has Linux x64 only, '}Chrome and Edge in their standard places, puppeteer’s cache, and chromium, google-chrome on PATH). Install Chrome, or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium program; \`--no-pdf\` builds without PDFs.`,
  );
}

/** `@sparticuz/chromium 153.0.0`, or `Chromium 156.0.8078.108 (/usr/bin/chromium, --browser)`. */
export function describeBrowser(browser: FoundBrowser): string {
  if (browser.source === 'npm') return browser.version;
  return `${browser.version} (${browser.path}${browser.source === 'system' ? '' : `, ${browser.source}`})`;
}

/** Chrome and Chrome headless shell in puppeteer's cache, newest build first. */
async function puppeteerCache(): Promise<string[]> {
  const { getInstalledBrowsers } = await import('@puppeteer/browsers');
  const cacheDir = process.env.PUPPETEER_CACHE_DIR ?? path.join(homedir(), '.cache', 'puppeteer');
  const installed = await getInstalledBrowsers({ cacheDir }).catch(() => []);
  return installed
    .filter((browser) => browser.browser === 'chrome' || browser.browser === 'chrome-headless-shell')
    .sort((a, b) => b.buildId.localeCompare(a.buildId, 'en', { numeric: true }))
    .map((browser) => browser.executablePath);
}

/**
 * The first line of `--version`, such as `Chromium 156.0.8078.108 built on Debian GNU/Linux 12`.
 * On Windows, where Chrome opens a window instead of answering, the program's path and date.
 */
async function versionOutput(file: string): Promise<string> {
  const fallback = () => `${path.basename(file)} of ${statSync(file).mtime.toISOString()}`;
  if (process.platform === 'win32') return fallback();
  try {
    const { stdout } = await promisify(execFile)(file, ['--version'], { timeout: 10_000 });
    return stdout.trim().split('\n')[0] || fallback();
  } catch {
    return fallback();
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
