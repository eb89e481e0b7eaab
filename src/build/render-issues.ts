import { VFile } from 'vfile';
import type { BuildCache } from '../cache/build-cache.ts';
import { renderIssue } from '../markdown/render-issue.ts';
import type { Processor } from '../markdown/processor.ts';
import type { Issue, RenderedIssue } from '../model.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';

/** Issues in flight at once: rendering is CPU-bound, this hides the file reads around it. */
const CONCURRENCY = 16;

export interface RenderIssuesOptions {
  readonly processor: Processor;
  /** Where unchanged issues come from; without one every issue is rendered. */
  readonly cache?: BuildCache | undefined;
  /** Called after each issue, rendered or taken from the cache. */
  readonly onIssue?: (done: number, total: number) => void;
}

export interface RenderIssuesResult {
  /** The issues that rendered without fatal problems, in the order given. */
  readonly issues: readonly RenderedIssue[];
  /** One file per issue; their messages are the problems found. */
  readonly files: readonly VFile[];
  /** How many issues went through the Markdown pipeline. */
  readonly rendered: number;
  /** How many came unchanged from the cache. */
  readonly skipped: number;
}

/**
 * Markdown → HTML for every issue, taking an issue from the cache when its Markdown and the
 * files it embeds are unchanged. Only issues that rendered without any message are cached, so
 * a warning is shown on every build until it is fixed.
 */
export async function renderIssues(issues: readonly Issue[], options: RenderIssuesOptions): Promise<RenderIssuesResult> {
  const { processor, cache, onIssue } = options;
  const files = issues.map((issue) => new VFile({ path: issue.source, value: issue.markdown }));
  let rendered = 0;
  let done = 0;
  const results = await mapConcurrent(issues, CONCURRENCY, async (issue, index) => {
    const cached = await cache?.issue(issue.source, issue.markdown);
    let result: RenderedIssue | undefined;
    if (cached) {
      result = { ...cached, issue };
    } else {
      rendered++;
      const file = files[index]!;
      result = await renderIssue(processor, issue, file);
      if (result && file.messages.length === 0) await cache?.storeIssue(result);
    }
    onIssue?.(++done, issues.length);
    return result;
  });
  return {
    issues: results.filter((result) => result !== undefined),
    files,
    rendered,
    skipped: issues.length - rendered,
  };
}
