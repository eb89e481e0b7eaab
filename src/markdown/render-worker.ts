// A worker thread of the render pool: renders issues' Markdown with its own processor, stores
// what it rendered in the build's blob store, and sends back the result and the file's messages
// (but for warnings stored in the issue's cache entry).
// Started by render-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { BlobStore } from '../cache/blob-store.ts';
import { createProcessor } from './processor.ts';
import { renderToStore } from './render-to-store.ts';
import { toMessageData } from '../report/message-data.ts';
import type { WorkerData, WorkerReply, WorkerRequest } from './render-pool.ts';

const { root, store } = workerData as WorkerData;
const processor = createProcessor({ root });
const renderStore = store && { blobs: new BlobStore(store.dir), entries: store.entries };

// One issue at a time: interleaved at their awaits, several issues' trees would be alive at every
// garbage collection and be copied by it.
let queue = Promise.resolve();
parentPort!.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => render(request));
});

async function render({ id, issue }: WorkerRequest): Promise<void> {
  parentPort!.postMessage({ id, started: true } satisfies WorkerReply);
  let reply: WorkerReply;
  try {
    const file = new VFile({ path: issue.source, value: issue.markdown });
    const result = await renderToStore(processor, issue, file, renderStore);
    // Warnings stored with the issue's cache entry stay there: the main thread reads them when it
    // reports them, rather than holding every issue's (330,000 at 10,000 synthetic issues).
    const kept = result !== undefined && 'stored' in result && result.stored.entry !== undefined;
    reply = { id, result, messages: kept ? [] : file.messages.map(toMessageData) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } };
  }
  parentPort!.postMessage(reply);
}
