import { wilsonInterval, Z_95 } from './wilson';

describe('wilsonInterval', () => {
  // Newcombe, "Two-sided confidence intervals for the single proportion", Stat. Med. 1998;17:857–872, worked examples,
  // method 3 (score interval without continuity correction), z = 1.96, four decimals. 8/10 is the usual textbook
  // example: p = .8, centre = (.8 + .19208) / 1.38416 = .71674, half = 1.41602 · √(.016 + .009604) = .22658.
  it.each([
    [8, 10, 0.4902, 0.9433],
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → [%d, %d]', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n, 1.96);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('uses z = 1.959964 by default: the 95 % two-sided quantile', () => {
    expect(Z_95).toBe(1.959964);
    const interval = wilsonInterval(8, 10);
    expect(interval.low).toBeCloseTo(0.490162, 6);
    expect(interval.high).toBeCloseTo(0.943318, 6);
  });

  it('stays inside [0, 1] and keeps width at 0 % and 100 %', () => {
    expect(wilsonInterval(0, 5)).toEqual({ low: 0, high: expect.closeTo(0.434482, 6) });
    expect(wilsonInterval(5, 5)).toEqual({ low: expect.closeTo(0.565518, 6), high: 1 });
  });

  it('is symmetric: failures give the mirrored interval', () => {
    const a = wilsonInterval(3, 11);
    const b = wilsonInterval(8, 11);
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });

  it.each([
    [1, 0],
    [-1, 5],
    [6, 5],
    [1.5, 5],
    [1, 2.5],
  ])('refuses %d of %d', (successes, n) => {
    expect(() => wilsonInterval(successes, n)).toThrow(RangeError);
  });
});
