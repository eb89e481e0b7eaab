import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { issueLabel, issueNumber } from '../format/chinese.ts';
import { issueSlug } from '../load/issue-slug.ts';
import { loadSite, type Site } from '../load/load-site.ts';
import { dateFitsYear } from '../load/schema.ts';
import { ContentError, fatalMessages } from '../report/messages.ts';
import { carryForward } from './carry-forward.ts';
import { newestIssue, nextIssue, type NextIssue } from './next-issue.ts';
import { type IssueContents, issueMarkdown, starterContents } from './skeleton.ts';
import { isInside, realOrSelf } from '../util/inside.ts';

export interface CreatedIssue extends NextIssue {
  /** `content/2022/1/index.md`. */
  readonly path: string;
  /** Every file written, the Markdown file first. */
  readonly files: readonly string[];
}

export interface CreateIssueOptions {
  /**
   * Start the year's next supplement (增刊) rather than its next regular issue.
   * @default false
   */
  readonly supplement?: boolean;
  /**
   * What the issue holds besides its frontmatter, given the archive and the issue's numbers.
   * @default the newest regular issue's tables carried forward (see `carryForward`), else one
   * article and a starter table
   */
  readonly contents?: (site: Site, next: NextIssue) => IssueContents | Promise<IssueContents>;
  /**
   * Numbers the issue is known to have (an imported bulletin's 第N期 and 总第N期, or 增刊第N期),
   * each taken instead of the archive's next. With both (a supplement outside the total: its
   * number), the archive is not asked at all: an old issue being moved into the archive may come
   * before its newest. The year is the date's, or `year` when the date may belong to it: a year's
   * last issue sent out in the first months of the next (`2023年第12期` dated 2024-01-05), in a
   * series that sets `year-end-in-next-year`.
   */
  readonly numbers?: { readonly year?: number | undefined; readonly number?: number | undefined; readonly total?: number | undefined };
}

/**
 * Write the next issue at `<content>/<year>/<number>/index.md` (`<year>/s<number>/` for a
 * supplement), with its files beside it. Throws ContentError when an existing issue cannot be
 * read (its numbers are needed), and an Error when a file to write already exists: nothing is
 * overwritten.
 */
export async function createIssue(contentDir: string, date: string, options: CreateIssueOptions = {}): Promise<CreatedIssue> {
  const site = await loadSite(contentDir);
  const errors = fatalMessages(site.files);
  if (errors.length > 0) throw new ContentError(errors);

  const { number, total } = options.numbers ?? {};
  const given = options.numbers?.year;
  const year = given !== undefined && dateFitsYear(date, given, site.series?.yearEndInNextYear ?? false) ? given : Number(date.slice(0, 4));
  const numbered = number !== undefined && (total !== undefined || (options.supplement && !site.series?.supplementsCountInTotal));
  if (number !== undefined && !numbered) refuseOlderWithoutTotal(site, { year, number, date }, options.supplement ?? false);
  const next: NextIssue = numbered
    ? { year, number, ...(total !== undefined && { total }), ...(options.supplement && { supplement: true }), date }
    : {
        ...nextIssue(site.issues, date, { supplement: options.supplement, supplementsInTotal: site.series?.supplementsCountInTotal }),
        ...(number !== undefined && { number }),
        ...(total !== undefined && { total }),
      };
  const contents = await (options.contents ?? defaultContents)(site, next);
  const folder = join(contentDir, String(next.year), issueSlug(next));
  const files = [
    { path: join(folder, 'index.md'), contents: issueMarkdown(next, contents.body, contents) },
    ...contents.files.map((file) => ({ path: join(folder, file.name), contents: file.contents })),
  ];
  for (const file of files) {
    if (
      await stat(file.path).then(
        () => true,
        () => false,
      )
    ) {
      throw new Error(`${file.path} already exists; jianbao never overwrites a file: move it away or write the issue by hand`);
    }
  }
  // A year folder that is a symlink would put the issue outside the content folder.
  const root = realOrSelf(contentDir);
  const reached = realOrSelf(nearestExisting(folder));
  if (!isInside(root, reached)) {
    throw new Error(`${folder} leads outside the content folder ${contentDir}/ through a symlink (to ${reached}); jianbao writes only inside it`);
  }
  // `wx` fails rather than overwrite a file that appeared since the check.
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents, { flag: 'wx' });
  }
  return { ...next, path: files[0]!.path, files: files.map((file) => file.path) };
}

/**
 * An issue given its number but not its total (a whole bulletin whose masthead has no 总第N期)
 * takes the archive's next total, which is its own only when it is the newest issue: one dated
 * before the newest (an old issue moved into the archive) is refused with what to do, as the
 * archive cannot tell its total.
 */
function refuseOlderWithoutTotal(site: Site, { year, number, date }: { year: number; number: number; date: string }, supplement: boolean): void {
  const newest = newestIssue(site.issues, site.series?.supplementsCountInTotal ?? false);
  if (!newest || date >= newest.date) return;
  const label = issueNumber({ year, number, supplement });
  throw new Error(
    `Expected the 总第N期 of ${label}, dated ${date}, before the newest issue ${issueLabel(newest)} (${newest.source}): the archive's next total is the newest issue's and one, not an older issue's; write its 总第N期 into the bulletin's issue line (${label} 总第N期) and import it again`,
  );
}

/** A regular issue carries the series forward from the newest regular issue; a supplement starts afresh. */
async function defaultContents(site: Site, next: NextIssue): Promise<IssueContents> {
  // Issues are newest first, regular issues before a year's supplements.
  const previous = next.supplement ? undefined : site.issues.find((issue) => !issue.supplement);
  return (previous && (await carryForward(previous, next, site.contentDir))) ?? starterContents(next);
}

/** `path`, or the nearest folder above it that exists: where writing it would start. */
function nearestExisting(path: string): string {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return at;
}
