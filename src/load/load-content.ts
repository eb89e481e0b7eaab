import { problemsIn, reportProblem, type Problems } from '../report/messages.ts';
import { checkNumbering, repeatedNumbers } from './check-numbering.ts';
import { reportUnknownRoles } from './distribution.ts';
import { type LoadMemo, loadSite, type Site } from './load-site.ts';

/** The content folder read and its archive-wide checks run, before any Markdown renders. */
export interface LoadedContent extends Problems {
  readonly site: Site;
}

/**
 * Read the series file and every issue's frontmatter (an unchanged issue's as `memo` remembers
 * it), and check the numbering across the archive.
 */
export async function loadContent(contentDir: string, memo?: LoadMemo): Promise<LoadedContent> {
  const site = await loadSite(contentDir, memo);
  const loaded = new Map(site.files.map((file) => [file.path, file]));
  // An issue file whose frontmatter has other errors still counts by the numbers it gives right;
  // one that gives none may hold the number a gap is missing, and gaps are then not told.
  const fillers = site.placeholders
    .filter((issue) => issue.year > 0 && issue.number > 0)
    .map((issue) => ({ ...issue, total: issue.total === 0 ? undefined : issue.total }));
  const complete = site.issues.length + fillers.length === site.files.length - 1;
  const numbering = [
    ...checkNumbering(site.issues, { gaps: complete, fillers, supplementsInTotal: site.series?.supplementsCountInTotal ?? false }),
    ...repeatedNumbers(site.issues, site.placeholders),
  ];
  for (const problem of numbering) {
    const file = loaded.get(problem.source);
    if (file) reportProblem(file, problem.reason, { place: problem.place, ruleId: problem.ruleId });
  }
  // Here, not as an issue loads: an issue unchanged since the last build is not loaded again, and its warnings print on every build.
  const seriesRoles = new Set(site.series?.distribution.map((entry) => entry.role));
  for (const issue of site.issues) {
    const file = loaded.get(issue.source);
    const added = issue.distribution.map((entry) => entry.role).filter((role) => !seriesRoles.has(role));
    if (file) reportUnknownRoles(added, file, (role) => issue.places?.[`distribution.${role}`] ?? issue.places?.['distribution']);
  }
  return { site, ...problemsIn([...site.files, ...site.links]) };
}
