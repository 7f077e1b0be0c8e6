/**
 * KPI-DEFINITIONS §7: means and rates to 6 decimals, hours and scores to 4, counts exact. The same formula as the
 * server's rounding, so that both sides turn an equal value into equal digits.
 */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}

export const roundRate = (value: number): number => roundTo(value, 6);
export const roundHours = (value: number): number => roundTo(value, 4);
export const roundScore = roundHours;

/** Mean of a list; 0 for an empty list (a rate over no case is reported as 0). */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : 0;
}

/** Share of items that satisfy `test`; 0 for an empty list. */
export function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length ? items.filter(test).length / items.length : 0;
}

/**
 * Continuous percentile as PostgreSQL's percentile_cont (§5): pos = p·(n−1),
 * v[⌊pos⌋] + (pos − ⌊pos⌋)·(v[⌈pos⌉] − v[⌊pos⌋]) over the sorted values. Null for an empty list.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lower = sorted[Math.floor(pos)];
  const upper = sorted[Math.ceil(pos)];
  return lower + (upper - lower) * (pos - Math.floor(pos));
}
