import type { TargetStatus } from '@relais/contracts';
import { alertOnBadSide, targetStatus, type TargetRule } from './target-status';

const LOWER: TargetRule = { target: 0.5, alertLevel: 1, direction: 'lower' };
const HIGHER: TargetRule = { target: 0.8, alertLevel: 0.6, direction: 'higher' };

describe('targetStatus', () => {
  it.each<[string, TargetRule, number | null, TargetStatus | null]>([
    // Lower is better: ok ≤ 0.5 < warning < 1 ≤ alert.
    ['lower, well below the target', LOWER, 0, 'ok'],
    ['lower, exactly on the target', LOWER, 0.5, 'ok'],
    ['lower, just above the target', LOWER, 0.500001, 'warning'],
    ['lower, just below the alert level', LOWER, 0.999999, 'warning'],
    ['lower, exactly on the alert level', LOWER, 1, 'alert'],
    ['lower, beyond the alert level', LOWER, 3, 'alert'],
    ['lower, no value', LOWER, null, null],
    // Higher is better: alert ≤ 0.6 < warning < 0.8 ≤ ok.
    ['higher, well above the target', HIGHER, 1, 'ok'],
    ['higher, exactly on the target', HIGHER, 0.8, 'ok'],
    ['higher, just below the target', HIGHER, 0.799999, 'warning'],
    ['higher, just above the alert level', HIGHER, 0.600001, 'warning'],
    ['higher, exactly on the alert level', HIGHER, 0.6, 'alert'],
    ['higher, beyond the alert level', HIGHER, 0, 'alert'],
    ['higher, no value', HIGHER, null, null],
    // Target = alert level: no warning band, and on it is ok.
    ['lower, target = alert level, on it', { target: 1, alertLevel: 1, direction: 'lower' }, 1, 'ok'],
    ['lower, target = alert level, above', { target: 1, alertLevel: 1, direction: 'lower' }, 1.1, 'alert'],
    ['higher, target = alert level, on it', { target: 4, alertLevel: 4, direction: 'higher' }, 4, 'ok'],
    ['higher, target = alert level, below', { target: 4, alertLevel: 4, direction: 'higher' }, 3.9, 'alert'],
  ])('%s', (_, rule, value, expected) => {
    expect(targetStatus(value, rule)).toBe(expected);
  });
});

describe('alertOnBadSide', () => {
  it.each<[TargetRule, boolean]>([
    [LOWER, true],
    [{ ...LOWER, alertLevel: 0.5 }, true],
    [{ ...LOWER, alertLevel: 0.4 }, false],
    [HIGHER, true],
    [{ ...HIGHER, alertLevel: 0.8 }, true],
    [{ ...HIGHER, alertLevel: 0.9 }, false],
  ])('%j → %p', (rule, expected) => {
    expect(alertOnBadSide(rule)).toBe(expected);
  });
});
