import { execFile } from 'node:child_process';
import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../model.ts';
import { onInterrupt } from '../util/interrupt.ts';

/** Charts repeat their table's numbers; the table is what search results should quote. */
const EXCLUDE = '.chart';

/** Pagefind's ready-made search interfaces; the search page uses its JavaScript API instead. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight)\./;

/** Pagefind failed: the build stops before anything is written, so the previous output stays. */
export class SearchIndexError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(`Could not build the search index: ${errors.join('; ')}. Check that the pagefind package and its @pagefind/<platform> binary are installed (npm ci)`);
    this.name = 'SearchIndexError';
  }
}

/** Whether Pagefind indexes the page: an HTML page with a part marked `data-pagefind-body`. */
export function isSearchable(file: OutputFile): boolean {
  return file.path.endsWith('.html') && file.path !== '404.html' && text(file).includes('data-pagefind-body');
}

export interface SearchBundleOptions {
  /** The folder the pages were written into, which Pagefind reads them from. */
  readonly siteDir: string;
  /** A folder of this bundle's own, removed afterwards: the pages Pagefind reads and the bundle it writes. */
  readonly workDir: string;
}

/**
 * Index `pages` (paths in `siteDir`) with Pagefind into one search bundle, whose files come back
 * with paths inside the bundle. Pagefind reads each page's `lang` (zh-CN: Chinese word
 * segmentation) and only the parts marked `data-pagefind-body`.
 *
 * Pagefind's command line indexes the bundle, not its Node API: the API drives the same program
 * in its service mode, which took 11–14 s of CPU for 20 years' bundles of a synthetic archive
 * (480 pages) where the command line took 7–8 s, and indexed a bundle's pages one at a time. The
 * command line reads a folder: the bundle's pages are linked into one of its own, so that it
 * indexes exactly them (a glob would have to escape page paths, and could outgrow a command line).
 */
export async function searchBundle(pages: readonly string[], options: SearchBundleOptions): Promise<OutputFile[]> {
  const site = join(options.workDir, 'pages');
  const bundle = join(options.workDir, 'bundle');
  try {
    for (const page of pages) {
      await mkdir(dirname(join(site, page)), { recursive: true });
      // Copied where the file system has no hard links (FAT on a USB stick).
      await link(join(options.siteDir, page), join(site, page)).catch(() => copyFile(join(options.siteDir, page), join(site, page)));
    }
    await runPagefind(['--site', site, '--output-path', bundle, '--exclude-selectors', EXCLUDE]);
    const files = (await readdir(bundle, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const made = await Promise.all(
      files.map(async (entry): Promise<OutputFile> => {
        const path = join(entry.parentPath, entry.name);
        return {
          path: path
            .slice(bundle.length + 1)
            .split('\\')
            .join('/'),
          contents: await readFile(path),
        };
      }),
    );
    return made.filter((file) => !UNUSED.test(file.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } finally {
    await rm(options.workDir, { recursive: true, force: true });
  }
}

/** Run Pagefind's program with `args`; an interrupted build stops it before its folder is removed. */
async function runPagefind(args: readonly string[]): Promise<void> {
  const program = pagefindProgram();
  const controller = new AbortController();
  let stopped: Promise<void> = Promise.resolve();
  const stop = onInterrupt(() => {
    controller.abort();
    return stopped;
  });
  try {
    const run = new Promise<void>((resolve, reject) => {
      execFile(program, [...args], { signal: controller.signal, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
        if (!error) return resolve();
        // Pagefind prints its errors on stdout among its progress lines, or fails to start.
        const lines = `${stderr}\n${stdout}`.split('\n').filter((line) => /error|fail/i.test(line));
        reject(new SearchIndexError(lines.length > 0 ? lines : [error.message]));
      });
    });
    stopped = run.catch(() => {});
    await run;
  } finally {
    stop();
  }
}

/**
 * Pagefind's program for this machine, found as the pagefind package finds it (its module that
 * does so is not exported): `PAGEFIND_EXTENDED_BINARY_PATH` or `PAGEFIND_BINARY_PATH`, else the
 * @pagefind/<platform>-<cpu> package installed beside it. The extended program segments Chinese.
 */
function pagefindProgram(): string {
  const names = ['pagefind_extended', 'pagefind'];
  for (const name of names) {
    const path = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (path) return path;
  }
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const require = createRequire(import.meta.resolve('pagefind'));
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${platform}-${os.arch()}/bin/${name}${platform === 'windows' ? '.exe' : ''}`);
    } catch {
      // The other program, or none for this platform.
    }
  }
  throw new SearchIndexError([`no Pagefind program for ${platform}-${os.arch()}`]);
}

function text(file: OutputFile): string {
  return typeof file.contents === 'string' ? file.contents : new TextDecoder().decode(file.contents);
}
