import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { Issue, Series } from '../model.ts';
import { reportProblem } from '../report/messages.ts';
import { findIssueFiles, issueFileName, type SkippedLink } from './find-issues.ts';
import type { FolderWalk } from '../util/walk-folder.ts';
import { type LoadedFields, loadIssue, placeholderIssue } from './load-issue.ts';
import { readIssueFile } from './read-issue-file.ts';
import { loadSeries, SERIES_FILE } from './load-series.ts';

/** Everything the build reads from the content folder, before rendering. */
export interface Site {
  readonly contentDir: string;
  readonly series?: Series;
  /** Issues whose frontmatter is valid, newest first (see newestFirst). */
  readonly issues: readonly Issue[];
  /**
   * Issues whose frontmatter has errors, with placeholder values, so that their Markdown is
   * checked too; never published (their errors stop any build).
   */
  readonly placeholders: readonly Issue[];
  /** The series file, then one file per issue file read; their messages are the problems found. */
  readonly files: readonly VFile[];
  /** How many issue files were read: the others were known unchanged by their stat (`LoadMemo.unread`). */
  readonly filesRead: number;
  /** Symbolic links and misnamed issue files passed over, each with a warning. */
  readonly links: readonly VFile[];
}

/**
 * Stands in for a series file with errors, so that its issues are still checked. Its error
 * stops any build, so nothing is published with these values.
 */
const NO_SERIES: Series = { title: '', issuer: '', url: '', distribution: [], source: '' };

/**
 * What an earlier build loaded (the build cache), so that an issue file whose text is unchanged,
 * loaded with the same series, is not parsed and checked again.
 */
export interface LoadMemo {
  /**
   * The issue at `source` as loaded last time with this series, without reading the file, when it
   * is unchanged since by its stat; its `markdown` is read when asked for. Else undefined, and the
   * file is read (after this call's stat).
   */
  unread(source: string, series: Series): Issue | undefined;
  /** The issue loaded from `source` with this text and series, minus the two. */
  recall(source: string, markdown: string, series: Series): LoadedFields | undefined;
  /** Remember an issue just loaded without problems. */
  remember(issue: Issue, series: Series): void;
  /**
   * The issue just loaded as the build holds it, its text read again when asked for, so that the
   * issues waiting to be rendered do not all hold theirs (see `BuildCache.withoutText`).
   */
  withoutText(issue: Issue): Issue;
  /** The content folder as a walk on another thread found it, when it was walked; else it is read. */
  contentWalk?(): Promise<FolderWalk | undefined>;
}

export async function loadSite(contentDir: string, memo?: LoadMemo): Promise<Site> {
  // Here, for every command that reads the archive: `new` and `import` run from a subfolder of
  // the bulletin said only `Cannot find content (ENOENT)`.
  if (
    !(await stat(contentDir).then(
      (found) => found.isDirectory(),
      () => false,
    ))
  ) {
    throw new Error(`Cannot find the content folder ${contentDir}/; pass --content DIR, or run jianbao where content/ is`);
  }
  const [{ file: seriesFile, series }, found] = await Promise.all([
    loadSeries(join(contentDir, SERIES_FILE)),
    memo?.contentWalk?.().then((walk) => findIssueFiles(contentDir, walk)) ?? findIssueFiles(contentDir),
  ]);
  const issues: Issue[] = [];
  const placeholders: Issue[] = [];
  let filesRead = 0;
  // Each file read and loaded before the next is read, so that no more than one text is held here.
  const issueFiles = found.paths.map((path) => {
    const unread = memo?.unread(path, series ?? NO_SERIES);
    if (unread) {
      issues.push(unread);
      // Its messages are those of the archive-wide checks; no one reads its text from here.
      return new VFile({ path });
    }
    const file = readIssueFile(path);
    filesRead++;
    // A file that could not be read as text has nothing to check.
    if (file.messages.length > 0) return file;
    const known = recalled(file, series ?? NO_SERIES, memo);
    const issue = known ?? loadIssue(file, series ?? NO_SERIES);
    if (issue) {
      // A valid issue's loading reports nothing: what is remembered needs no messages replayed.
      if (!known && file.messages.length === 0) memo?.remember(issue, series ?? NO_SERIES);
      issues.push(memo ? memo.withoutText(issue) : issue);
    } else placeholders.push(placeholderIssue(file));
    // The file carries the issue's messages from here on; its text is the issue's to hold or let go.
    file.value = '';
    return file;
  });
  issues.sort(newestFirst);
  const files = [seriesFile, ...issueFiles];
  return {
    contentDir,
    series,
    issues: withPrevious(issues),
    placeholders,
    files,
    filesRead,
    links: [...found.links.map(linkWarning), ...found.misnamed.map(misnamedWarning)],
  };
}

function recalled(file: VFile, series: Series, memo: LoadMemo | undefined): Issue | undefined {
  const markdown = String(file.value);
  const fields = memo?.recall(file.path, markdown, series);
  return fields && { source: file.path, markdown, ...fields };
}

/**
 * The archive's order: years newest first; in a year, regular issues by number, newest first,
 * then its supplements (增刊) the same way; on a tie, the later date first.
 */
export function newestFirst(a: Issue, b: Issue): number {
  return b.year - a.year || Number(Boolean(a.supplement)) - Number(Boolean(b.supplement)) || b.number - a.number || b.date.localeCompare(a.date);
}

/**
 * Each regular issue with the regular issue before it, the next one in newest-first order. The
 * issues were made by this load, so `previous` is set on them: a copy would have to copy an
 * unread text's getter (`LoadMemo.unread`) by its descriptor, which took 167 ms at 10,000 issues.
 */
function withPrevious(issues: Issue[]): Issue[] {
  const regular = issues.filter((issue) => !issue.supplement);
  for (const [index, issue] of regular.entries()) {
    const previous = regular[index + 1];
    if (previous) Object.defineProperty(issue, 'previous', { value: previous.source, enumerable: true });
  }
  return issues;
}

function linkWarning({ path, kind }: SkippedLink): VFile {
  const file = new VFile({ path });
  const reason =
    kind === 'file'
      ? 'Skipped this issue file: it is a symbolic link, and jianbao reads only real files inside the content folder; put the file itself here'
      : 'Skipped this folder: it is a symbolic link, and jianbao reads no issues through links; put the folder itself here';
  reportProblem(file, reason, { place: { line: 1, column: 1 }, ruleId: 'issue-symlink' });
  return file;
}

function misnamedWarning(path: string): VFile {
  const file = new VFile({ path });
  const reason = `Skipped this file: jianbao reads an issue only from a file whose name ends in .md; rename it to ${issueFileName(path)} to publish it (Windows: turn on 文件扩展名 in Explorer's 查看 menu to see the whole name)`;
  reportProblem(file, reason, { place: { line: 1, column: 1 }, ruleId: 'issue-extension' });
  return file;
}
