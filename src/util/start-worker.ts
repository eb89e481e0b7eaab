import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Set by bin/fast-start.js: the folder holding the bundled workers, when running from the bundle. */
const BUNDLE = Symbol.for('jianbao.bundle');

/** tsx's ESM loader API, found from here so that a worker needs no particular working folder. */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/**
 * Start a worker thread running `source` (a worker module's `import.meta.url`-based URL), or,
 * from the esbuild bundle, `<bundle>/<name>.mjs` (an entry point in bin/fast-start.js). From
 * source (tsx, vitest) the worker registers tsx first, which costs it a few tenths of a second.
 */
export function startWorker(name: string, source: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  const bundle = (globalThis as Record<symbol, unknown>)[BUNDLE] as string | undefined;
  return bundle
    ? new Worker(pathToFileURL(`${bundle}/${name}.mjs`), options)
    : new Worker(`import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`, {
        ...options,
        eval: true,
      });
}
