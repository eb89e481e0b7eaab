import type { DistributionEntry } from '../model.ts';

type Recipients = DistributionEntry['recipients'];

export function toEntries(map: Readonly<Record<string, Recipients>>): DistributionEntry[] {
  return Object.entries(map).map(([role, recipients]) => ({ role, recipients }));
}

/**
 * An issue's roles replace the series defaults role by role, keeping the defaults' order;
 * roles the defaults lack follow in the issue's order.
 */
export function mergeDistribution(defaults: readonly DistributionEntry[], overrides: Readonly<Record<string, Recipients>> = {}): DistributionEntry[] {
  const merged = defaults.map(({ role, recipients }) => ({ role, recipients: overrides[role] ?? recipients }));
  const known = new Set(defaults.map((entry) => entry.role));
  return [...merged, ...toEntries(overrides).filter((entry) => !known.has(entry.role))];
}
