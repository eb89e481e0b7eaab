// Start-up without tsx: the CLI runs from src/ bundled by esbuild into plain JavaScript. Loading
// through tsx costs ~0.3 s on every run, more than a whole incremental build.
//
// The package ships lib/, bundled by `npm run bundle` (the `prepare` script, so `npm ci` and
// `npm pack` make it) and stamped with a hash of the sources it was made from. A source checkout
// whose src/ has changed since has a stale lib/; it is bundled again on first use into
// node_modules/.cache/jianbao/, one folder per source hash. That needs esbuild, a devDependency,
// so only a checkout does it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
/** The bundle the package ships. */
export const LIB = join(ROOT, 'lib');
const STAMP = 'source-hash';

/** A hash of every source file and of this file's bundling options. */
function sourceHash() {
  const hash = createHash('sha256');
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of [fileURLToPath(import.meta.url), ...files])
    hash
      .update(`${relative(ROOT, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The bundled CLI module for the current sources: lib/ when current, else one bundled now. */
export async function bundledCli() {
  const dir = await currentBundle();
  // The render pool starts its worker threads from the bundle too.
  globalThis[Symbol.for('jianbao.bundle')] = dir;
  return import(pathToFileURL(join(dir, 'cli.mjs')).href);
}

/** The folder of the bundle of the current sources: lib/ when current, else one bundled now. */
export async function currentBundle() {
  const hash = sourceHash();
  const current = readStamp(LIB) === hash;
  let dir = LIB;
  if (!current) {
    // The cached bundle embeds absolute module URLs, so the checkout's place is part of its key:
    // worktrees sharing one node_modules must not load each other's bundles.
    const key = createHash('sha256').update(`${ROOT}\0${hash}`).digest('hex').slice(0, 16);
    const cache = join(ROOT, 'node_modules', '.cache', 'jianbao');
    dir = join(cache, key);
    if (!existsSync(join(dir, 'cli.mjs'))) {
      await writeBundle(dir, { hash, urls: 'absolute' });
      writeFileSync(join(dir, CHECKOUT), ROOT);
      // Bundles of this checkout's older sources are never used again; another checkout's (a
      // worktree sharing node_modules) may be in use.
      for (const name of readdirSync(cache)) {
        if (/^[0-9a-f]{16}$/.test(name) && name !== key && readCheckout(join(cache, name)) !== 'other')
          rmSync(join(cache, name), { recursive: true, force: true });
      }
    }
  }
  return dir;
}

/** The file in a cached bundle naming the checkout it was made from. */
const CHECKOUT = 'checkout';

/** Whether the cached bundle in `dir` is this checkout's, another's, or unknown (made before it was noted). */
function readCheckout(dir) {
  try {
    return readFileSync(join(dir, CHECKOUT), 'utf8') === ROOT ? 'this' : 'other';
  } catch {
    return 'unknown';
  }
}

function readStamp(dir) {
  try {
    return readFileSync(join(dir, STAMP), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Bundle src/ into `dir`, replacing it whole. `urls: 'relative'` makes each module's
 * `import.meta.url` relative to the bundle, so lib/ works wherever the package is installed;
 * `'absolute'` names the source files themselves, for a bundle kept outside the checkout's tree.
 */
export async function writeBundle(dir, { hash = sourceHash(), urls = 'relative' } = {}) {
  const esbuild = await import('esbuild');
  const temporary = `${dir}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: {
      cli: join(SRC, 'cli', 'main.ts'),
      'render-worker': join(SRC, 'markdown', 'render-worker.ts'),
    },
    outdir: temporary,
    // The same bundle from whatever folder the first run starts in: esbuild writes each module's
    // path, in a comment, relative to the working folder.
    absWorkingDir: ROOT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Dynamic imports (the PDF step and puppeteer) stay separate chunks, loaded only when used.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies are bundled too: loading hundreds of small ESM files costs each start (and
    // each render thread) a tenth of a second. Left out: what has binaries, reads its own
    // package files or is loaded only for PDFs, photos or office files.
    external: [
      'puppeteer-core',
      '@sparticuz/chromium',
      'tar-fs',
      'pagefind',
      'esbuild',
      'tsx',
      'pdf-lib',
      'chokidar',
      'fsevents',
      'sharp',
      'exceljs',
      'mammoth',
    ],
    // For CommonJS dependencies that call require().
    banner: { js: "import { createRequire as __jianbaoRequire } from 'node:module'; const require = __jianbaoRequire(import.meta.url);" },
    logLevel: 'silent',
    plugins: [keepModuleUrls(dir, urls)],
  });
  // esbuild's service process is not needed again.
  esbuild.stop();
  writeFileSync(join(temporary, STAMP), `${hash}\n`);
  try {
    renameSync(temporary, dir);
  } catch {
    if (readStamp(dir) === hash) {
      // Another run finished the same bundle first.
      rmSync(temporary, { recursive: true, force: true });
      return;
    }
    // An older bundle (lib/ after the sources changed) is swapped out whole.
    const old = `${dir}.${process.pid}.old`;
    renameSync(dir, old);
    renameSync(temporary, dir);
    rmSync(old, { recursive: true, force: true });
  }
}

/**
 * Each module keeps its own `import.meta.url`, so paths such as `new URL('../../templates',
 * import.meta.url)` resolve as they do from the source file.
 */
function keepModuleUrls(dir, urls) {
  return {
    name: 'keep-module-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const url =
          urls === 'absolute'
            ? JSON.stringify(pathToFileURL(args.path).href)
            : `new URL(${JSON.stringify(relative(dir, args.path).split('\\').join('/'))}, import.meta.url).href`;
        return { contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}
