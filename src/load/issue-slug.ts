import type { Issue } from '../model.ts';

/**
 * An issue's number as its folder and file names write it, distinct within a year: `11` for
 * 第11期, `s1` for 增刊第1期 (ASCII, so every server and archive tool takes it).
 */
export function issueSlug(issue: Pick<Issue, 'number' | 'supplement'>): string {
  return `${issue.supplement ? 's' : ''}${issue.number}`;
}
