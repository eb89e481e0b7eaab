import type { VFile } from 'vfile';
import type { DistributionEntry, Place } from '../model.ts';
import { reportProblem } from '../report/messages.ts';

type Recipients = DistributionEntry['recipients'];

export function toEntries(map: Readonly<Record<string, Recipients>>): DistributionEntry[] {
  return Object.entries(map).map(([role, recipients]) => ({ role, recipients }));
}

/**
 * Where a role stands in the 版记: to the levels above (报送), to those below (发送), to others
 * (抄送). Many 简报 write the short 报, 送 (to offices alongside) and 发, in that order.
 */
const ROLE_ORDER: ReadonlyMap<string, number> = new Map(Object.entries({ 报送: 0, 主送: 0, 报: 0, 送: 1, 发送: 2, 分送: 2, 发: 2, 抄送: 3 }));

/**
 * A role the 版记 does not name (`超送`, `报送 ` with a space), which prints as written: a warning
 * at `place`, as a slip in a role's name shows only on paper.
 */
export function reportUnknownRoles(roles: Iterable<string>, file: VFile, place: (role: string) => Place | undefined): void {
  for (const role of roles) {
    if (ROLE_ORDER.has(role)) continue;
    const reason = `Unexpected role “${role}” in the 版记, which prints as written (${role}：…); its roles are 报送, 发送 and 抄送 (主送, 分送, or 报, 送 and 发, too): correct the name if it is a slip`;
    reportProblem(file, reason, { place: place(role), ruleId: 'distribution-role' });
  }
}

/**
 * An issue's roles replace the series defaults role by role, keeping the defaults' order; a role
 * it leaves empty (null) is left out. A role the defaults lack goes where the 版记 has it, before
 * the first of theirs that comes after it (an issue's 发送 before the series' 抄送); one of
 * another name follows them, in the issue's order.
 */
export function mergeDistribution(defaults: readonly DistributionEntry[], overrides: Readonly<Record<string, Recipients | null>> = {}): DistributionEntry[] {
  // A Map, not the object, so that a role named as an object's own property (`constructor`,
  // `toString`) is only the issue's when the issue names it.
  const issue = new Map(Object.entries(overrides));
  const merged = defaults.flatMap(({ role, recipients }) => (issue.get(role) === null ? [] : [{ role, recipients: issue.get(role) ?? recipients }]));
  const known = new Set(defaults.map((entry) => entry.role));
  for (const [role, recipients] of issue) {
    if (recipients === null || known.has(role)) continue;
    const rank = ROLE_ORDER.get(role);
    const before = rank === undefined ? -1 : merged.findIndex((entry) => (ROLE_ORDER.get(entry.role) ?? -1) > rank);
    merged.splice(before === -1 ? merged.length : before, 0, { role, recipients });
  }
  return merged;
}
