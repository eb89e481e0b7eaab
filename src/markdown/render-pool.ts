import type { Worker } from 'node:worker_threads';
import type { VFile } from 'vfile';
import { restoreMessage, type MessageData } from '../report/message-data.ts';
import type { RenderStore } from '../cache/store-render.ts';
import type { Issue } from '../model.ts';
import { reportProblem } from '../report/messages.ts';
import { onInterrupt } from '../util/interrupt.ts';
import { startWorker } from '../util/start-worker.ts';
import type { RenderResult } from './render-to-store.ts';

/** What a worker starts with: the content folder, and the store it puts rendered issues in (see `RenderStore`). */
export interface WorkerData {
  readonly root: string;
  readonly store: { readonly dir: string; readonly entries: boolean } | undefined;
}

/** What the main thread sends a worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly issue: Issue;
}

/**
 * What a worker sends back: that it has started on an issue (its time limit runs from then), then
 * the result (stored, so without its HTML, when the pool has a store) and the messages.
 */
export type WorkerReply =
  | { readonly id: number; readonly started: true }
  | { readonly id: number; readonly result: RenderResult; readonly messages: readonly MessageData[] }
  | { readonly id: number; readonly error: { readonly message: string; readonly stack?: string | undefined } };

/** Markdown → HTML on worker threads, one processor per thread. */
export interface RenderPool {
  /** Render `issue` and store it, as `renderToStore` does; its problems are messages on `file`. */
  render(issue: Issue, file: VFile): Promise<RenderResult>;
  close(): Promise<void>;
}

/** How long one issue may take on a worker before it is stopped; a 10 MB issue takes about 35 s. */
export const RENDER_TIME_LIMIT_MS = 180_000;

export interface RenderPoolOptions {
  readonly root: string;
  readonly size: number;
  /**
   * Milliseconds one issue may render before its worker is stopped, replaced, and the issue
   * reported as an error at its first line.
   * @default RENDER_TIME_LIMIT_MS
   */
  readonly timeLimitMs?: number;
  /** Where the workers store what they render (see `renderToStore`); without one they send it all back. */
  readonly store?: RenderStore | undefined;
}

interface Job {
  readonly id: number;
  readonly issue: Issue;
  readonly file: VFile;
  readonly resolve: (value: RenderResult) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Issues a worker holds at once: the one it renders and the next, so that it goes on to the next
 * without waiting for this thread to hand it over — with every core rendering, this thread may
 * wait for a core before it can.
 */
const AHEAD = 2;

/**
 * Start `size` worker threads. From the esbuild bundle a worker loads the bundled worker script;
 * from source (tsx, vitest) it registers tsx first, which costs each worker a few tenths of a
 * second, so callers use a pool only for many issues. Each worker renders one issue at a time
 * (with the next one waiting, see `AHEAD`), so that an issue that takes longer than the time
 * limit can be stopped alone with its worker; the issue waiting there goes to another.
 */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const timeLimitMs = options.timeLimitMs ?? RENDER_TIME_LIMIT_MS;
  const { store } = options;
  const workerData: WorkerData = { root: options.root, store: store && { dir: store.blobs.dir, entries: store.entries } };
  // V8's default young generation: a 96 MB one (set here before) cost no less CPU at 1,000 issues
  // (10.5–11.0 s user against 12.5–13.2 s, interleaved) and held 65 MB more RSS (388 against
  // 323 MB).
  const start = (): Worker => startWorker('render-worker', new URL('./render-worker.ts', import.meta.url), { workerData });

  const waiting: Job[] = [];
  /** Each worker's issues, in the order it renders them; the first one's time limit runs from its start. */
  const held = new Map<Worker, { jobs: Job[]; timer?: NodeJS.Timeout }>();
  let nextId = 0;
  let failure: Error | undefined;
  let closed = false;

  const dispatch = (): void => {
    // Every worker gets an issue before any gets a second, so that a few issues spread out.
    for (let depth = 1; depth <= AHEAD; depth++) {
      for (const [worker, { jobs }] of held) {
        if (failure || waiting.length === 0) return;
        if (jobs.length >= depth) continue;
        const job = waiting.shift()!;
        jobs.push(job);
        worker.postMessage({ id: job.id, issue: job.issue } satisfies WorkerRequest);
      }
    }
  };

  /** The worker's first issue, done or stopped: its time limit no longer runs. */
  const finish = (worker: Worker): Job | undefined => {
    const running = held.get(worker);
    if (!running) return undefined;
    clearTimeout(running.timer);
    running.timer = undefined;
    return running.jobs.shift();
  };

  const timeOut = (worker: Worker): void => {
    const job = finish(worker);
    // The issues waiting on this worker go first to the others.
    waiting.unshift(...(held.get(worker)?.jobs ?? []));
    held.delete(worker);
    void worker.terminate();
    if (!closed) add();
    if (job) {
      const seconds = Math.round(timeLimitMs / 100) / 10;
      reportProblem(
        job.file,
        `Cannot render this issue within ${seconds} s, the limit for one issue; its Markdown may nest too deep or be too dense for the parser (look for long runs of \`*\`, \`[\`, \`>\` or list markers), or split it into smaller issues`,
        { place: { line: 1, column: 1 }, ruleId: 'markdown-too-slow' },
      );
      job.resolve(undefined);
    }
    dispatch();
  };

  const add = (): void => {
    const worker = start();
    held.set(worker, { jobs: [] });
    worker.on('message', (reply: WorkerReply) => {
      const running = held.get(worker);
      if ('started' in reply) {
        if (running?.jobs[0]?.id === reply.id) running.timer = setTimeout(() => timeOut(worker), timeLimitMs);
        return;
      }
      if (running?.jobs[0]?.id !== reply.id) return;
      const job = finish(worker)!;
      dispatch();
      if ('error' in reply) {
        const error = new Error(`${job.issue.source}: ${reply.error.message}`);
        if (reply.error.stack) error.stack = reply.error.stack;
        job.reject(error);
        return;
      }
      for (const data of reply.messages) restoreMessage(job.file, data);
      job.resolve(reply.result);
    });
    worker.on('error', (error) => {
      failure = error;
      const jobs = [...waiting.splice(0), ...[...held.values()].flatMap((running) => running.jobs.splice(0))];
      for (const running of held.values()) clearTimeout(running.timer);
      for (const job of jobs) job.reject(error);
    });
  };
  for (let index = 0; index < options.size; index++) add();
  const close = async () => {
    closed = true;
    forget();
    await Promise.all([...held.keys()].map((worker) => worker.terminate()));
  };
  // Ctrl-C stops the workers before the folder they store into is removed (the cleanups run newest first).
  const forget = onInterrupt(close);

  return {
    render(issue, file) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ id: nextId++, issue, file, resolve, reject });
        dispatch();
      });
    },
    close,
  };
}
