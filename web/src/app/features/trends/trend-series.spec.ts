import { WeeklyKpiPoint } from '@relais/contracts';
import { TREND_WEEKS, trendPoints } from './trend-series';

const point = (
  week: string,
  start: string,
  cases: number,
  repeatRate: number,
  extra: Partial<WeeklyKpiPoint> = {},
) => ({
  week,
  start,
  cases,
  transfersMean: 1,
  pingPongShare: 0.1,
  repeatRate,
  provisional: false,
  surveys: 6,
  csatMean: 4.2,
  csatShare: 0.5,
  ...extra,
});

describe('trendPoints', () => {
  const weeks: WeeklyKpiPoint[] = [
    point('2025-W47', '2025-11-17', 90, 0.2),
    point('2026-W45', '2026-11-02', 100, 0.1),
    point('2026-W47', '2026-11-16', 80, 0.15, { provisional: true, surveys: 3, csatShare: null }),
  ];
  const points = trendPoints(weeks, 'repeatRate');

  it('spans the 52 weeks up to the latest week with cases, gaps included', () => {
    // 52 weeks ending 2026-W47 start at 2025-W48 (2026-W47 minus 51 weeks: 2025-11-24).
    expect(points).toHaveLength(TREND_WEEKS);
    expect(points[0].week).toBe('2025-W48');
    expect(points.at(-1)).toEqual(
      expect.objectContaining({ week: '2026-W47', value: 0.15, basis: 80, provisional: true }),
    );
    expect(points.at(-2)).toEqual(expect.objectContaining({ week: '2026-W46', value: null, basis: 0 }));
  });

  it('puts the same ISO week one year earlier beside each week, when the data has it', () => {
    expect(points.at(-1)?.yearBefore).toEqual({ week: '2025-W47', value: 0.2, basis: 90, provisional: false });
    expect(points.at(-3)?.yearBefore).toBeNull();
  });

  it('rests satisfaction on the answers, with no value below 5 answers', () => {
    const csat = trendPoints(weeks, 'csatShare');
    expect(csat.at(-1)).toEqual(expect.objectContaining({ value: null, basis: 3 }));
    expect(csat.at(-3)).toEqual(expect.objectContaining({ value: 0.5, basis: 6 }));
  });

  it('has no points without data', () => {
    expect(trendPoints([], 'transfersMean')).toEqual([]);
  });
});
