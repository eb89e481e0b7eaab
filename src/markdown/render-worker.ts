// A worker thread of the render pool: renders issues' Markdown with its own processor and sends
// back the result and the file's messages. Started by render-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { createProcessor } from './processor.ts';
import { renderIssue } from './render-issue.ts';
import { toMessageData } from '../report/message-data.ts';
import type { RenderedIssue } from '../model.ts';
import type { WorkerReply, WorkerRequest } from './render-pool.ts';

const processor = createProcessor({ root: (workerData as { root: string }).root });

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
    const rendered = await renderIssue(processor, issue, file);
    const messages = file.messages.map(toMessageData);
    reply = { id, render: rendered && withoutIssue(rendered), messages };
  } catch (error) {
    reply = { id, error: error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) } };
  }
  parentPort!.postMessage(reply);
}

function withoutIssue({ issue: _issue, ...render }: RenderedIssue): Omit<RenderedIssue, 'issue'> {
  return render;
}
