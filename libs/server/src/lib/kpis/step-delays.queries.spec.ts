import type { EventType } from '@relais/domain';
import { createTestDatabase, TestDatabase } from '../../testing';
import { DataSource } from 'typeorm';
import { eventsOf, FixtureEvent, importFixture } from '../cases/cases.testing';
import { dataSourceOptions } from '../database/data-source-options';
import { hours } from './rounding';
import { stepDelays, stepDurations, transitionDelays } from './step-delays.queries';

const TZ = 'Europe/Paris';

/**
 * Hand-computed fixture, KPI-DEFINITIONS §5 (durations in seconds, hours in the expectations). `seq` is the
 * position in the file; `team` of a transition is the team holding the case when it entered the step left.
 *
 * A (N1, billing, 6 Jan): new→triage 3600 N1 · triage→in_progress 7200 N1 (N2 assigned during triage) ·
 *   in_progress→waiting_customer 0 N2 (same instant, in_progress first by seq) · waiting_customer→resolved 10800 N2
 * B (created without team, N1 at the same instant after it: case team N1, access, 7 Jan): new→in_progress 1800
 *   (no team yet) · in_progress→resolved 7200 N1 · resolved→reopened 86400 N1 · reopened→in_progress 10800 N1 ·
 *   in_progress→resolved 10800 no team (taken out of every team's hands during reopened, N2 came during the step)
 * C (N1, billing, 8 Jan, open): new→triage 1800 (1800.75 s) N1 · triage→in_progress 3600 N1; in_progress not left
 * D: no created event, never counted.
 * E (N2, billing, Mon 13 Jan 09:00 Paris): new→in_progress 3600 N2 · in_progress→resolved 14400 N2
 * F (N2, access, 13 Jan 23:30Z = Tue 14 Jan 00:30 Paris): new→in_progress 1800 N2 · in_progress→resolved 3600 N2 ·
 *   resolved→closed 259200 N2
 */
const ev = eventsOf('fixture');
const step = (caseId: string, ts: string, name: string, event: EventType = 'status_changed') =>
  ev(caseId, ts, event, { step: name });
const assign = (caseId: string, ts: string, team: string | null) => ev(caseId, ts, 'assigned', { team });

const FIXTURE: FixtureEvent[] = [
  ev('A', '2025-01-06T08:00:00Z', 'created', { step: 'new', team: 'N1', category: 'billing' }),
  step('A', '2025-01-06T09:00:00Z', 'triage'),
  assign('A', '2025-01-06T09:30:00Z', 'N2'),
  step('A', '2025-01-06T11:00:00Z', 'in_progress'),
  step('A', '2025-01-06T11:00:00Z', 'waiting_customer'),
  step('A', '2025-01-06T14:00:00Z', 'resolved'),
  ev('B', '2025-01-07T10:00:00Z', 'created', { step: 'new', category: 'access' }),
  assign('B', '2025-01-07T10:00:00Z', 'N1'),
  step('B', '2025-01-07T10:30:00Z', 'in_progress'),
  step('B', '2025-01-07T12:30:00Z', 'resolved'),
  step('B', '2025-01-08T12:30:00Z', 'reopened', 'reopened'),
  assign('B', '2025-01-08T12:45:00Z', null),
  step('B', '2025-01-08T15:30:00Z', 'in_progress'),
  assign('B', '2025-01-08T16:00:00Z', 'N2'),
  step('B', '2025-01-08T18:30:00Z', 'resolved'),
  ev('C', '2025-01-08T09:00:00Z', 'created', { step: 'new', team: 'N1', category: 'billing' }),
  step('C', '2025-01-08T09:30:00.750Z', 'triage'),
  step('C', '2025-01-08T10:30:00.900Z', 'in_progress'),
  step('D', '2025-01-06T09:00:00Z', 'triage'),
  step('D', '2025-01-06T10:00:00Z', 'resolved'),
  ev('E', '2025-01-13T08:00:00Z', 'created', { step: 'new', team: 'N2', category: 'billing' }),
  step('E', '2025-01-13T09:00:00Z', 'in_progress'),
  step('E', '2025-01-13T13:00:00Z', 'resolved'),
  ev('F', '2025-01-13T23:30:00Z', 'created', { step: 'new', team: 'N2', category: 'access' }),
  step('F', '2025-01-14T00:00:00Z', 'in_progress'),
  step('F', '2025-01-14T01:00:00Z', 'resolved'),
  step('F', '2025-01-17T01:00:00Z', 'closed'),
];

const stats = (count: number, medianHours: number, p90Hours: number, meanHours: number, totalHours: number) => ({
  count,
  medianHours,
  p90Hours,
  meanHours,
  totalHours,
});

/**
 * Linear interpolation (pos = p·(n−1)):
 * in_progress→resolved [3600, 7200, 10800, 14400]: median pos 1.5 → 9000 s = 2.5 h; p90 pos 2.7 → 10800 + .7·3600
 *   = 13320 s = 3.7 h; mean 2.5 h; total 10 h.
 * new→in_progress [1800, 1800, 3600]: median 0.5 h; p90 pos 1.8 → 1800 + .8·1800 = 3240 s = 0.9 h; mean 2400 s.
 * new→triage [1800, 3600]: median 0.75 h; p90 pos .9 → 1800 + .9·1800 = 3420 s = 0.95 h.
 * triage→in_progress [3600, 7200]: median 1.5 h; p90 3600 + .9·3600 = 6840 s = 1.9 h.
 */
const T = {
  inProgressResolved: { from: 'in_progress', to: 'resolved', ...stats(4, 2.5, 3.7, 2.5, 10) },
  newInProgress: { from: 'new', to: 'in_progress', ...stats(3, 0.5, 0.9, 0.6667, 2) },
  newTriage: { from: 'new', to: 'triage', ...stats(2, 0.75, 0.95, 0.75, 1.5) },
  triageInProgress: { from: 'triage', to: 'in_progress', ...stats(2, 1.5, 1.9, 1.5, 3) },
  inProgressWaiting: { from: 'in_progress', to: 'waiting_customer', ...stats(1, 0, 0, 0, 0) },
  reopenedInProgress: { from: 'reopened', to: 'in_progress', ...stats(1, 3, 3, 3, 3) },
  resolvedClosed: { from: 'resolved', to: 'closed', ...stats(1, 72, 72, 72, 72) },
  resolvedReopened: { from: 'resolved', to: 'reopened', ...stats(1, 24, 24, 24, 24) },
  waitingResolved: { from: 'waiting_customer', to: 'resolved', ...stats(1, 3, 3, 3, 3) },
};

/** KPI-DEFINITIONS §5, written out: the reference the SQL percentile is held to. */
function percentile(values: number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  const pos = p * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (pos - lo) * (v[hi] - v[lo]);
}

describe('step delays (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('server_step_delays');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await importFixture(dataSource, FIXTURE, TZ);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('reports every transition by count, then names, and ranks the bottlenecks with ties by name', async () => {
    const { transitions, bottlenecks } = await transitionDelays(dataSource, {}, TZ);
    expect(transitions).toEqual([
      T.inProgressResolved,
      T.newInProgress,
      T.newTriage,
      T.triageInProgress,
      T.inProgressWaiting,
      T.reopenedInProgress,
      T.resolvedClosed,
      T.resolvedReopened,
      T.waitingResolved,
    ]);
    // p90 3 h twice: reopened before waiting_customer.
    expect(bottlenecks.byP90).toEqual([
      T.resolvedClosed,
      T.resolvedReopened,
      T.inProgressResolved,
      T.reopenedInProgress,
      T.waitingResolved,
      T.triageInProgress,
      T.newTriage,
      T.newInProgress,
      T.inProgressWaiting,
    ]);
    // 3 h in total three times: by name, although triage→in_progress has the higher count.
    expect(bottlenecks.byTotalHours).toEqual([
      T.resolvedClosed,
      T.resolvedReopened,
      T.inProgressResolved,
      T.reopenedInProgress,
      T.triageInProgress,
      T.waitingResolved,
      T.newInProgress,
      T.newTriage,
      T.inProgressWaiting,
    ]);
  });

  it('gives the summary the same transitions in the public shape', async () => {
    expect(await stepDelays(dataSource, {}, TZ)).toEqual([
      { from: 'in_progress', to: 'resolved', count: 4, medianHours: 2.5, p90Hours: 3.7, meanHours: 2.5 },
      { from: 'new', to: 'in_progress', count: 3, medianHours: 0.5, p90Hours: 0.9, meanHours: 0.6667 },
      { from: 'new', to: 'triage', count: 2, medianHours: 0.75, p90Hours: 0.95, meanHours: 0.75 },
      { from: 'triage', to: 'in_progress', count: 2, medianHours: 1.5, p90Hours: 1.9, meanHours: 1.5 },
      { from: 'in_progress', to: 'waiting_customer', count: 1, medianHours: 0, p90Hours: 0, meanHours: 0 },
      { from: 'reopened', to: 'in_progress', count: 1, medianHours: 3, p90Hours: 3, meanHours: 3 },
      { from: 'resolved', to: 'closed', count: 1, medianHours: 72, p90Hours: 72, meanHours: 72 },
      { from: 'resolved', to: 'reopened', count: 1, medianHours: 24, p90Hours: 24, meanHours: 24 },
      { from: 'waiting_customer', to: 'resolved', count: 1, medianHours: 3, p90Hours: 3, meanHours: 3 },
    ]);
  });

  it('reports the time spent per step, and per step and team holding the case', async () => {
    const { steps, byTeam } = await stepDurations(dataSource, {}, TZ);
    expect(steps).toEqual([
      // [0, 3600, 7200, 10800, 14400]: median 7200; p90 pos 3.6 → 10800 + .6·3600 = 12960 s = 3.6 h.
      { step: 'in_progress', ...stats(5, 2, 3.6, 2, 10) },
      // [1800, 1800, 1800, 3600, 3600]: p90 pos 3.6 between two 3600 → 1 h; mean 12600 / 5 = 2520 s.
      { step: 'new', ...stats(5, 0.5, 1, 0.7, 3.5) },
      // [86400, 259200]: median 172800 s; p90 86400 + .9·172800 = 241920 s = 67.2 h.
      { step: 'resolved', ...stats(2, 48, 67.2, 48, 96) },
      { step: 'triage', ...stats(2, 1.5, 1.9, 1.5, 3) },
      { step: 'reopened', ...stats(1, 3, 3, 3, 3) },
      { step: 'waiting_customer', ...stats(1, 3, 3, 3, 3) },
    ]);
    expect(byTeam).toEqual([
      // A 0, E 14400, F 3600: median 3600; p90 pos 1.8 → 3600 + .8·10800 = 12240 s = 3.4 h; mean 6000 s.
      { step: 'in_progress', team: 'N2', ...stats(3, 1, 3.4, 1.6667, 5) },
      { step: 'new', team: 'N1', ...stats(2, 0.75, 0.95, 0.75, 1.5) },
      { step: 'new', team: 'N2', ...stats(2, 0.75, 0.95, 0.75, 1.5) },
      { step: 'triage', team: 'N1', ...stats(2, 1.5, 1.9, 1.5, 3) },
      // B's in_progress: 7200 s with N1, 10800 s in no team's hands (after the assignment to no team); no team last.
      { step: 'in_progress', team: 'N1', ...stats(1, 2, 2, 2, 2) },
      { step: 'in_progress', team: null, ...stats(1, 3, 3, 3, 3) },
      { step: 'new', team: null, ...stats(1, 0.5, 0.5, 0.5, 0.5) },
      { step: 'reopened', team: 'N1', ...stats(1, 3, 3, 3, 3) },
      { step: 'resolved', team: 'N1', ...stats(1, 24, 24, 24, 24) },
      { step: 'resolved', team: 'N2', ...stats(1, 72, 72, 72, 72) },
      { step: 'waiting_customer', team: 'N2', ...stats(1, 3, 3, 3, 3) },
    ]);
  });

  it('filters by the team holding the case at creation, not the team during the step', async () => {
    // E and F: in_progress→resolved [3600, 14400]: median 9000 s; p90 3600 + .9·10800 = 13320 s.
    expect((await transitionDelays(dataSource, { team: 'N2' }, TZ)).transitions).toEqual([
      { from: 'in_progress', to: 'resolved', ...stats(2, 2.5, 3.7, 2.5, 5) },
      { from: 'new', to: 'in_progress', ...stats(2, 0.75, 0.95, 0.75, 1.5) },
      T.resolvedClosed,
    ]);
    // A, B and C: A's in_progress was spent while N2 held the case; B's `new` before any team held it, its last
    // in_progress after it was taken out of every team's hands.
    expect((await stepDurations(dataSource, { team: 'N1' }, TZ)).byTeam).toEqual([
      { step: 'new', team: 'N1', ...stats(2, 0.75, 0.95, 0.75, 1.5) },
      { step: 'triage', team: 'N1', ...stats(2, 1.5, 1.9, 1.5, 3) },
      { step: 'in_progress', team: 'N1', ...stats(1, 2, 2, 2, 2) },
      { step: 'in_progress', team: 'N2', ...stats(1, 0, 0, 0, 0) },
      { step: 'in_progress', team: null, ...stats(1, 3, 3, 3, 3) },
      { step: 'new', team: null, ...stats(1, 0.5, 0.5, 0.5, 0.5) },
      { step: 'reopened', team: 'N1', ...stats(1, 3, 3, 3, 3) },
      { step: 'resolved', team: 'N1', ...stats(1, 24, 24, 24, 24) },
      { step: 'waiting_customer', team: 'N2', ...stats(1, 3, 3, 3, 3) },
    ]);
  });

  it('filters by period in organisation days and by category', async () => {
    // [13 Jan, 14 Jan) in Paris: E only; F was created on the 13th in UTC but the 14th in Paris.
    expect(await stepDelays(dataSource, { from: '2025-01-13', to: '2025-01-14' }, TZ)).toEqual([
      { from: 'in_progress', to: 'resolved', count: 1, medianHours: 4, p90Hours: 4, meanHours: 4 },
      { from: 'new', to: 'in_progress', count: 1, medianHours: 1, p90Hours: 1, meanHours: 1 },
    ]);
    // B and F. in_progress→resolved [3600, 7200, 10800]: p90 pos 1.8 → 7200 + .8·3600 = 10080 s = 2.8 h.
    expect(await stepDelays(dataSource, { category: 'access' }, TZ)).toEqual([
      { from: 'in_progress', to: 'resolved', count: 3, medianHours: 2, p90Hours: 2.8, meanHours: 2 },
      { from: 'new', to: 'in_progress', count: 2, medianHours: 0.5, p90Hours: 0.5, meanHours: 0.5 },
      { from: 'reopened', to: 'in_progress', count: 1, medianHours: 3, p90Hours: 3, meanHours: 3 },
      { from: 'resolved', to: 'closed', count: 1, medianHours: 72, p90Hours: 72, meanHours: 72 },
      { from: 'resolved', to: 'reopened', count: 1, medianHours: 24, p90Hours: 24, meanHours: 24 },
    ]);
    expect(await stepDelays(dataSource, { team: 'N3' }, TZ)).toEqual([]);
  });

  it('matches the §5 percentile formula on generated durations', async () => {
    // 24 cases: created → in_progress → resolved, durations from a fixed LCG, with milliseconds.
    let state = 7;
    const next = () => (state = (state * 48271) % 2147483647) % 200_000_000;
    const start = Date.parse('2025-02-03T08:00:00Z');
    const waits: number[] = [];
    const works: number[] = [];
    const events: FixtureEvent[] = [];
    for (let i = 0; i < 24; i += 1) {
      const created = start + i * 3_600_000 + (next() % 1000);
      const started = created + next();
      const resolved = started + next();
      waits.push(Math.floor((started - created) / 1000));
      works.push(Math.floor((resolved - started) / 1000));
      const at = (ms: number) => new Date(ms).toISOString();
      events.push(
        { ...ev(`G${i}`, at(created), 'created', { step: 'new', team: 'N1' }), source: 'generated' },
        { ...step(`G${i}`, at(started), 'in_progress'), source: 'generated' },
        { ...step(`G${i}`, at(resolved), 'resolved'), source: 'generated' },
      );
    }
    await importFixture(dataSource, events, TZ);
    const expected = (from: string, to: string, seconds: number[]) => {
      const sum = seconds.reduce((a, b) => a + b, 0);
      return {
        from,
        to,
        count: seconds.length,
        medianHours: hours(percentile(seconds, 0.5) / 3600),
        p90Hours: hours(percentile(seconds, 0.9) / 3600),
        meanHours: hours(sum / seconds.length / 3600),
        totalHours: hours(sum / 3600),
      };
    };
    const { transitions } = await transitionDelays(dataSource, { source: 'generated' }, TZ);
    expect(transitions).toEqual([expected('in_progress', 'resolved', works), expected('new', 'in_progress', waits)]);
  });
});
