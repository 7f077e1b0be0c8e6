import type { KpiTarget } from '@relais/contracts';
import type { WeeklyDetail } from './kpi.service';
import { buildReview } from './review';

const week = (start: string, week: string, extra: Partial<WeeklyDetail>): WeeklyDetail => ({
  week,
  start,
  cases: 10,
  transfersMean: 0,
  pingPongShare: 0,
  repeatRate: 0,
  reopenRate: 0,
  provisional: false,
  surveys: 6,
  csatMean: 0.9,
  csatShare: 0.9,
  csatScale: null,
  ...extra,
});
const CSAT_MEAN: KpiTarget = { indicator: 'csatMean', target: 4, alertLevel: 3.5, direction: 'higher', updatedAt: '' };

describe('buildReview', () => {
  it('gives no status to a csatMean on the normalised score (answers on mixed scales)', () => {
    const review = buildReview([week('2025-01-06', '2025-W02', {})], [CSAT_MEAN], '2025-01-06', 7);
    expect(review.indicators[0]).toMatchObject({ value: 0.9, status: null });
  });

  it('holds a csatMean on one scale against its target', () => {
    const review = buildReview(
      [week('2025-01-06', '2025-W02', { csatMean: 4.2, csatScale: 5 })],
      [CSAT_MEAN],
      '2025-01-06',
      7,
    );
    expect(review.indicators[0]).toMatchObject({ value: 4.2, status: 'ok' });
  });

  it('crosses the ISO year: the week before 2026-W01 is 2025-W52', () => {
    const review = buildReview([week('2025-12-29', '2026-W01', { csatScale: 5 })], [CSAT_MEAN], '2025-12-29', 7);
    expect(review.week).toBe('2026-W01');
    expect(review.indicators[0].previous.week).toBe('2025-W52');
    expect(review.indicators[0].series[0]).toMatchObject({ week: '2025-W42', start: '2025-10-13' });
  });
});
