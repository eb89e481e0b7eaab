import { issueLabel } from '../format/chinese.ts';
import { TABLE_DIRECTIVE } from '../table/table-directive.ts';
import type { NextIssue } from './next-issue.ts';

/** The CSV file the skeleton's table reads, beside the Markdown file. */
export const PROGRESS_CSV = 'progress.csv';

/**
 * A new issue's Markdown: frontmatter without distribution (the series defaults apply), one
 * article with a subhead and a table. It passes `jianbao check` as written.
 */
export function issueSkeleton(next: NextIssue): string {
  return `---
# ${issueLabel(next)}
year: ${next.year}
${next.supplement ? 'supplement' : 'number'}: ${next.number}
${next.total === undefined ? '' : `total: ${next.total}\n`}date: ${next.date}
# title, issuer and distribution come from bulletin.yaml unless given here
---

## 文章标题第一行 / 文章标题第二行

导语：请在此填写正文。

### 一、小标题

请在此填写正文。

::${TABLE_DIRECTIVE.name}{src="${PROGRESS_CSV}" header-rows="1"}
`;
}

/** A starter table whose 合计 row matches its column sums. */
export function progressSkeleton(): string {
  return `序号,区县名称,涉及户数（户）,小区数（个）
1,甲县,0,0
2,乙县,0,0
合计,,0,0
`;
}
