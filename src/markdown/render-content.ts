import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
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
  /**
   * One file per issue of `site.issues`, in its order; its messages are the problems rendering
   * found, the warnings kept in the cache once `warnings` put them there.
   */
  readonly issueFiles: readonly VFile[];
  /** The warnings of one of `issueFiles`, without putting those kept in the cache on it (see `RenderIssuesResult.warningsOf`). */
  readonly warningsOf: (file: VFile) => readonly VFileMessage[];
  /** Whether all of the warnings of one of `issueFiles` are kept in the cache (see `RenderIssuesResult.onlyStored`). */
  readonly onlyStored: (file: VFile) => boolean;
  /** How many of the warnings are not on `issueFiles` (the loaded files', other checked files', links'). */
  readonly otherWarnings: number;
  /**
   * `warnings`, a file's at a time, in the same order, without putting those kept in the cache on
   * their files: an archive's run to hundreds of thousands, which `check` prints as they come.
   */
  readonly warningsByFile: () => Generator<readonly VFileMessage[]>;
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
  const all = [...files, ...site.links];
  // The cached issues' warnings are not errors: the errors are known without them.
  const { errors } = problemsIn(all);
  let warnings: readonly VFileMessage[] | undefined;
  const issueFiles = new Set(render.files);
  return {
    site,
    issues: render.issues,
    rendered: render.rendered,
    skipped: render.skipped,
    issueFiles: render.files,
    warningsOf: render.warningsOf,
    onlyStored: render.onlyStored,
    otherWarnings: problemsIn(all.filter((file) => !issueFiles.has(file))).warnings.length,
    *warningsByFile() {
      for (const file of all) yield render.warningsOf(file);
    },
    errors,
    // Made when asked for: a partial rebuild prints most from the text stored with them.
    get warnings() {
      if (!warnings) {
        render.restore();
        warnings = problemsIn(all).warnings;
      }
      return warnings;
    },
  };
}
