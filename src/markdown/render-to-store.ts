import type { VFile } from 'vfile';
import { type RenderStore, type StoredRender, storeRender } from '../cache/store-render.ts';
import type { Issue, RenderedIssue } from '../model.ts';
import { toMessageData } from '../report/message-data.ts';
import { printedText, problemsIn } from '../report/messages.ts';
import type { Processor } from './processor.ts';
import { renderIssue } from './render-issue.ts';

/**
 * An issue rendered for a build: undefined when it cannot be rendered; stored (see
 * `storeRender`) when there is a store and it rendered with warnings at most; else as rendered.
 */
export type RenderResult = { readonly stored: StoredRender } | { readonly render: Omit<RenderedIssue, 'issue'> } | undefined;

/**
 * `renderIssue`, then `storeRender` on the same thread: a render worker and a build rendering
 * on its main thread both go through here, and the main thread then only notes the stored
 * issue (`BuildCache.keepIssue`). An issue with errors (or notes) is not stored, so the next build
 * shows them again.
 */
export async function renderToStore(processor: Processor, issue: Issue, file: VFile, store: RenderStore | undefined): Promise<RenderResult> {
  const rendered = await renderIssue(processor, issue, file);
  if (!rendered) return undefined;
  const { issue: _issue, ...render } = rendered;
  if (!store || !file.messages.every((message) => message.fatal === false)) return { render };
  // Printed only for the cache's store, which keeps them (see `ISSUE_PARTS`).
  const printed = store.entries ? printedText(problemsIn([file]).warnings) : '';
  const warnings = { data: file.messages.map(toMessageData), printed };
  return { stored: await storeRender(store, render, issue.markdown, warnings, file.data.dependencyHashes) };
}
