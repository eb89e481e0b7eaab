import type { DistributionEntry, Issue } from '../model.ts';

/** `2021-11-29` → `2021年11月29日` (no zero padding, as official documents write dates). */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** `梅州市城镇老旧小区改造工作简报 2021年第11期`: the issue's title on a page, a PDF and a feed. */
export function documentTitle(issue: Pick<Issue, 'title' | 'year' | 'number'>): string {
  return `${issue.title} ${issue.year}年第${issue.number}期`;
}

/** `2021年第11期 总第18期`. */
export function issueLabel(issue: Pick<Issue, 'year' | 'number' | 'total'>): string {
  return `${issue.year}年第${issue.number}期 总第${issue.total}期`;
}

/** `正勇、王晖。` from a list; a string is kept as written and closed with `。` if it lacks one. */
export function formatRecipients(recipients: DistributionEntry['recipients']): string {
  const text = typeof recipients === 'string' ? recipients.trim() : recipients.join('、');
  return /[。.]$/.test(text) ? text : `${text}。`;
}
