import type { TargetDirection, TargetStatus } from '@relais/contracts';

export interface TargetRule {
  target: number;
  alertLevel: number;
  direction: TargetDirection;
}

/**
 * Status of a weekly value (contracts TargetStatus). Lower is better: ok ≤ target < warning < alert level ≤ alert.
 * Higher is better: the mirror. On the target is ok, on the alert level is alert; ok wins when the two are equal.
 */
export function targetStatus(value: number | null, rule: TargetRule): TargetStatus | null {
  if (value === null || Number.isNaN(value)) return null;
  const better = rule.direction === 'lower' ? (a: number, b: number) => a <= b : (a: number, b: number) => a >= b;
  if (better(value, rule.target)) return 'ok';
  if (better(rule.alertLevel, value)) return 'alert';
  return 'warning';
}

/** True when the alert level lies on the bad side of the target (or on it). */
export function alertOnBadSide(rule: TargetRule): boolean {
  return rule.direction === 'lower' ? rule.alertLevel >= rule.target : rule.alertLevel <= rule.target;
}
