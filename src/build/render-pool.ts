import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { restoreMessage, type MessageData } from '../report/message-data.ts';
import type { Issue, RenderedIssue } from '../model.ts';

/** What the main thread sends a worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly issue: Issue;
}

/** What a worker sends back: the rendered issue without its model, and the messages. */
export type WorkerReply =
  | { readonly id: number; readonly render: Omit<RenderedIssue, 'issue'> | undefined; readonly messages: readonly MessageData[] }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string | undefined } };

/** Markdown → HTML on worker threads, one processor per thread. */
export interface RenderPool {
  /** Render `issue`; its problems are messages on `file`, as with `renderIssue`. */
  render(issue: Issue, file: VFile): Promise<RenderedIssue | undefined>;
  close(): Promise<void>;
}

/** tsx's ESM loader API, found from here so that a worker needs no particular working folder. */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}

/** Set by bin/fast-start.js: the folder holding the bundled worker, when running from the bundle. */
const BUNDLE = Symbol.for('jianbao.bundle');

/**
 * Start `size` worker threads. From the esbuild bundle a worker loads the bundled worker script;
 * from source (tsx, vitest) it registers tsx first, which costs each worker a few tenths of a
 * second, so callers use a pool only for many issues.
 */
export function createRenderPool(options: { readonly root: string; readonly size: number }): RenderPool {
  const bundle = (globalThis as Record<symbol, unknown>)[BUNDLE] as string | undefined;
  const workerData = { root: options.root };
  // A larger young generation: an issue's trees are alive at every collection, and each one
  // copies them; fewer collections, fewer copies.
  const resourceLimits = { maxYoungGenerationSizeMb: 96 };
  const start = (): Worker =>
    bundle
      ? new Worker(pathToFileURL(`${bundle}/render-worker.mjs`), { workerData, resourceLimits })
      : new Worker(
          `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./render-worker.ts', import.meta.url).href)}); });`,
          { eval: true, workerData, resourceLimits },
        );

  const pending = new Map<number, { issue: Issue; file: VFile; resolve: (value: RenderedIssue | undefined) => void; reject: (error: Error) => void }>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let failure: Error | undefined;

  const workers = Array.from({ length: options.size }, () => {
    const worker = start();
    load.set(worker, 0);
    worker.on('message', (reply: WorkerReply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if ('error' in reply) {
        const error = new Error(`${job.issue.source}: ${reply.error.message}`);
        if (reply.error.stack) error.stack = reply.error.stack;
        job.reject(error);
        return;
      }
      for (const data of reply.messages) restoreMessage(job.file, data);
      job.resolve(reply.render && { ...reply.render, issue: job.issue });
    });
    worker.on('error', (error) => {
      failure = error;
      for (const job of pending.values()) job.reject(error);
      pending.clear();
    });
    return worker;
  });

  return {
    render(issue, file) {
      if (failure) return Promise.reject(failure);
      // The least busy worker takes the issue.
      const worker = workers.reduce((best, candidate) => (load.get(candidate)! < load.get(best)! ? candidate : best));
      load.set(worker, load.get(worker)! + 1);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { issue, file, resolve, reject });
        worker.postMessage({ id, issue } satisfies WorkerRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
