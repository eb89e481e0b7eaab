import type { VFile } from 'vfile';
import type { LoadedContent } from '../load/load-content.ts';
import type { Site } from '../load/load-site.ts';
import { createProcessor } from './processor.ts';
import type { RenderedIssue } from '../model.ts';
import { renderIssues } from './render-issues.ts';
import type { BuildCache } from '../cache/build-cache.ts';
import { problemsIn, type Problems } from '../report/messages.ts';

/** Everything `check` and `build` learn from the content folder, before anything is written. */
export interface Validation extends Problems {
  readonly site: Site;
  /** The issues whose Markdown rendered, newest first. */
  readonly issues: readonly RenderedIssue[];
  /** How many issues went through the Markdown pipeline; the others came from the cache. */
  readonly rendered: number;
  readonly skipped: number;
  /** One file per issue of `site.issues`, in its order; its messages are the problems rendering found. */
  readonly issueFiles: readonly VFile[];
}

export interface ValidateOptions {
  /** Unchanged issues are taken from it: their checks passed when they were stored. */
  readonly cache?: BuildCache;
  /** Called after each issue, for a progress display. */
  readonly onIssue?: (done: number, total: number) => void;
  /**
   * Worker threads to render on when many issues need rendering; 0 renders on this thread.
   * @default os.availableParallelism()
   */
  readonly workers?: number;
}

/**
 * Run the loaded issues' Markdown through the pipeline, with its checks; the Markdown of issues
 * whose frontmatter has errors too, with nothing cached or kept from it.
 */
export async function renderContent({ site }: LoadedContent, options: ValidateOptions = {}): Promise<Validation> {
  const processor = createProcessor({ root: site.contentDir });
  const render = await renderIssues(site.issues, { processor, root: site.contentDir, ...options });
  const checked = await renderIssues(site.placeholders, { processor, root: site.contentDir, workers: options.workers });
  const processed = new Map([...render.files, ...checked.files].map((file) => [file.path, file]));

  const files = site.files.flatMap((file) => {
    const rendered = processed.get(file.path);
    return rendered ? [file, rendered] : [file];
  });
  return {
    site,
    issues: render.issues,
    rendered: render.rendered,
    skipped: render.skipped,
    issueFiles: render.files,
    ...problemsIn([...files, ...site.links]),
  };
}
