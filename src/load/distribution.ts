import type { DistributionEntry } from '../model.ts';

type Recipients = DistributionEntry['recipients'];

export function toEntries(map: Readonly<Record<string, Recipients>>): DistributionEntry[] {
  return Object.entries(map).map(([role, recipients]) => ({ role, recipients }));
}

/** Where a role stands in the 版记: to the levels above (报送), to those below (发送), to others (抄送). */
const ROLE_ORDER: Readonly<Record<string, number>> = { 报送: 0, 主送: 0, 发送: 1, 分送: 1, 抄送: 2 };

/**
 * An issue's roles replace the series defaults role by role, keeping the defaults' order; a role
 * it leaves empty (null) is left out. A role the defaults lack goes where the 版记 has it, before
 * the first of theirs that comes after it (an issue's 发送 before the series' 抄送); one of
 * another name follows them, in the order.
 */
export function mergeDistribution(defaults: readonly DistributionEntry[], overrides: Readonly<Record<string, Recipients | null>> = {}): DistributionEntry[] {
  const merged = defaults.flatMap(({ role, recipients }) => (overrides[role] === null ? [] : [{ role, recipients: overrides[role] ?? recipients }]));
  const known = new Set(defaults.map((entry) => entry.role));
  for (const [role, recipients] of Object.entries(overrides)) {
    if (recipients === null || known.has(role)) continue;
    const rank = ROLE_ORDER[role];
    const before = rank === undefined ? -1 : merged.findIndex((entry) => (ROLE_ORDER[entry.role] ?? -1) > rank);
    merged.splice(before === -1 ? merged.length : before, 0, { role, recipients });
  }
  return merged;
}
