import type { BreakdownWeek } from '@relais/contracts';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { eventsOf, FixtureEvent, importFixture } from '../cases/cases.testing';
import { loadConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { KpiService } from './kpi.service';

/**
 * KPI-DEFINITIONS §2 breakdown through KpiService on the real database, organisation time zone Europe/Paris.
 * Every expected value is a literal worked out by hand below from §2–§4, never read back from the code.
 *
 * case created (UTC)            Paris week  team ch.   category customer  assignments       transfers entries/teams ping reopen
 * P1   Mon 2025-01-06 09:00     W02         N1   phone billing  k1        N1 · N2 · N1      2         3/2           yes  no
 * P2   Tue 2025-01-07 09:00     W02         N1   SMS   (null)   k2        N1 · N2           1         2/2           no   yes
 * P3   Wed 2025-01-08 09:00     W02         N2   phone billing  k1        (none)            0         0/0           no   no
 * P4   Wed 2025-01-15 09:00     W03         N2   SMS   billing  k1        N2 · N1           1         2/2           no   yes
 * P5   Sun 2025-01-12 23:30     W03 (Mon    N1   chat  access   k3        N1                0         1/1           no   no
 *                               00:30 Paris; W02 in UTC)
 *
 * Repeat contacts (§4, same customer and category, next case at most W days later, inclusive), default W = 7:
 *   k1/billing in order P1 → P3 (+2 d) → P4 (+7 d exactly): P1 yes, P3 yes, P4 no (no next case).
 *   k2/(null) has P2 only, k3/access has P5 only: no.  With W = 2: P1 yes (+2 d inclusive), P3 no (+7 d).
 * W02 starts Monday 2025-01-06, W03 Monday 2025-01-13.
 */
const TIME_ZONE = 'Europe/Paris';
const ev = eventsOf('breakdown');
const created = (
  caseId: string,
  ts: string,
  team: string,
  channel: string,
  category: string | null,
  customerKey: string,
) => ev(caseId, ts, 'created', { customerKey, category, channel, step: 'new', team });
const assigned = (caseId: string, ts: string, team: string) => ev(caseId, ts, 'assigned', { team });
const reopened = (caseId: string, ts: string) => ev(caseId, ts, 'reopened', { step: 'reopened' });

const FIXTURE: FixtureEvent[] = [
  created('P1', '2025-01-06T09:00:00Z', 'N1', 'phone', 'billing', 'k1'),
  assigned('P1', '2025-01-06T09:01:00Z', 'N1'),
  assigned('P1', '2025-01-06T10:00:00Z', 'N2'),
  assigned('P1', '2025-01-06T11:00:00Z', 'N1'),
  created('P2', '2025-01-07T09:00:00Z', 'N1', 'SMS', null, 'k2'),
  assigned('P2', '2025-01-07T09:01:00Z', 'N1'),
  assigned('P2', '2025-01-07T10:00:00Z', 'N2'),
  reopened('P2', '2025-01-09T09:00:00Z'),
  created('P3', '2025-01-08T09:00:00Z', 'N2', 'phone', 'billing', 'k1'),
  created('P4', '2025-01-15T09:00:00Z', 'N2', 'SMS', 'billing', 'k1'),
  assigned('P4', '2025-01-15T09:01:00Z', 'N2'),
  assigned('P4', '2025-01-15T10:00:00Z', 'N1'),
  reopened('P4', '2025-01-17T09:00:00Z'),
  created('P5', '2025-01-12T23:30:00Z', 'N1', 'chat', 'access', 'k3'),
  assigned('P5', '2025-01-12T23:31:00Z', 'N1'),
];

const W02 = { week: '2025-W02', start: '2025-01-06' };
const W03 = { week: '2025-W03', start: '2025-01-13' };
const week = (w: typeof W02, cases: number, transfersMean: number, repeatRate: number): BreakdownWeek => ({
  ...w,
  cases,
  transfersMean,
  repeatRate,
});

describe('KPI breakdown by team, channel, category and source (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let kpis: KpiService;

  beforeAll(async () => {
    database = await createTestDatabase('server_kpi_breakdown');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    kpis = new KpiService(dataSource, { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: TIME_ZONE });
    expect(await importFixture(dataSource, FIXTURE, TIME_ZONE)).toBe(FIXTURE.length);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('by team: the team holding the case at creation', async () => {
    // N1 = P1, P2, P5: transfers (2+1+0)/3 = 1; ping-pong P1 = 1/3; repeat P1 = 1/3; reopen P2 = 1/3.
    //   W02 = P1, P2: transfers 3/2 = 1.5, repeat 1/2.  W03 = P5 (Paris Monday 00:30): 0, 0.
    // N2 = P3, P4: transfers (0+1)/2 = 0.5; ping-pong 0; repeat P3 = 1/2; reopen P4 = 1/2.
    //   W02 = P3: 0 transfers, repeat 1.  W03 = P4: 1 transfer, repeat 0.
    expect(await kpis.breakdown('team', {})).toEqual({
      by: 'team',
      groups: [
        {
          key: 'N1',
          cases: 3,
          transfersMean: 1,
          pingPongShare: 0.333333,
          repeatRate: 0.333333,
          reopenRate: 0.333333,
          weeks: [week(W02, 2, 1.5, 0.5), week(W03, 1, 0, 0)],
        },
        {
          key: 'N2',
          cases: 2,
          transfersMean: 0.5,
          pingPongShare: 0,
          repeatRate: 0.5,
          reopenRate: 0.5,
          weeks: [week(W02, 1, 0, 1), week(W03, 1, 1, 0)],
        },
      ],
    });
  });

  it('by channel: ties in cases ordered by key in byte order ("SMS" before "phone")', async () => {
    // SMS = P2, P4: transfers (1+1)/2 = 1; ping-pong 0; repeat 0; reopen 2/2 = 1. W02 = P2, W03 = P4: 1 transfer each.
    // phone = P1, P3: transfers (2+0)/2 = 1; ping-pong P1 = 1/2; repeat both = 1; reopen 0. W02 only: 2 cases.
    // chat = P5: all 0, W03 only.
    expect(await kpis.breakdown('channel', {})).toEqual({
      by: 'channel',
      groups: [
        {
          key: 'SMS',
          cases: 2,
          transfersMean: 1,
          pingPongShare: 0,
          repeatRate: 0,
          reopenRate: 1,
          weeks: [week(W02, 1, 1, 0), week(W03, 1, 1, 0)],
        },
        {
          key: 'phone',
          cases: 2,
          transfersMean: 1,
          pingPongShare: 0.5,
          repeatRate: 1,
          reopenRate: 0,
          weeks: [week(W02, 2, 1, 1)],
        },
        {
          key: 'chat',
          cases: 1,
          transfersMean: 0,
          pingPongShare: 0,
          repeatRate: 0,
          reopenRate: 0,
          weeks: [week(W03, 1, 0, 0)],
        },
      ],
    });
  });

  it('by category: cases without one form the null group, after the ties', async () => {
    // billing = P1, P3, P4: transfers (2+0+1)/3 = 1; ping-pong P1 = 1/3; repeat P1, P3 = 2/3 = 0.666667;
    //   reopen P4 = 1/3. W02 = P1, P3: transfers 1, repeat 1. W03 = P4: 1 transfer, repeat 0.
    // access = P5 and null = P2, one case each: "access" first, null last. P2: 1 transfer, reopened.
    expect(await kpis.breakdown('category', {})).toEqual({
      by: 'category',
      groups: [
        {
          key: 'billing',
          cases: 3,
          transfersMean: 1,
          pingPongShare: 0.333333,
          repeatRate: 0.666667,
          reopenRate: 0.333333,
          weeks: [week(W02, 2, 1, 1), week(W03, 1, 1, 0)],
        },
        {
          key: 'access',
          cases: 1,
          transfersMean: 0,
          pingPongShare: 0,
          repeatRate: 0,
          reopenRate: 0,
          weeks: [week(W03, 1, 0, 0)],
        },
        {
          key: null,
          cases: 1,
          transfersMean: 1,
          pingPongShare: 0,
          repeatRate: 0,
          reopenRate: 1,
          weeks: [week(W02, 1, 1, 0)],
        },
      ],
    });
  });

  it('by source: every case of the fixture comes from the one source "breakdown"', async () => {
    // P1–P5: transfers (2+1+0+1+0)/5 = 0.8; ping-pong P1 = 1/5; repeat P1, P3 = 2/5; reopen P2, P4 = 2/5.
    //   W02 = P1, P2, P3: transfers 3/3 = 1, repeat 2/3.  W03 = P4, P5: transfers 1/2 = 0.5, repeat 0.
    expect(await kpis.breakdown('source', {})).toEqual({
      by: 'source',
      groups: [
        {
          key: 'breakdown',
          cases: 5,
          transfersMean: 0.8,
          pingPongShare: 0.2,
          repeatRate: 0.4,
          reopenRate: 0.4,
          weeks: [week(W02, 3, 1, 0.666667), week(W03, 2, 0.5, 0)],
        },
      ],
    });
  });

  it('by channel with team=N1: only N1 cases, repeat still judged against every case of the subject', async () => {
    // N1 = P1 (phone), P2 (SMS), P5 (chat): one case each, ordered by key in byte order: SMS, chat, phone.
    // P1's repeat is P3, a case of N2 filtered out of the groups: it still counts (§4, attributed to the case).
    expect(await kpis.breakdown('channel', { team: 'N1' })).toEqual({
      by: 'channel',
      groups: [
        {
          key: 'SMS',
          cases: 1,
          transfersMean: 1,
          pingPongShare: 0,
          repeatRate: 0,
          reopenRate: 1,
          weeks: [week(W02, 1, 1, 0)],
        },
        {
          key: 'chat',
          cases: 1,
          transfersMean: 0,
          pingPongShare: 0,
          repeatRate: 0,
          reopenRate: 0,
          weeks: [week(W03, 1, 0, 0)],
        },
        {
          key: 'phone',
          cases: 1,
          transfersMean: 2,
          pingPongShare: 1,
          repeatRate: 1,
          reopenRate: 0,
          weeks: [week(W02, 1, 2, 1)],
        },
      ],
    });
  });

  it('applies the period filter (organisation days) and the repeat window', async () => {
    // from 2025-01-13 (Paris) keeps P4 and P5 (P5 is Monday 00:30 in Paris): N1 = P5, N2 = P4, ties → N1, N2.
    const period = await kpis.breakdown('team', { from: '2025-01-13' });
    expect(period.groups.map(({ key, cases }) => ({ key, cases }))).toEqual([
      { key: 'N1', cases: 1 },
      { key: 'N2', cases: 1 },
    ]);
    // W = 2: P1 (+2 d, inclusive) still repeats, P3 (+7 d) no longer: N1 1/3, N2 0/2; weekly N2 W02 = 0.
    const window = await kpis.breakdown('team', { repeatWindowDays: 2 });
    expect(window.groups.map(({ key, repeatRate, weeks }) => ({ key, repeatRate, weeks }))).toEqual([
      { key: 'N1', repeatRate: 0.333333, weeks: [week(W02, 2, 1.5, 0.5), week(W03, 1, 0, 0)] },
      { key: 'N2', repeatRate: 0, weeks: [week(W02, 1, 0, 0), week(W03, 1, 1, 0)] },
    ]);
  });

  it('answers no groups when no case matches', async () => {
    expect(await kpis.breakdown('team', { team: 'nobody' })).toEqual({ by: 'team', groups: [] });
  });
});
