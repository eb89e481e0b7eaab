import { Document, visit } from 'yaml';
import { issueLabel } from '../format/chinese.ts';
import type { DistributionEntry } from '../model.ts';
import { STARTER_TABLE } from '../table/starter-table.ts';
import { TABLE_DIRECTIVE } from '../table/table-directive.ts';
import type { NextIssue } from './next-issue.ts';

/** The CSV file the skeleton's table reads, beside the Markdown file. */
export const PROGRESS_CSV = 'progress.csv';

/** What goes into a new issue's folder besides its frontmatter. */
export interface IssueContents {
  /** The Markdown after the frontmatter. */
  readonly body: string;
  /** Files beside `index.md` (tables, images), by name relative to the issue's folder. */
  readonly files: readonly { readonly name: string; readonly contents: string | Uint8Array }[];
  /** The issue's own recipients, role by role, where they are not the series defaults (an imported 版记's). */
  readonly distribution?: Distribution | undefined;
  /** A special issue's name (`防汛专刊`, an imported masthead's), written as `special`. */
  readonly special?: string | undefined;
}

/** Role → recipients, as the frontmatter's `distribution` writes them. */
export type Distribution = Readonly<Record<string, DistributionEntry['recipients']>>;

/**
 * A new issue's frontmatter. Without `distribution` the series defaults apply to every role;
 * with it, its roles replace theirs, a list written on one line as issues write it by hand. A
 * `special` issue's name goes above its number.
 */
export function issueFrontmatter(next: NextIssue, { distribution, special }: Pick<IssueContents, 'distribution' | 'special'> = {}): string {
  return `---
# ${issueLabel({ ...next, special })}
year: ${next.year}
${special ? `special: ${special}\n` : ''}${next.supplement ? 'supplement' : 'number'}: ${next.number}
${next.total === undefined ? '' : `total: ${next.total}\n`}date: ${next.date}
# title, issuer and distribution come from bulletin.yaml unless given here
${distribution && Object.keys(distribution).length > 0 ? distributionYaml(distribution) : ''}---
`;
}

function distributionYaml(distribution: Distribution): string {
  const document = new Document({ distribution });
  visit(document, {
    Seq(_, sequence) {
      sequence.flow = true;
    },
  });
  return document.toString({ flowCollectionPadding: false });
}

/** The placeholder article every new issue starts with; its placeholders are warnings until replaced (see remark-placeholders). */
export const STARTER_ARTICLE = `## 文章标题第一行 / 文章标题第二行

导语：请在此填写正文。

### 一、小标题

请在此填写正文。
`;

/**
 * The placeholder article, then a table article for the issue's month with a starter table, as
 * the series' progress tables stand: the next issue carries that article forward, its month
 * moved on (see carry-forward.ts), and not the placeholder. `jianbao check` finds no error in it,
 * and warns of the placeholders left.
 */
export function starterContents(next: NextIssue): IssueContents {
  const [year, month] = next.date.split('-').map(Number);
  return {
    body: `${STARTER_ARTICLE}\n## ${year}年${month}月工作进展情况\n\n::${TABLE_DIRECTIVE.name}{src="${PROGRESS_CSV}" header-rows="1"}\n`,
    files: [{ name: PROGRESS_CSV, contents: STARTER_TABLE }],
  };
}

/** A new issue's Markdown: its frontmatter, then `body` after a blank line. */
export function issueMarkdown(next: NextIssue, body: string, own: Pick<IssueContents, 'distribution' | 'special'> = {}): string {
  return `${issueFrontmatter(next, own)}\n${body}`;
}

/** The starter issue's Markdown (see `starterContents`). */
export function issueSkeleton(next: NextIssue): string {
  return issueMarkdown(next, starterContents(next).body);
}
