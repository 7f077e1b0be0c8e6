/** KPI-DEFINITIONS §7: means and rates to 6 decimals, hours and scores to 4. */
export const rate = (value: number | string | null): number => round(value, 6);
export const hours = (value: number | string | null): number => round(value, 4);
export const score = hours;

function round(value: number | string | null, digits: number): number {
  const n = Number(value ?? 0);
  const factor = 10 ** digits;
  return Math.round((n + Number.EPSILON) * factor) / factor;
}
