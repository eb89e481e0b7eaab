// Start-up without tsx: src/ bundled once by esbuild into node_modules/.cache/jianbao/, keyed by
// a hash of every source file, and loaded as plain JavaScript. Loading through tsx costs ~0.3 s on
// every run, more than a whole incremental build. Any failure here falls back to tsx.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

/** The bundled CLI module for the current sources, built when missing. */
export async function bundledCli() {
  const hash = createHash('sha256');
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  // The bundle embeds absolute module URLs (see keepModuleUrls), so the checkout's place is part
  // of the key: worktrees sharing one node_modules must not load each other's bundles.
  hash.update(`${ROOT}\0`);
  // This file's own bundling options are part of the key too.
  for (const file of [fileURLToPath(import.meta.url), ...files]) hash.update(`${file.slice(SRC.length)}\0`).update(readFileSync(file)).update('\0');
  const cache = join(ROOT, 'node_modules', '.cache', 'jianbao');
  const dir = join(cache, hash.digest('hex').slice(0, 16));
  if (!existsSync(join(dir, 'cli.mjs'))) {
    const esbuild = await import('esbuild');
    const temporary = `${dir}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: { cli: join(SRC, 'cli', 'main.ts'), 'render-worker': join(SRC, 'markdown', 'render-worker.ts') },
      outdir: temporary,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // Dynamic imports (the PDF step and puppeteer) stay separate chunks, loaded only when used.
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Dependencies are bundled too: loading hundreds of small ESM files costs each start (and
      // each render thread) a tenth of a second. Left out: what has binaries, reads its own
      // package files or is loaded only for PDFs (tar-fs: CommonJS whose named exports a bundle loses).
      external: ['puppeteer-core', '@sparticuz/chromium', 'tar-fs', 'pagefind', 'esbuild', 'tsx', 'pdf-lib', 'chokidar', 'fsevents'],
      // For CommonJS dependencies that call require().
      banner: { js: "import { createRequire as __jianbaoRequire } from 'node:module'; const require = __jianbaoRequire(import.meta.url);" },
      logLevel: 'silent',
      plugins: [keepModuleUrls],
    });
    try {
      renameSync(temporary, dir);
    } catch {
      // Another run finished the same bundle first.
      rmSync(temporary, { recursive: true, force: true });
    }
    // Bundles of older sources are never used again.
    for (const name of readdirSync(cache)) {
      if (/^[0-9a-f]{16}$|^cli-/.test(name) && join(cache, name) !== dir) rmSync(join(cache, name), { recursive: true, force: true });
    }
  }
  // The render pool starts its worker threads from the bundle too.
  globalThis[Symbol.for('jianbao.bundle')] = dir;
  return import(pathToFileURL(join(dir, 'cli.mjs')).href);
}

/**
 * Each module keeps its own `import.meta.url`, so paths such as `new URL('../../templates',
 * import.meta.url)` resolve as they do from the source file.
 */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};
