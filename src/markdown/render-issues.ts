import os from 'node:os';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { type MessageData, restoreMessage } from '../report/message-data.ts';
import type { BuildCache } from '../cache/build-cache.ts';
import { renderToStore } from './render-to-store.ts';
import type { Processor } from './processor.ts';
import type { Issue, RenderedIssue } from '../model.ts';
import { problemsIn } from '../report/messages.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';
import { createRenderPool } from './render-pool.ts';

/** Issues in flight at once: enough to keep the workers and the disk busy. */
const CONCURRENCY = 16;

export interface RenderIssuesOptions {
  readonly processor: Processor;
  /** The content folder, for worker threads' own processors. */
  readonly root: string;
  /** Where unchanged issues come from; without one every issue is rendered. */
  readonly cache?: BuildCache | undefined;
  /**
   * Worker threads to render on when there are many issues to render; 0 renders on this thread.
   * @default os.availableParallelism()
   */
  readonly workers?: number;
  /**
   * From how many issues to render it pays to start worker threads, each of which loads the
   * pipeline anew; fewer render on this thread.
   * @default 64
   */
  readonly poolFrom?: number;
  /** Called after each issue, rendered or taken from the cache. */
  readonly onIssue?: (done: number, total: number) => void;
}

export interface RenderIssuesResult {
  /** The issues that rendered without fatal problems, in the order given. */
  readonly issues: readonly RenderedIssue[];
  /**
   * One file per issue; their messages are the problems found, except the warnings kept in the
   * cache (an unchanged issue's, and those a render worker stored with a fresh issue), put on
   * their files by `restore`.
   */
  readonly files: readonly VFile[];
  /**
   * Put the warnings kept in the cache on their files, once: read only when needed, as a build
   * prints them from the text stored with them.
   */
  readonly restore: () => void;
  /**
   * The warnings of one of `files`, those kept in the cache read anew and not put on it: a build
   * storing every issue's warnings holds one chunk's at a time.
   */
  readonly warningsOf: (file: VFile) => readonly VFileMessage[];
  /** Whether all of the file's warnings are those kept in the cache with its issue: it carries none of its own. */
  readonly onlyStored: (file: VFile) => boolean;
  /** How many issues went through the Markdown pipeline. */
  readonly rendered: number;
  /** How many came unchanged from the cache. */
  readonly skipped: number;
}

/**
 * Markdown → HTML for every issue, taking an issue from the cache when its Markdown and the
 * files it embeds are unchanged, and rendering the others on worker threads when there are
 * many. Issues that rendered without errors are cached with their warnings, which are shown
 * again on every build until they are fixed.
 */
export async function renderIssues(issues: readonly Issue[], options: RenderIssuesOptions): Promise<RenderIssuesResult> {
  const { processor, cache, onIssue } = options;
  // A cached issue's text is not read: its file only carries its warnings.
  const files = issues.map((issue) => new VFile({ path: issue.source }));
  const pending = new Map<VFile, () => readonly MessageData[]>();
  const restore = () => {
    for (const [file, warnings] of pending) for (const warning of warnings()) restoreMessage(file, warning);
    pending.clear();
  };
  const warningsOf = (file: VFile) => {
    const warnings = pending.get(file);
    if (!warnings) return problemsIn([file]).warnings;
    const copy = new VFile({ path: file.path });
    copy.messages.push(...file.messages);
    for (const warning of warnings()) restoreMessage(copy, warning);
    return problemsIn([copy]).warnings;
  };
  let done = 0;
  const tick = () => onIssue?.(++done, issues.length);

  const cached = await mapConcurrent(issues, CONCURRENCY, async (issue, index) => {
    const hit = await cache?.issue(issue);
    if (!hit) return undefined;
    cache!.release(issue);
    pending.set(files[index]!, hit.warnings);
    tick();
    return hit.rendered;
  });
  const misses = issues.flatMap((_issue, index) => (cached[index] ? [] : [index]));

  // Fewer issues than `poolFrom` render here: a worker thread would spend longer starting.
  const poolFrom = options.poolFrom ?? 64;
  const size = misses.length < poolFrom ? 0 : Math.min(options.workers ?? os.availableParallelism(), Math.ceil(misses.length / poolFrom));
  // Each issue is stored where it renders, so that this thread does not create its files.
  const store = cache?.renderStore;
  const pool = size > 0 ? createRenderPool({ root: options.root, size, store }) : undefined;
  try {
    const fresh = await mapConcurrent(misses, CONCURRENCY, async (index) => {
      const issue = issues[index]!;
      const file = files[index]!;
      file.value = issue.markdown;
      const result = pool ? await pool.render(issue, file) : await renderToStore(processor, issue, file, store);
      tick();
      if (!result) return undefined;
      if (!('stored' in result)) return { ...result.render, issue };
      // A worker stores the warnings with the issue's cache entry rather than sending them.
      const kept = pool && cache!.storedWarnings(issue, result.stored);
      if (kept) pending.set(file, kept);
      // Stored, its HTML is kept on disk from here on rather than in memory (see `keepIssue`), and
      // its text is read again only if asked for; the file carries its messages alone.
      const stored = cache!.keepIssue(issue, result.stored);
      cache!.release(issue);
      file.value = '';
      return stored;
    });
    for (const [position, index] of misses.entries()) cached[index] = fresh[position];
  } finally {
    await pool?.close();
  }
  return {
    issues: cached.filter((result) => result !== undefined),
    files,
    restore,
    warningsOf,
    onlyStored: (file) => pending.has(file) && file.messages.length === 0,
    rendered: misses.length,
    skipped: issues.length - misses.length,
  };
}
