import type { Worker } from 'node:worker_threads';
import type { OutputFile } from '../model.ts';
import { startWorker } from '../util/start-worker.ts';
import { closeSearch, SearchIndexError, searchBundle } from './pagefind.ts';

/** What the main thread sends a worker: a bundle's pages to index, or that it is done. */
export type SearchRequest = { readonly type: 'index'; readonly pages: readonly OutputFile[] } | { readonly type: 'close' };

/** What a worker sends back: the bundle's files, Pagefind's errors, or another failure. */
export type SearchReply =
  | { readonly files: OutputFile[] }
  | { readonly errors: readonly string[] }
  | { readonly error: { readonly message: string; readonly stack?: string | undefined } };

/**
 * A bundle this small is indexed in less time than a worker thread takes to start (a tenth of a
 * second from the bundle, a few from source), so it waits for a Pagefind process already running.
 */
const WORKER_MIN_PAGES = 16;

/** Pagefind processes indexing bundles side by side. */
export interface PagefindPool {
  /** The bundle of `pages`, as `searchBundle` makes it. */
  index(pages: readonly OutputFile[]): Promise<OutputFile[]>;
  /** Stop every Pagefind process and worker started. */
  close(): Promise<void>;
  /** How many worker threads (each with its Pagefind process) it has started. */
  readonly workers: number;
}

interface Job {
  readonly pages: readonly OutputFile[];
  readonly resolve: (files: OutputFile[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Up to `size` Pagefind processes: the pagefind module keeps one process a thread, and that
 * process indexes one page at a time, so a build's bundles indexed "at once" by one process
 * use one core. The first is this thread's own; each other runs on a worker thread, started
 * only when a bundle of at least WORKER_MIN_PAGES pages finds every process busy (so neither a
 * one-year re-index nor a small site starts one).
 */
export function pagefindPool(size: number): PagefindPool {
  const waiting: Job[] = [];
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  let ownBusy = false;
  let ownUsed = false;

  const start = (): Worker => {
    const worker = startWorker('search-worker', new URL('./search-worker.ts', import.meta.url));
    worker.on('message', (reply: SearchReply) => {
      const job = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (!job) return;
      if ('files' in reply) job.resolve(reply.files);
      else if ('errors' in reply) job.reject(new SearchIndexError(reply.errors));
      else job.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
      dispatch();
    });
    // A worker that failed is not used again; close() stops it.
    worker.on('error', (error) => {
      busy.get(worker)?.reject(error);
      busy.delete(worker);
    });
    workers.push(worker);
    return worker;
  };

  const dispatch = (): void => {
    while (waiting.length > 0) {
      if (!ownBusy) {
        const job = waiting.shift()!;
        ownBusy = true;
        ownUsed = true;
        searchBundle(job.pages)
          .then(job.resolve, job.reject)
          .finally(() => {
            ownBusy = false;
            dispatch();
          });
        continue;
      }
      const index = waiting.findIndex((job) => idle.length > 0 || (workers.length < size - 1 && job.pages.length >= WORKER_MIN_PAGES));
      if (index === -1) return;
      const [job] = waiting.splice(index, 1);
      const worker = idle.pop() ?? start();
      busy.set(worker, job!);
      worker.postMessage({ type: 'index', pages: job!.pages } satisfies SearchRequest);
    }
  };

  return {
    get workers() {
      return workers.length;
    },
    index(pages) {
      return new Promise((resolve, reject) => {
        waiting.push({ pages, resolve, reject });
        dispatch();
      });
    },
    async close() {
      await Promise.all([
        ownUsed ? closeSearch() : undefined,
        ...workers.map(async (worker) => {
          const exited = new Promise((resolve) => worker.once('exit', resolve));
          worker.postMessage({ type: 'close' } satisfies SearchRequest);
          // A worker that does not stop by itself (it failed to start) is stopped.
          await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
          await worker.terminate();
        }),
      ]);
    },
  };
}
