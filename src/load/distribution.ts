import type { DistributionEntry } from '../model.ts';

type Recipients = DistributionEntry['recipients'];

export function toEntries(map: Readonly<Record<string, Recipients>>): DistributionEntry[] {
  return Object.entries(map).map(([role, recipients]) => ({ role, recipients }));
}

/**
 * An issue's roles replace the series defaults role by role, keeping the defaults' order; a role
 * it leaves empty (null) is left out; roles the defaults lack follow in the issue's order.
 */
export function mergeDistribution(defaults: readonly DistributionEntry[], overrides: Readonly<Record<string, Recipients | null>> = {}): DistributionEntry[] {
  const merged = defaults.flatMap(({ role, recipients }) => (overrides[role] === null ? [] : [{ role, recipients: overrides[role] ?? recipients }]));
  const known = new Set(defaults.map((entry) => entry.role));
  const added = Object.entries(overrides).flatMap(([role, recipients]) => (recipients === null || known.has(role) ? [] : [{ role, recipients }]));
  return [...merged, ...added];
}
