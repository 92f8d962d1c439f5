import { monthOf } from '../../domain/incident-measures.ts';

/** One contributing factor (or marked why-tree node) with when its incident happened. */
export interface CategorisedFactor {
  category: string;
  occurredAt: Date;
}

/** Counts of contributing-factor categories per month (UTC), months in order, categories by name. */
export function countFactorCategories(
  factors: readonly CategorisedFactor[],
): Array<{ month: string; counts: Record<string, number> }> {
  const months = new Map<string, Record<string, number>>();
  for (const factor of factors) {
    const month = monthOf(factor.occurredAt);
    const counts = months.get(month) ?? {};
    counts[factor.category] = (counts[factor.category] ?? 0) + 1;
    months.set(month, counts);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, counts]) => ({ month, counts }));
}
