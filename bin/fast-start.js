// Start-up without tsx: src/ bundled once by esbuild into node_modules/.cache/jianbao/, keyed by
// a hash of every source file, and loaded as plain JavaScript. Loading through tsx costs ~0.3 s on
// every run, more than a whole incremental build. Any failure here falls back to tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
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
  for (const file of files) hash.update(`${file.slice(SRC.length)}\0`).update(readFileSync(file)).update('\0');
  const dir = join(ROOT, 'node_modules', '.cache', 'jianbao');
  const bundle = join(dir, `cli-${hash.digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(bundle)) {
    const esbuild = await import('esbuild');
    mkdirSync(dir, { recursive: true });
    const temporary = `${bundle}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [join(SRC, 'cli.ts')],
      outfile: temporary,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      plugins: [keepModuleUrls],
    });
    renameSync(temporary, bundle);
    // Bundles of older sources are never used again.
    for (const name of readdirSync(dir)) {
      if (name.startsWith('cli-') && name.endsWith('.mjs') && join(dir, name) !== bundle) rmSync(join(dir, name), { force: true });
    }
  }
  return import(pathToFileURL(bundle).href);
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
