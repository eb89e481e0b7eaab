import { stat } from 'node:fs/promises';
import { checkNumbering } from '../load/check-numbering.ts';
import { loadSite, type Site } from '../load/load-site.ts';
import { createProcessor } from '../markdown/processor.ts';
import type { RenderedIssue } from '../model.ts';
import { renderIssues } from '../build/render-issues.ts';
import type { BuildCache } from '../cache/build-cache.ts';
import { problemsIn, reportProblem, type Problems } from '../report/messages.ts';

/** Everything `check` and `build` learn from the content folder, before anything is written. */
export interface Validation extends Problems {
  readonly site: Site;
  /** The issues whose Markdown rendered, newest first. */
  readonly issues: readonly RenderedIssue[];
  /** How many issues went through the Markdown pipeline; the others came from the cache. */
  readonly rendered: number;
  readonly skipped: number;
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

/** The content folder read and its archive-wide checks run, before any Markdown renders. */
export interface LoadedContent extends Problems {
  readonly site: Site;
}

/**
 * Run every check a build runs — series file, frontmatter, numbering across the archive, the
 * Markdown pipeline with its tables, links and images — and collect every problem, not only
 * the first. Writes nothing. Messages come file by file, in path order.
 */
export async function validateContent(contentDir: string, options: ValidateOptions = {}): Promise<Validation> {
  return renderContent(await loadContent(contentDir), options);
}

/** Read the series file and every issue's frontmatter, and check the numbering across the archive. */
export async function loadContent(contentDir: string): Promise<LoadedContent> {
  if (!(await stat(contentDir).then((found) => found.isDirectory(), () => false))) {
    throw new Error(`Cannot find the content folder ${contentDir}/; pass --content DIR, or run jianbao where content/ is`);
  }
  const site = await loadSite(contentDir);
  const loaded = new Map(site.files.map((file) => [file.path, file]));
  // An issue file that failed to load may hold the number a gap is missing.
  const complete = site.issues.length === site.files.length - 1;
  for (const problem of checkNumbering(site.issues, { gaps: complete })) {
    const file = loaded.get(problem.source);
    if (file) reportProblem(file, problem.reason, { place: problem.place, ruleId: problem.ruleId });
  }
  return { site, ...problemsIn([...site.files, ...site.links]) };
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
  return { site, issues: render.issues, rendered: render.rendered, skipped: render.skipped, ...problemsIn([...files, ...site.links]) };
}
