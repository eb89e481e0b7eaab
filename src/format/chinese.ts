import type { DistributionEntry, Issue } from '../model.ts';

/** `2021-11-29` → `2021年11月29日` (no zero padding, as official documents write dates). */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** `2021年第11期`, `2021年增刊第1期`. */
export function issueNumber(issue: Pick<Issue, 'year' | 'number' | 'supplement'>): string {
  return `${issue.year}年${issue.supplement ? '增刊' : ''}第${issue.number}期`;
}

type Numbered = Pick<Issue, 'year' | 'number' | 'supplement' | 'special'>;

/** `2021年第11期`; a special issue's name comes first: `防汛专刊 2021年第5期`. */
export function issueName(issue: Numbered): string {
  return issue.special ? `${issue.special} ${issueNumber(issue)}` : issueNumber(issue);
}

/** `梅州市城镇老旧小区改造工作简报 2021年第11期`: the issue's title on a page, a PDF and a feed. */
export function documentTitle(issue: Numbered & Pick<Issue, 'title'>): string {
  return `${issue.title} ${issueName(issue)}`;
}

/** `2021年第11期 总第18期`, `2021年增刊第1期` (a supplement may have no total). */
export function issueLabel(issue: Numbered & Pick<Issue, 'total'>): string {
  return withTotal(issueName(issue), issue);
}

/** `2021年第11期 总第18期` without a special issue's name: a masthead's issue line, which prints under the name. */
export function issueLine(issue: Pick<Issue, 'year' | 'number' | 'supplement' | 'total'>): string {
  return withTotal(issueNumber(issue), issue);
}

function withTotal(name: string, issue: Pick<Issue, 'total'>): string {
  return issue.total === undefined ? name : `${name} 总第${issue.total}期`;
}

/** `正勇、王晖。` from a list; a string is kept as written and closed with `。` if it lacks one. */
export function formatRecipients(recipients: DistributionEntry['recipients']): string {
  const text = typeof recipients === 'string' ? recipients.trim() : recipients.join('、');
  return /[。.]$/.test(text) ? text : `${text}。`;
}
