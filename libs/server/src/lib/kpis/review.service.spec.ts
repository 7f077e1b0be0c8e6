import type { ReviewIndicator } from '@relais/contracts';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { eventsOf, importFixture } from '../cases/cases.testing';
import { loadConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { TargetsService } from '../targets/targets.service';
import { KpiService } from './kpi.service';
import { InvalidReviewQuery, ReviewService } from './review.service';

/**
 * Hand-computed weekly review (organisation time zone UTC, repeat window 7 days, the migration's targets).
 * Weeks: W06 = 2025-02-03, W08 = 02-17, W09 = 02-24, W10 = 03-03; W07 has no case.
 *
 * - W06  A: N1 → N2 → N3: 2 transfers, no ping-pong.                         transfersMean 2, pingPong 0
 * - W08  B1: N1 → N2 (1 transfer), 4 answers (too few); B2: no assignment.   transfersMean 0.5, csat null
 * - W09  X (k1, billing): N1, reopened; answers 5 5 5 5 4.                   transfersMean 0, reopen 1,
 *        Y1 comes exactly 7 days later (same customer and category): repeat.  repeat 1, csat 4.8 / 1
 * - W10  Y1 (k1, billing): N1 → N2 → N1 (2 transfers, ping-pong), answers 5 5 4 3 1; Y2: N1 only.
 *        transfersMean 1, pingPong 0.5, repeat 0, reopen 0, csatMean 18/5 = 3.6, csatShare 3/5 = 0.6.
 *        Latest event 03-04 09:04: W10 is provisional (created less than 7 days before), W09 is not.
 */
const ev = eventsOf('review');
const created = (caseId: string, ts: string, customerKey: string, category = 'billing') =>
  ev(caseId, ts, 'created', { customerKey, category, channel: 'phone', step: 'new', team: 'N1' });
const assigned = (caseId: string, ts: string, team: string) => ev(caseId, ts, 'assigned', { team, step: 'new' });
const answers = (caseId: string, day: string, scores: number[]) =>
  scores.map((csat, i) => ev(caseId, `${day}T09:0${i}:00Z`, 'survey', { csat, csatScale: 5, step: 'resolved' }));

const FIXTURE = [
  created('A', '2025-02-03T09:00:00Z', 'k-a'),
  assigned('A', '2025-02-03T09:01:00Z', 'N1'),
  assigned('A', '2025-02-03T10:00:00Z', 'N2'),
  assigned('A', '2025-02-03T11:00:00Z', 'N3'),
  created('B1', '2025-02-17T09:00:00Z', 'k-b1'),
  assigned('B1', '2025-02-17T09:01:00Z', 'N1'),
  assigned('B1', '2025-02-17T10:00:00Z', 'N2'),
  ...answers('B1', '2025-02-18', [5, 5, 5, 5]),
  created('B2', '2025-02-18T09:00:00Z', 'k-b2'),
  created('X', '2025-02-24T09:00:00Z', 'k1'),
  assigned('X', '2025-02-24T09:01:00Z', 'N1'),
  ev('X', '2025-02-25T09:00:00Z', 'reopened', { step: 'reopened' }),
  ...answers('X', '2025-02-26', [5, 5, 5, 5, 4]),
  created('Y1', '2025-03-03T09:00:00Z', 'k1'),
  assigned('Y1', '2025-03-03T09:01:00Z', 'N1'),
  assigned('Y1', '2025-03-03T10:00:00Z', 'N2'),
  assigned('Y1', '2025-03-03T11:00:00Z', 'N1'),
  ...answers('Y1', '2025-03-04', [5, 5, 4, 3, 1]),
  created('Y2', '2025-03-03T12:00:00Z', 'k2', 'access'),
  assigned('Y2', '2025-03-03T12:01:00Z', 'N1'),
];

describe('weekly review (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let review: ReviewService;

  const byIndicator = (indicators: ReviewIndicator[]) => Object.fromEntries(indicators.map((i) => [i.indicator, i]));

  beforeAll(async () => {
    database = await createTestDatabase('server_review');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    const config = { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: 'UTC' };
    review = new ReviewService(new KpiService(dataSource, config), new TargetsService(dataSource));
    await importFixture(dataSource, FIXTURE, 'UTC');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('reviews the latest week with cases when no week is asked for', async () => {
    const result = await review.review({});
    expect(result).toMatchObject({
      week: '2025-W10',
      start: '2025-03-03',
      cases: 2,
      surveys: 5,
      provisional: true,
      repeatWindowDays: 7,
    });
    expect(result.indicators.map((i) => i.indicator)).toEqual([
      'transfersMean',
      'pingPongShare',
      'repeatRate',
      'reopenRate',
      'csatMean',
      'csatShare',
    ]);
  });

  it('holds each indicator against its target, the week before and the 4 weeks before', async () => {
    const indicators = byIndicator((await review.review({ week: '2025-W10' })).indicators);
    // 4 weeks before = W06..W09; W07 has no case, so the mean is over 3 weeks (W08 csat: too few answers → 1 week).
    expect(indicators['transfersMean']).toMatchObject({
      value: 1,
      target: 0.5,
      alertLevel: 1,
      direction: 'lower',
      status: 'alert', // exactly on the alert level
      previous: { week: '2025-W09', value: 0, change: 1 },
      // (2 + 0.5 + 0) / 3 = 0.833333; 1 − 0.833333
      fourWeekAverage: { value: 0.833333, weeks: 3, change: 0.166667 },
      provisional: true,
      cases: 2,
    });
    expect(indicators['pingPongShare']).toMatchObject({
      value: 0.5,
      status: 'alert',
      previous: { value: 0, change: 0.5 },
      fourWeekAverage: { value: 0, weeks: 3, change: 0.5 },
    });
    expect(indicators['repeatRate']).toMatchObject({
      value: 0,
      status: 'ok',
      previous: { value: 1, change: -1 },
      fourWeekAverage: { value: 0.333333, weeks: 3, change: -0.333333 },
    });
    expect(indicators['reopenRate']).toMatchObject({
      value: 0,
      status: 'ok',
      previous: { value: 1, change: -1 },
      fourWeekAverage: { value: 0.333333, weeks: 3, change: -0.333333 },
    });
    expect(indicators['csatMean']).toMatchObject({
      value: 3.6,
      target: 4,
      alertLevel: 3.5,
      direction: 'higher',
      status: 'warning',
      previous: { value: 4.8, change: -1.2 },
      fourWeekAverage: { value: 4.8, weeks: 1, change: -1.2 },
      cases: 5,
    });
    expect(indicators['csatShare']).toMatchObject({
      value: 0.6,
      status: 'alert', // exactly on the alert level
      previous: { value: 1, change: -0.4 },
      fourWeekAverage: { value: 1, weeks: 1, change: -0.4 },
      cases: 5,
    });
  });

  it('draws 12 weeks, oldest first, weeks without cases included', async () => {
    const { series } = byIndicator((await review.review({ week: '2025-W10' })).indicators)['transfersMean'];
    expect(series.map((p) => p.week)).toEqual([
      '2024-W51',
      '2024-W52',
      '2025-W01',
      '2025-W02',
      '2025-W03',
      '2025-W04',
      '2025-W05',
      '2025-W06',
      '2025-W07',
      '2025-W08',
      '2025-W09',
      '2025-W10',
    ]);
    expect(series[0].start).toBe('2024-12-16');
    expect(series.map((p) => p.value)).toEqual([null, null, null, null, null, null, null, 2, null, 0.5, 0, 1]);
    expect(series.slice(-5).map((p) => [p.status, p.cases, p.provisional])).toEqual([
      ['alert', 1, false],
      [null, 0, false],
      ['ok', 2, false],
      ['ok', 1, false],
      ['alert', 2, true],
    ]);
  });

  it('reviews an earlier week from its own neighbours', async () => {
    const result = await review.review({ week: '2025-W09' });
    expect(result).toMatchObject({ week: '2025-W09', cases: 1, provisional: false });
    // Before W09: W05..W08 → W06 2, W08 0.5.
    expect(byIndicator(result.indicators)['transfersMean']).toMatchObject({
      value: 0,
      status: 'ok',
      previous: { week: '2025-W08', value: 0.5, change: -0.5 },
      fourWeekAverage: { value: 1.25, weeks: 2, change: -1.25 },
    });
  });

  it('shows a week without cases as no value, no status and no change', async () => {
    const result = await review.review({ week: '2025-W07' });
    expect(result).toMatchObject({ week: '2025-W07', cases: 0, surveys: 0, provisional: false });
    expect(byIndicator(result.indicators)['transfersMean']).toMatchObject({
      value: null,
      status: null,
      previous: { week: '2025-W06', value: 2, change: null },
      fourWeekAverage: { value: 2, weeks: 1, change: null },
      cases: 0,
    });
  });

  it('applies the filters to every week', async () => {
    const result = await review.review({ category: 'access' });
    expect(result).toMatchObject({ week: '2025-W10', cases: 1 });
    expect(byIndicator(result.indicators)['transfersMean']).toMatchObject({
      value: 0,
      previous: { value: null, change: null },
      fourWeekAverage: { value: null, weeks: 0, change: null },
    });
  });

  it('follows a changed target', async () => {
    await new TargetsService(dataSource).update('transfersMean', { target: 1, alertLevel: 2 });
    const indicators = byIndicator((await review.review({ week: '2025-W10' })).indicators);
    expect(indicators['transfersMean']).toMatchObject({ target: 1, alertLevel: 2, status: 'ok' });
    await new TargetsService(dataSource).update('transfersMean', { target: 0.5, alertLevel: 1 });
  });

  it.each(['2025-W54', '2021-W53', '2025-W00', '2025-02', 'last week'])('refuses week %s', async (week) => {
    await expect(review.review({ week })).rejects.toBeInstanceOf(InvalidReviewQuery);
  });

  it('answers an empty review when no case matches', async () => {
    const result = await review.review({ source: 'nowhere' });
    expect(result).toMatchObject({ week: null, start: null, cases: 0 });
    expect(result.indicators[0]).toMatchObject({ indicator: 'transfersMean', value: null, status: null, series: [] });
  });
});
