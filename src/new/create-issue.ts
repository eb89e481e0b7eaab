import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueSlug } from '../load/issue-slug.ts';
import { loadSite } from '../load/load-site.ts';
import { ContentError, fatalMessages } from '../report/messages.ts';
import { nextIssue, type NextIssue } from './next-issue.ts';
import { issueSkeleton, PROGRESS_CSV, progressSkeleton } from './skeleton.ts';

export interface CreatedIssue extends NextIssue {
  /** `content/2022/1/index.md`. */
  readonly path: string;
}

/**
 * Write the next issue's skeleton at `<content>/<year>/<number>/index.md` (`<year>/s<number>/`
 * for a supplement), with its starter CSV beside it. Throws ContentError when an existing issue cannot be read (its numbers are
 * needed), and an Error when a file to write already exists: nothing is overwritten.
 */
export async function createIssue(contentDir: string, date: string, options: { readonly supplement?: boolean } = {}): Promise<CreatedIssue> {
  const site = await loadSite(contentDir);
  const errors = fatalMessages(site.files);
  if (errors.length > 0) throw new ContentError(errors);

  const next = nextIssue(site.issues, date, { supplement: options.supplement, supplementsInTotal: site.series?.supplementsCountInTotal });
  const folder = join(contentDir, String(next.year), issueSlug(next));
  const files = [
    { path: join(folder, 'index.md'), contents: issueSkeleton(next) },
    { path: join(folder, PROGRESS_CSV), contents: progressSkeleton() },
  ];
  for (const file of files) {
    if (
      await stat(file.path).then(
        () => true,
        () => false,
      )
    ) {
      throw new Error(`${file.path} already exists; \`jianbao new\` never overwrites a file: move it away or write the issue by hand`);
    }
  }
  await mkdir(folder, { recursive: true });
  // `wx` fails rather than overwrite a file that appeared since the check.
  for (const file of files) await writeFile(file.path, file.contents, { flag: 'wx' });
  return { ...next, path: files[0]!.path };
}
