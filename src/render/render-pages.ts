import type { RenderedIssue, Series } from '../model.ts';
import type { TemplateEngine } from './engine.ts';
import { issueView, rootFrom } from './page-data.ts';

/** A file the build writes, relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string | Uint8Array;
}

/** One page per issue, and the home page listing every issue newest first. */
export function renderPages(engine: TemplateEngine, series: Series, issues: readonly RenderedIssue[]): OutputFile[] {
  const views = issues.map(issueView);
  const pages = views.map((issue) => ({
    path: `${issue.path}index.html`,
    contents: engine.render('issue.njk', { series, issue, root: rootFrom(issue.path) }),
  }));
  return [...pages, { path: 'index.html', contents: engine.render('index.njk', { series, issues: views, root: '' }) }];
}
