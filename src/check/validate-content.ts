import { VFile } from 'vfile';
import { checkNumbering } from '../load/check-numbering.ts';
import { loadSite, type Site } from '../load/load-site.ts';
import { createProcessor } from '../markdown/processor.ts';
import { renderIssue } from '../markdown/render-issue.ts';
import type { RenderedIssue } from '../model.ts';
import { problemsIn, reportProblem, type Problems } from '../report/messages.ts';

/** Everything `check` and `build` learn from the content folder, before anything is written. */
export interface Validation extends Problems {
  readonly site: Site;
  /** The issues whose Markdown rendered, newest first. */
  readonly issues: readonly RenderedIssue[];
}

/**
 * Run every check a build runs — series file, frontmatter, numbering across the archive, the
 * Markdown pipeline with its tables, links and images — and collect every problem, not only
 * the first. Writes nothing. Messages come file by file, in path order.
 */
export async function validateContent(contentDir: string): Promise<Validation> {
  const site = await loadSite(contentDir);
  const loaded = new Map(site.files.map((file) => [file.path, file]));
  // An issue file that failed to load may hold the number a gap is missing.
  const complete = site.issues.length === site.files.length - 1;
  for (const problem of checkNumbering(site.issues, { gaps: complete })) {
    const file = loaded.get(problem.source);
    if (file) reportProblem(file, problem.reason, { place: problem.place, ruleId: problem.ruleId });
  }

  const processor = createProcessor({ root: contentDir });
  const processed = new Map<string, VFile>();
  const issues: RenderedIssue[] = [];
  for (const issue of site.issues) {
    const file = new VFile({ path: issue.source, value: issue.markdown });
    processed.set(issue.source, file);
    const rendered = await renderIssue(processor, issue, file);
    if (rendered) issues.push(rendered);
  }

  const files = site.files.flatMap((file) => {
    const rendered = processed.get(file.path);
    return rendered ? [file, rendered] : [file];
  });
  return { site, issues, ...problemsIn(files) };
}
