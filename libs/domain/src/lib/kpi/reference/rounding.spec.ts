import { percentileCont, roundHours, roundRate, roundTo } from './rounding';

describe('rounding (§7)', () => {
  it.each([
    [2 / 3, 6, 0.666667],
    [1 / 128, 6, 0.007813], // 0.0078125 exactly: half rounds up
    [1.00005, 4, 1.0001], // 1.00005 is stored just below; the epsilon keeps it up, as on the server
    [0.5648148148, 4, 0.5648],
    [0, 6, 0],
  ])('roundTo(%d, %d) = %d', (value, digits, expected) => {
    expect(roundTo(value, digits)).toBe(expected);
  });

  it('rounds rates to 6 decimals and hours to 4', () => {
    expect(roundRate(1 / 3)).toBe(0.333333);
    expect(roundHours(5400.5 / 3600)).toBe(1.5001);
  });
});

describe('percentileCont (PostgreSQL percentile_cont)', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.9, 7],
    [[1, 3], 0.5, 2], // pos 0.5
    [[4, 1, 3, 2], 0.5, 2.5], // sorted 1,2,3,4; pos 1.5
    [[10, 20, 30, 40, 50], 0.9, 46], // pos 3.6: 40 + 0.6 · 10
    [[0, 3600, 7200, 36000], 0.9, 27360], // pos 2.7: 7200 + 0.7 · 28800
  ])('%j at %d is %d', (values, p, expected) => {
    const result = percentileCont(values, p);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 9);
  });
});
