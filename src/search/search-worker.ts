// A worker thread of the Pagefind pool: its own Pagefind process (the pagefind module keeps one
// a thread) indexes the bundles it is sent. Started by pagefind-pool.ts.
import { parentPort } from 'node:worker_threads';
import { closeSearch, SearchIndexError, searchBundle } from './pagefind.ts';
import type { SearchReply, SearchRequest } from './pagefind-pool.ts';

let queue = Promise.resolve();
parentPort!.on('message', (request: SearchRequest) => {
  queue = queue.then(() => (request.type === 'close' ? close() : index(request.pages)));
});

async function index(pages: Extract<SearchRequest, { type: 'index' }>['pages']): Promise<void> {
  let reply: SearchReply;
  try {
    // Copied, not transferred: small Buffers share Node's pooled memory.
    reply = { files: await searchBundle(pages) };
  } catch (error) {
    reply =
      error instanceof SearchIndexError
        ? { errors: error.errors }
        : { error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } };
  }
  parentPort!.postMessage(reply);
}

async function close(): Promise<void> {
  await closeSearch();
  parentPort!.close();
}
