export interface ProportionInterval {
  low: number;
  high: number;
}

/** Two-sided 95 % quantile of the standard normal distribution. */
export const Z_95 = 1.959964;

/**
 * Wilson score interval of the proportion successes / n (KPI-DEFINITIONS §6: CSAT %). Unlike p ± z·√(p(1−p)/n)
 * it stays inside [0, 1] and does not collapse to a point at 0 % or 100 %, which matters for small groups.
 *
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): ProportionInterval {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, not ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n)
    throw new RangeError(`successes must be an integer from 0 to ${n}, not ${successes}`);
  if (!(z > 0)) throw new RangeError(`z must be positive, not ${z}`);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 (p = 1) the lower (upper) bound is exactly 0 (1); floating point would leave a residue.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
