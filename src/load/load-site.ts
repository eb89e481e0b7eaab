import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Issue, Series } from '../model.ts';
import { findIssueFiles } from './find-issues.ts';
import { loadIssue } from './load-issue.ts';
import { readIssueFile } from './read-issue-file.ts';
import { loadSeries, SERIES_FILE } from './load-series.ts';

/** Everything the build reads from the content folder, before rendering. */
export interface Site {
  readonly contentDir: string;
  readonly series?: Series;
  /** Valid issues, newest first (by cumulative number). */
  readonly issues: readonly Issue[];
  /** One file per input read; their messages are the problems found. */
  readonly files: readonly VFile[];
}

export async function loadSite(contentDir: string): Promise<Site> {
  const [{ file: seriesFile, series }, paths] = await Promise.all([loadSeries(join(contentDir, SERIES_FILE)), findIssueFiles(contentDir)]);
  const issueFiles = paths.map(readIssueFile);
  const files: VFile[] = [seriesFile, ...issueFiles];
  const issues: Issue[] = [];
  for (const file of issueFiles) {
    const issue = series && file.messages.length === 0 ? loadIssue(file, series) : undefined;
    if (issue) issues.push(issue);
  }
  issues.sort((a, b) => b.total - a.total || b.date.localeCompare(a.date));
  return { contentDir, series, issues, files };
}
