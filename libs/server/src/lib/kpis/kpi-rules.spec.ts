import type { HandoffEdge, StepDelay } from '@relais/contracts';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { eventsOf, FixtureEvent, importFixture } from '../cases/cases.testing';
import { loadConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { KpiService } from './kpi.service';
import { resetJourneyLog } from './parity-load';

/**
 * KPI-DEFINITIONS, rule by rule, through KpiService on the real database. One small fixture per `describe` (the
 * journey log is emptied before each), organisation time zone Europe/Paris. Every expected value is a literal
 * worked out by hand in the comments from the rules, never read back from the code.
 *
 * Unless a fixture says otherwise, `seq` is the event's position in the fixture (file order, as an import gives
 * it), every case has a customer of its own (no repeat contact) and the answers are on a 5-point scale.
 */
const TIME_ZONE = 'Europe/Paris';
const ev = eventsOf('rules');

const created = (caseId: string, ts: string, team: string | null, extra: Partial<FixtureEvent> = {}) =>
  ev(caseId, ts, 'created', {
    customerKey: `key-${caseId}`,
    category: 'billing',
    channel: 'phone',
    step: 'new',
    team,
    ...extra,
  });
const assigned = (caseId: string, ts: string, team: string | null, extra: Partial<FixtureEvent> = {}) =>
  ev(caseId, ts, 'assigned', { team, ...extra });
const status = (caseId: string, ts: string, step: string, extra: Partial<FixtureEvent> = {}) =>
  ev(caseId, ts, 'status_changed', { step, ...extra });
const survey = (caseId: string, ts: string, csat: number, csatScale = 5) =>
  ev(caseId, ts, 'survey', { csat, csatScale });
const inbound = (caseId: string, ts: string) => ev(caseId, ts, 'contact', { direction: 'inbound' });

/** Order-free comparison: the contract fixes the values, not the order of the rows. */
const byTransition = (delays: StepDelay[]) =>
  Object.fromEntries(delays.map(({ from, to, ...stats }) => [`${from}>${to}`, stats]));
const byEdge = (edges: HandoffEdge[]) =>
  Object.fromEntries(edges.map(({ from, to, ...rest }) => [`${from}>${to}`, rest]));
const delay = (count: number, medianHours: number, p90Hours: number, meanHours: number) => ({
  count,
  medianHours,
  p90Hours,
  meanHours,
});
const distribution = (d0: number, d1: number, d2: number, d3: number, d4: number) => ({
  '0': d0,
  '1': d1,
  '2': d2,
  '3': d3,
  '4+': d4,
});

describe('KPI rules on hand-computed fixtures (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let kpis: KpiService;

  beforeAll(async () => {
    database = await createTestDatabase('server_kpi_rules');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    kpis = new KpiService(dataSource, { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: TIME_ZONE });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Starts the describe from an empty journey log holding exactly `events`. */
  function withFixture(events: FixtureEvent[]): void {
    beforeAll(async () => {
      await resetJourneyLog(dataSource);
      expect(await importFixture(dataSource, events, TIME_ZONE)).toBe(events.length);
    });
  }

  describe('§1/§3 ties in ts: seq decides the order, hence the transfer count', () => {
    // Both cases get two assignments at the very same instant (10:00); the fixture lists them with the higher seq
    // first, so only (ts, seq) gives the order, neither file position nor the team names.
    //   T1 in (ts, seq): N1 (seq 2) · N2 (seq 3) · N1 (seq 4) → 2 transfers N1→N2, N2→N1; entries 3, teams 2 →
    //      ping-pong. Pickups: N1→N2 at 10:00 seq 3, next event seq 4 at 10:00 → 0 s; N2→N1 at 10:00 seq 4, next
    //      event 11:00 → 3600 s.
    //   T2 in (ts, seq): N1 (seq 12) · N1 (seq 13, other agent: no transfer) · N2 (seq 14) → 1 transfer N1→N2;
    //      entries 2, teams 2 → no ping-pong. Pickup: 10:00 → 11:00 = 3600 s.
    //   Ordered by ts alone (or by team name) T1 could read N1 N1 N2 = 1 transfer and T2 N1 N2 N1 = 2.
    withFixture([
      created('T1', '2025-01-06T09:00:00Z', 'N1', { seq: 1 }),
      status('T1', '2025-01-06T11:00:00Z', 'in_progress', { seq: 5 }),
      assigned('T1', '2025-01-06T10:00:00Z', 'N1', { agent: 'a3', seq: 4 }),
      assigned('T1', '2025-01-06T10:00:00Z', 'N2', { agent: 'a2', seq: 3 }),
      assigned('T1', '2025-01-06T09:01:00Z', 'N1', { agent: 'a1', seq: 2 }),
      created('T2', '2025-01-06T09:00:00Z', 'N1', { seq: 11 }),
      status('T2', '2025-01-06T11:00:00Z', 'in_progress', { seq: 15 }),
      assigned('T2', '2025-01-06T10:00:00Z', 'N2', { agent: 'a2', seq: 14 }),
      assigned('T2', '2025-01-06T10:00:00Z', 'N1', { agent: 'a3', seq: 13 }),
      assigned('T2', '2025-01-06T09:01:00Z', 'N1', { agent: 'a1', seq: 12 }),
    ]);

    it('counts 2 transfers for T1 and 1 for T2', async () => {
      const summary = await kpis.summary({});
      expect(summary.cases).toBe(2);
      // mean (2 + 1) / 2 = 1.5; ping-pong: T1 only → 1 / 2.
      expect(summary.transfers).toEqual({ mean: 1.5, distribution: distribution(0, 1, 1, 0, 0), pingPongShare: 0.5 });
    });

    it('builds the handoff matrix in the same order', async () => {
      // N1→N2: T1 (0 s) and T2 (3600 s) → median 1800 s = 0.5 h. N2→N1: T1 only, 3600 s = 1 h.
      expect(byEdge((await kpis.handoffs({})).edges)).toEqual({
        'N1>N2': { transfers: 2, pickupMedianHours: 0.5 },
        'N2>N1': { transfers: 1, pickupMedianHours: 1 },
      });
    });
  });

  describe('§1 a case without `created` is kept but never counted', () => {
    // K1 (created Monday 2025-01-06 09:00Z, N1): assigned N1 09:05 → N2 10:00 (1 transfer, next event 11:00 →
    //   pickup 1 h); new 09:00 → in_progress 11:00 (2 h) → resolved 12:00 (1 h); one answer 5/5 at 13:00 in
    //   resolved / N2.
    // K2 has no `created`: 3 transfers with a ping-pong, two transitions, a reopening and 4 answers of 1/5 in
    //   resolved / N3. Counted, it would add a case, edges N1→N2, N2→N1, N1→N3, a second in_progress→resolved,
    //   a reopen, a team N3 and a fifth `resolved` answer (so a number instead of "not enough answers").
    // Latest event: K1's answer, 2025-01-06 13:00Z; K1 was created 4 h before → provisional.
    const K2 = [
      assigned('K2', '2025-01-06T08:00:00Z', 'N1'),
      assigned('K2', '2025-01-06T08:30:00Z', 'N2'),
      assigned('K2', '2025-01-06T09:00:00Z', 'N1'),
      assigned('K2', '2025-01-06T09:30:00Z', 'N3'),
      status('K2', '2025-01-06T10:00:00Z', 'in_progress'),
      status('K2', '2025-01-06T10:30:00Z', 'resolved'),
      survey('K2', '2025-01-06T10:40:00Z', 1),
      survey('K2', '2025-01-06T10:45:00Z', 1),
      survey('K2', '2025-01-06T10:50:00Z', 1),
      survey('K2', '2025-01-06T10:55:00Z', 1),
      ev('K2', '2025-01-06T11:00:00Z', 'reopened', { step: 'reopened' }),
    ];
    withFixture([
      created('K1', '2025-01-06T09:00:00Z', 'N1'),
      ...K2.slice(0, 3),
      assigned('K1', '2025-01-06T09:05:00Z', 'N1'),
      assigned('K1', '2025-01-06T10:00:00Z', 'N2'),
      ...K2.slice(3),
      status('K1', '2025-01-06T11:00:00Z', 'in_progress'),
      status('K1', '2025-01-06T12:00:00Z', 'resolved'),
      survey('K1', '2025-01-06T13:00:00Z', 5),
    ]);

    it('keeps the 11 events of K2 in the log', async () => {
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM journey_event WHERE case_id = 'K2'`);
      expect(n).toBe(11);
    });

    it('summarises K1 alone', async () => {
      const summary = await kpis.summary({});
      expect(summary).toEqual({
        cases: 1,
        transfers: { mean: 1, distribution: distribution(0, 1, 0, 0, 0), pingPongShare: 0 },
        repeatContact: { windowDays: 7, rate: 0, repeatedCases: 0, provisionalCases: 1 },
        reopenRate: 0,
        // K1 has no contact event at all.
        chasers: { total: 0, casesWithChasers: 0, perCase: 0 },
        stepDelays: expect.any(Array),
        satisfaction: {
          byStep: [{ step: 'resolved', responses: 1, mean: null, csatShare: null }],
          byTeam: [{ team: 'N2', responses: 1, mean: null, csatShare: null }],
        },
      });
      expect(byTransition(summary.stepDelays)).toEqual({
        'new>in_progress': delay(1, 2, 2, 2),
        'in_progress>resolved': delay(1, 1, 1, 1),
      });
    });

    it('puts only K1 in the weeks and the handoff matrix', async () => {
      expect((await kpis.weekly({})).weeks).toEqual([
        {
          week: '2025-W02',
          start: '2025-01-06',
          cases: 1,
          transfersMean: 1,
          pingPongShare: 0,
          repeatRate: 0,
          provisional: true,
          surveys: 1,
          csatMean: null,
          csatShare: null,
        },
      ]);
      expect((await kpis.handoffs({})).edges).toEqual([{ from: 'N1', to: 'N2', transfers: 1, pickupMedianHours: 1 }]);
    });
  });

  describe('§3 reassignment inside a team is not a transfer', () => {
    // R1 N1 (agent a1) → N1 (a2) → N1 (a3): agent changes only → 0.
    // R2 N1 → (no team) → N1: the next assignment is compared with the last team that held the case, N1 → 0;
    //    one team entry, so no ping-pong either.
    // R3 created without team; (no team) → N2 (a1) → N2 (a2): initial routing is not a transfer → 0.
    // R4 never assigned → 0.
    withFixture([
      created('R1', '2025-01-06T09:00:00Z', 'N1'),
      assigned('R1', '2025-01-06T09:01:00Z', 'N1', { agent: 'a1' }),
      assigned('R1', '2025-01-06T10:00:00Z', 'N1', { agent: 'a2' }),
      assigned('R1', '2025-01-06T11:00:00Z', 'N1', { agent: 'a3' }),
      created('R2', '2025-01-06T09:00:00Z', 'N1'),
      assigned('R2', '2025-01-06T09:01:00Z', 'N1', { agent: 'a1' }),
      assigned('R2', '2025-01-06T10:00:00Z', null),
      assigned('R2', '2025-01-06T11:00:00Z', 'N1', { agent: 'a2' }),
      created('R3', '2025-01-06T09:00:00Z', null),
      assigned('R3', '2025-01-06T09:01:00Z', null),
      assigned('R3', '2025-01-06T09:30:00Z', 'N2', { agent: 'a1' }),
      assigned('R3', '2025-01-06T10:00:00Z', 'N2', { agent: 'a2' }),
      created('R4', '2025-01-06T09:00:00Z', 'N1'),
    ]);

    it('counts 0 transfers for the four cases and no handoff', async () => {
      const summary = await kpis.summary({});
      expect(summary.cases).toBe(4);
      expect(summary.transfers).toEqual({ mean: 0, distribution: distribution(4, 0, 0, 0, 0), pingPongShare: 0 });
      expect((await kpis.handoffs({})).edges).toEqual([]);
    });
  });

  describe('§3 return to an earlier team (ping-pong)', () => {
    // All created in N1 on Monday 2025-01-06 08:00Z, assignments hourly from 09:00:
    //   P1 N1 → N2 → N1             2 transfers, entries 3, teams 2 → ping-pong
    //   P2 N1 → N2 → N3             2 transfers, entries 3, teams 3 → none
    //   P3 N1 → N2 → (none) → N1    2 transfers (N2 → N1 through "no team"), entries 3, teams 2 → ping-pong
    //   P4 N1 → N2 → N3 → N1 → N2   4 transfers (4+), entries 5, teams 3 → ping-pong
    // mean (2 + 2 + 2 + 4) / 4 = 2.5; distribution 2: 3, 4+: 1; ping-pong 3 / 4 = 0.75.
    // Edges: N1→N2 P1, P2, P3, P4 twice = 5; N2→N1 P1, P3 = 2; N2→N3 P2, P4 = 2; N3→N1 P4 = 1.
    const journey = (caseId: string, teams: Array<string | null>) => [
      created(caseId, '2025-01-06T08:00:00Z', 'N1'),
      ...teams.map((team, i) => assigned(caseId, `2025-01-06T${String(9 + i).padStart(2, '0')}:00:00Z`, team)),
    ];
    withFixture([
      ...journey('P1', ['N1', 'N2', 'N1']),
      ...journey('P2', ['N1', 'N2', 'N3']),
      ...journey('P3', ['N1', 'N2', null, 'N1']),
      ...journey('P4', ['N1', 'N2', 'N3', 'N1', 'N2']),
    ]);

    it('counts transfers and the ping-pong share', async () => {
      const summary = await kpis.summary({});
      expect(summary.cases).toBe(4);
      expect(summary.transfers).toEqual({ mean: 2.5, distribution: distribution(0, 0, 3, 0, 1), pingPongShare: 0.75 });
      const [week] = (await kpis.weekly({})).weeks;
      expect(week).toMatchObject({ week: '2025-W02', cases: 4, transfersMean: 2.5, pingPongShare: 0.75 });
    });

    it('counts each transfer against the team that handed the case on', async () => {
      const edges = byEdge((await kpis.handoffs({})).edges);
      expect(Object.fromEntries(Object.entries(edges).map(([edge, { transfers }]) => [edge, transfers]))).toEqual({
        'N1>N2': 5,
        'N2>N1': 2,
        'N2>N3': 2,
        'N3>N1': 1,
      });
    });
  });

  describe('§4 repeat contact within W × 24 h, inclusive', () => {
    // Only `created` events; the latest event of the data is H, 2025-10-27 13:00Z.
    //   k1 billing: A 02-03 10:00Z, B 02-10 10:00Z = A + 168 h exactly → A repeated.
    //   k2 billing: C 02-03 11:00Z, D 02-10 11:00:01Z = C + 168 h 1 s → C not repeated (at 14 days: repeated).
    //   k2 access:  C2 02-04 11:00Z: another category, not C's next case.
    //   k3 billing: E 03-24 12:00Z (13:00 CET), F 03-31 12:00Z (14:00 CEST) = E + 168 h exactly, although 7 local
    //               days and 1 h → E repeated.
    //   k4 billing: G 10-20 12:00Z (14:00 CEST), H 10-27 13:00Z (14:00 CET) = G + 169 h, although exactly 7 local
    //               days → G not repeated (at 14 days: repeated).
    //   k6 billing: G2 10-20 13:00Z, exactly 7 × 24 h before the latest event: not "less than W days" before it.
    // W = 7: repeated A, E → 2 / 10 = 0.2; provisional (created after 10-20 13:00Z): H → 1.
    // W = 14: repeated A, C, E, G → 4 / 10 = 0.4; provisional (created after 10-13 13:00Z): G, G2, H → 3.
    const ofCustomer = (caseId: string, ts: string, customerKey: string, category = 'billing') =>
      created(caseId, ts, 'N1', { customerKey, category });
    withFixture([
      ofCustomer('A', '2025-02-03T10:00:00Z', 'k1'),
      ofCustomer('B', '2025-02-10T10:00:00Z', 'k1'),
      ofCustomer('C', '2025-02-03T11:00:00Z', 'k2'),
      ofCustomer('C2', '2025-02-04T11:00:00Z', 'k2', 'access'),
      ofCustomer('D', '2025-02-10T11:00:01Z', 'k2'),
      ofCustomer('E', '2025-03-24T12:00:00Z', 'k3'),
      ofCustomer('F', '2025-03-31T12:00:00Z', 'k3'),
      ofCustomer('G', '2025-10-20T12:00:00Z', 'k4'),
      ofCustomer('G2', '2025-10-20T13:00:00Z', 'k6'),
      ofCustomer('H', '2025-10-27T13:00:00Z', 'k4'),
    ]);

    it('counts a repeat at exactly 7 × 24 h and none at 7 × 24 h + 1 s', async () => {
      const summary = await kpis.summary({});
      expect(summary.cases).toBe(10);
      expect(summary.repeatContact).toEqual({ windowDays: 7, rate: 0.2, repeatedCases: 2, provisionalCases: 1 });
    });

    it('widens both the window and the provisional span at 14 days', async () => {
      expect((await kpis.summary({ repeatWindowDays: 14 })).repeatContact).toEqual({
        windowDays: 14,
        rate: 0.4,
        repeatedCases: 4,
        provisionalCases: 3,
      });
    });

    it('attributes the repeat to the week of the original case', async () => {
      const { weeks } = await kpis.weekly({});
      expect(
        weeks.map(({ week, start, cases, repeatRate, provisional }) => ({
          week,
          start,
          cases,
          repeatRate,
          provisional,
        })),
      ).toEqual([
        // A, C, C2: A repeated → 1 / 3.
        { week: '2025-W06', start: '2025-02-03', cases: 3, repeatRate: 0.333333, provisional: false },
        { week: '2025-W07', start: '2025-02-10', cases: 2, repeatRate: 0, provisional: false },
        { week: '2025-W13', start: '2025-03-24', cases: 1, repeatRate: 1, provisional: false },
        // F: Monday 31 March 14:00 CEST.
        { week: '2025-W14', start: '2025-03-31', cases: 1, repeatRate: 0, provisional: false },
        { week: '2025-W43', start: '2025-10-20', cases: 2, repeatRate: 0, provisional: false },
        { week: '2025-W44', start: '2025-10-27', cases: 1, repeatRate: 0, provisional: true },
      ]);
    });
  });

  describe('§2 ISO weeks in Europe/Paris across both daylight-saving changes', () => {
    // Spring, Sunday 2025-03-30 02:00 CET → 03:00 CEST. Monday 03-24 00:00 CET = 03-23 23:00Z; Monday 03-31
    // 00:00 CEST = 03-30 22:00Z.
    //   W5 03-23 22:59:59Z Sun 23:59:59 CET  → 2025-W12 (03-17)   W6 03-23 23:00:00Z Mon 00:00 CET   → W13 (03-24)
    //   W1 03-30 21:30:00Z Sun 23:30 CEST    → W13                W4 03-30 21:59:59Z Sun 23:59:59    → W13
    //   W3 03-30 22:00:00Z Mon 00:00 CEST    → W14 (03-31)        W2 03-30 22:30:00Z Mon 00:30 CEST  → W14
    // Autumn, Sunday 2025-10-26 03:00 CEST → 02:00 CET. Monday 10-20 00:00 CEST = 10-19 22:00Z; Monday 10-27
    // 00:00 CET = 10-26 23:00Z.
    //   A5 10-19 21:59:59Z Sun 23:59:59 CEST → W42 (10-13)        A4 10-19 22:00:00Z Mon 00:00 CEST  → W43 (10-20)
    //   A6 10-26 01:30:00Z Sun 02:30 CET (the hour lived twice)   → W43
    //   A1 10-26 22:30:00Z Sun 23:30 CET     → W43                A3 10-26 22:59:59Z Sun 23:59:59    → W43
    //   A2 10-26 23:00:00Z Mon 00:00 CET     → W44 (10-27)
    // Latest event A2 (10-26 23:00Z): created after 10-19 23:00Z → A6, A1, A3, A2 provisional: W43 and W44.
    withFixture(
      [
        ['W5', '2025-03-23T22:59:59Z'],
        ['W6', '2025-03-23T23:00:00Z'],
        ['W1', '2025-03-30T21:30:00Z'],
        ['W4', '2025-03-30T21:59:59Z'],
        ['W3', '2025-03-30T22:00:00Z'],
        ['W2', '2025-03-30T22:30:00Z'],
        ['A5', '2025-10-19T21:59:59Z'],
        ['A4', '2025-10-19T22:00:00Z'],
        ['A6', '2025-10-26T01:30:00Z'],
        ['A1', '2025-10-26T22:30:00Z'],
        ['A3', '2025-10-26T22:59:59Z'],
        ['A2', '2025-10-26T23:00:00Z'],
      ].map(([caseId, ts]) => created(caseId, ts, 'N1')),
    );

    it('groups the cases by the Monday of their local week', async () => {
      const { weeks } = await kpis.weekly({});
      expect(weeks.map(({ week, start, cases, provisional }) => ({ week, start, cases, provisional }))).toEqual([
        { week: '2025-W12', start: '2025-03-17', cases: 1, provisional: false },
        { week: '2025-W13', start: '2025-03-24', cases: 3, provisional: false },
        { week: '2025-W14', start: '2025-03-31', cases: 2, provisional: false },
        { week: '2025-W42', start: '2025-10-13', cases: 1, provisional: false },
        { week: '2025-W43', start: '2025-10-20', cases: 4, provisional: true },
        { week: '2025-W44', start: '2025-10-27', cases: 1, provisional: true },
      ]);
    });

    it('filters by local days, 23 and 25 hours long', async () => {
      // Sunday 03-30 = [03-29 23:00Z, 03-30 22:00Z): W1, W4. Sunday 10-26 = [10-25 22:00Z, 10-26 23:00Z): A6, A1, A3.
      expect((await kpis.summary({ from: '2025-03-30', to: '2025-03-31' })).cases).toBe(2);
      expect((await kpis.summary({ from: '2025-03-31', to: '2025-04-07' })).cases).toBe(2);
      expect((await kpis.summary({ from: '2025-10-26', to: '2025-10-27' })).cases).toBe(3);
      expect((await kpis.summary({ from: '2025-10-20', to: '2025-10-27' })).cases).toBe(4);
    });
  });

  describe('§6 answers on 5- and 10-point scales', () => {
    // S1 (Monday 2025-01-06, week W02), state when answered after the latest earlier event:
    //   waiting_customer / N1: 4 4 5 3 2 of 5            normalised 3/4 3/4 1 2/4 1/4 → sum 13/4; top two 4 4 5 → 3
    //   in_progress / N2 (status and assignment at 10:00): 10 8 7 9 3 of 10
    //                                                    normalised 9/9 7/9 6/9 8/9 2/9 → sum 32/9; top two 10 9 → 2
    //   resolved / N2: 5 4 2 of 5 and 10 9 1 of 10       normalised 1 3/4 1/4 1 8/9 0 → sum 35/9; top two 5 4 10 9 → 4
    // S2 (Monday 2025-01-13, week W03), resolved / N3: 10 10 9 8 6 of 10
    //                                                    normalised 1 1 8/9 7/9 5/9 → sum 38/9; top two 10 10 9 → 3
    // byStep: in_progress uniform 10: mean 37/5 = 7.4, 2/5 = 0.4
    //         resolved mixed (11): normalised (35/9 + 38/9) / 11 = 73/99 = 0.73737… → 0.7374; 7/11 = 0.636364
    //         waiting_customer uniform 5: 18/5 = 3.6, 3/5 = 0.6
    // byTeam: N1 = waiting_customer: 3.6, 0.6
    //         N2 mixed (11): (32/9 + 35/9) / 11 = 67/99 = 0.67676… → 0.6768; (2 + 4) / 11 = 0.545455
    //         N3 uniform 10: 43/5 = 8.6, 3/5 = 0.6
    // Weeks: W02 16 answers mixed: (13/4 + 32/9 + 35/9) / 16 = (385/36) / 16 = 385/576 = 0.66840… → 0.6684;
    //        top two 3 + 2 + 4 = 9 / 16 = 0.5625. W03 uniform 10: 8.6, 0.6.
    /** Answers written "csat/scale", five minutes apart from hh:10. */
    const answers = (caseId: string, hour: string, scored: string[]) =>
      scored.map((answer, i) => {
        const [csat, scale] = answer.split('/').map(Number);
        return survey(caseId, `${hour}:${10 + 5 * i}:00Z`, csat, scale);
      });
    withFixture([
      created('S1', '2025-01-06T08:00:00Z', 'N1'),
      assigned('S1', '2025-01-06T08:01:00Z', 'N1'),
      status('S1', '2025-01-06T09:00:00Z', 'waiting_customer'),
      ...answers('S1', '2025-01-06T09', ['4/5', '4/5', '5/5', '3/5', '2/5']),
      status('S1', '2025-01-06T10:00:00Z', 'in_progress'),
      assigned('S1', '2025-01-06T10:00:00Z', 'N2'),
      ...answers('S1', '2025-01-06T10', ['10/10', '8/10', '7/10', '9/10', '3/10']),
      status('S1', '2025-01-06T11:00:00Z', 'resolved'),
      ...answers('S1', '2025-01-06T11', ['5/5', '4/5', '2/5', '10/10', '9/10', '1/10']),
      created('S2', '2025-01-13T08:00:00Z', 'N3'),
      assigned('S2', '2025-01-13T08:01:00Z', 'N3'),
      status('S2', '2025-01-13T09:00:00Z', 'resolved'),
      ...answers('S2', '2025-01-13T09', ['10/10', '10/10', '9/10', '8/10', '6/10']),
    ]);

    it('means on the original scale when uniform, normalised when mixed', async () => {
      expect((await kpis.summary({})).satisfaction).toEqual({
        byStep: [
          { step: 'in_progress', responses: 5, mean: 7.4, csatShare: 0.4 },
          { step: 'resolved', responses: 11, mean: 0.7374, csatShare: 0.636364 },
          { step: 'waiting_customer', responses: 5, mean: 3.6, csatShare: 0.6 },
        ],
        byTeam: [
          { team: 'N1', responses: 5, mean: 3.6, csatShare: 0.6 },
          { team: 'N2', responses: 11, mean: 0.6768, csatShare: 0.545455 },
          { team: 'N3', responses: 5, mean: 8.6, csatShare: 0.6 },
        ],
      });
    });

    it('tells which scale a mean is on', async () => {
      const report = await kpis.satisfaction({});
      expect(report.byStep.map(({ step, scale }) => [step, scale])).toEqual([
        ['in_progress', 10],
        ['resolved', null],
        ['waiting_customer', 5],
      ]);
    });

    it('does the same per week', async () => {
      const { weeks } = await kpis.weekly({});
      expect(weeks.map(({ week, surveys, csatMean, csatShare }) => ({ week, surveys, csatMean, csatShare }))).toEqual([
        { week: '2025-W02', surveys: 16, csatMean: 0.6684, csatShare: 0.5625 },
        { week: '2025-W03', surveys: 5, csatMean: 8.6, csatShare: 0.6 },
      ]);
    });
  });

  describe('§6 fewer than 5 answers: a count, never a number', () => {
    // V1 (W02) resolved / N1: 5 4 4 1 of 5 → 4 answers → mean and CSAT % null.
    // V2 (W03) in_progress / N2: 5 4 4 1 2 of 5 → 5 answers → mean 16/5 = 3.2; top two 5 4 4 → 3/5 = 0.6.
    // Seam view: both cases have 0 transfers and no repeat: 9 answers, all of 5, mean (14 + 16) / 9 = 3.3333;
    // top two 3 + 3 = 6 / 9 = 0.666667. The other buckets have no answer.
    withFixture([
      created('V1', '2025-01-06T09:00:00Z', 'N1'),
      assigned('V1', '2025-01-06T09:01:00Z', 'N1'),
      status('V1', '2025-01-06T10:00:00Z', 'resolved'),
      ...[5, 4, 4, 1].map((csat, i) => survey('V1', `2025-01-06T10:${10 + 10 * i}:00Z`, csat)),
      created('V2', '2025-01-13T09:00:00Z', 'N2'),
      assigned('V2', '2025-01-13T09:01:00Z', 'N2'),
      status('V2', '2025-01-13T10:00:00Z', 'in_progress'),
      ...[5, 4, 4, 1, 2].map((csat, i) => survey('V2', `2025-01-13T10:${10 + 10 * i}:00Z`, csat)),
    ]);

    it('shows 4 answers as a count and 5 as numbers', async () => {
      expect((await kpis.summary({})).satisfaction).toEqual({
        byStep: [
          { step: 'in_progress', responses: 5, mean: 3.2, csatShare: 0.6 },
          { step: 'resolved', responses: 4, mean: null, csatShare: null },
        ],
        byTeam: [
          { team: 'N1', responses: 4, mean: null, csatShare: null },
          { team: 'N2', responses: 5, mean: 3.2, csatShare: 0.6 },
        ],
      });
      const { weeks } = await kpis.weekly({});
      expect(weeks.map(({ week, surveys, csatMean, csatShare }) => ({ week, surveys, csatMean, csatShare }))).toEqual([
        { week: '2025-W02', surveys: 4, csatMean: null, csatShare: null },
        { week: '2025-W03', surveys: 5, csatMean: 3.2, csatShare: 0.6 },
      ]);
    });

    it('applies the same threshold in the dashboard report and its seam view', async () => {
      const report = await kpis.satisfaction({});
      expect(report.byStep).toMatchObject([
        { step: 'in_progress', responses: 5, mean: 3.2, csatShare: 0.6, csatInterval: expect.any(Object) },
        { step: 'resolved', responses: 4, mean: null, csatShare: null, csatInterval: null },
      ]);
      expect(report.byTransfers).toMatchObject([
        { transfers: '0', responses: 9, mean: 3.3333, csatShare: 0.666667 },
        { transfers: '1', responses: 0, mean: null, csatShare: null },
        { transfers: '2', responses: 0, mean: null, csatShare: null },
        { transfers: '3+', responses: 0, mean: null, csatShare: null },
      ]);
      expect(report.byRepeat).toMatchObject([
        { repeated: false, responses: 9, mean: 3.3333, csatShare: 0.666667 },
        { repeated: true, responses: 0, mean: null, csatShare: null },
      ]);
    });
  });

  describe('§5 step delays of a case with ties', () => {
    // D1's step entries share instants three times; the fixture lists each tie with the higher seq first, and every
    // tie goes against the alphabetical order of the steps, so only (ts, seq) gives:
    //   new 08:00 (1) → triage 09:00 (2) → in_progress 09:00 (3) → waiting_customer 11:00 (4) → in_progress
    //   11:00 (5) → resolved 12:30 (6) → reopened 12:30 (7) → resolved 14:30 (8)
    //   new→triage 3600 s · triage→in_progress 0 · in_progress→waiting_customer 7200 · waiting_customer→in_progress
    //   0 · in_progress→resolved 5400 · resolved→reopened 0 · reopened→resolved 7200.
    // D2, no ties: new 08:00 → triage 08:30 (1800 s) → in_progress 10:30 (7200 s) → resolved 11:00 (1800 s).
    // percentile_cont on two values [a, b]: median (a + b) / 2, p90 a + 0.9 (b − a).
    //   in_progress→resolved [1800, 5400]: median 3600 s = 1 h, p90 1800 + 3240 = 5040 s = 1.4 h, mean 1 h
    //   new→triage [1800, 3600]: median 2700 s = 0.75 h, p90 1800 + 1620 = 3420 s = 0.95 h, mean 0.75 h
    //   triage→in_progress [0, 7200]: median 3600 s = 1 h, p90 6480 s = 1.8 h, mean 1 h
    // Reopen rate: D1 → 1 / 2 = 0.5.
    withFixture([
      status('D1', '2025-01-06T09:00:00Z', 'in_progress', { seq: 3 }),
      status('D1', '2025-01-06T09:00:00Z', 'triage', { seq: 2 }),
      created('D1', '2025-01-06T08:00:00Z', 'N1', { seq: 1 }),
      status('D1', '2025-01-06T11:00:00Z', 'in_progress', { seq: 5 }),
      status('D1', '2025-01-06T11:00:00Z', 'waiting_customer', { seq: 4 }),
      ev('D1', '2025-01-06T12:30:00Z', 'reopened', { step: 'reopened', seq: 7 }),
      status('D1', '2025-01-06T12:30:00Z', 'resolved', { seq: 6 }),
      status('D1', '2025-01-06T14:30:00Z', 'resolved', { seq: 8 }),
      created('D2', '2025-01-07T08:00:00Z', 'N1', { seq: 11 }),
      status('D2', '2025-01-07T08:30:00Z', 'triage', { seq: 12 }),
      status('D2', '2025-01-07T10:30:00Z', 'in_progress', { seq: 13 }),
      status('D2', '2025-01-07T11:00:00Z', 'resolved', { seq: 14 }),
    ]);

    it('measures each transition in (ts, seq) order', async () => {
      const summary = await kpis.summary({});
      expect(byTransition(summary.stepDelays)).toEqual({
        'in_progress>resolved': delay(2, 1, 1.4, 1),
        'new>triage': delay(2, 0.75, 0.95, 0.75),
        'triage>in_progress': delay(2, 1, 1.8, 1),
        'in_progress>waiting_customer': delay(1, 2, 2, 2),
        'reopened>resolved': delay(1, 2, 2, 2),
        'resolved>reopened': delay(1, 0, 0, 0),
        'waiting_customer>in_progress': delay(1, 0, 0, 0),
      });
      expect(summary.stepDelays).toHaveLength(7);
      expect(summary.reopenRate).toBe(0.5);
    });
  });

  describe('§3 handoff pickup median', () => {
    // Pickup = time from the transfer to the next event of the case, in (ts, seq) order, whatever the event.
    // Every case is created at 09:00Z on 2025-01-06 and first assigned at 09:01 to the team it was created in.
    //   H1 N1→N2 10:00, next: inbound contact 10:20                             → 1200 s
    //   H2 N1→N2 10:00, next: status 11:00                                      → 3600 s
    //   H3 N1→N2 10:00, next: status 12:30                                      → 9000 s
    //   H4 N1→N2 10:00, next: status 10:00 with a higher seq                   → 0 s
    //   H5 inbound contact 10:00 (lower seq, before), N1→N2 10:00, status 10:40 → 2400 s
    //   H6 N1→N2 10:00, next: N2→N1 10:30 → 1800 s; N2→N1, next: status 12:30  → 7200 s
    //   H7 N2 → (no team) 10:00 → N3 11:00 (one transfer N2→N3), status 11:15  → 900 s
    //   H8 N2→N3 10:00, next: status 10:45                                      → 2700 s
    //   H9 N2→N3 10:00, the case's latest event                                 → not picked up yet, no delay
    // N1→N2: 6 transfers, [0, 1200, 1800, 2400, 3600, 9000] → median (1800 + 2400) / 2 = 2100 s = 0.58333 h → 0.5833
    // N2→N3: 3 transfers, delays [900, 2700] → median 1800 s = 0.5 h
    // N2→N1: 1 transfer, 7200 s = 2 h
    const start = (caseId: string, team: string) => [
      created(caseId, '2025-01-06T09:00:00Z', team),
      assigned(caseId, '2025-01-06T09:01:00Z', team),
    ];
    withFixture([
      ...start('H1', 'N1'),
      assigned('H1', '2025-01-06T10:00:00Z', 'N2'),
      inbound('H1', '2025-01-06T10:20:00Z'),
      ...start('H2', 'N1'),
      assigned('H2', '2025-01-06T10:00:00Z', 'N2'),
      status('H2', '2025-01-06T11:00:00Z', 'in_progress'),
      ...start('H3', 'N1'),
      assigned('H3', '2025-01-06T10:00:00Z', 'N2'),
      status('H3', '2025-01-06T12:30:00Z', 'in_progress'),
      ...start('H4', 'N1'),
      assigned('H4', '2025-01-06T10:00:00Z', 'N2'),
      status('H4', '2025-01-06T10:00:00Z', 'in_progress'),
      ...start('H5', 'N1'),
      inbound('H5', '2025-01-06T10:00:00Z'),
      assigned('H5', '2025-01-06T10:00:00Z', 'N2'),
      status('H5', '2025-01-06T10:40:00Z', 'in_progress'),
      ...start('H6', 'N1'),
      assigned('H6', '2025-01-06T10:00:00Z', 'N2'),
      assigned('H6', '2025-01-06T10:30:00Z', 'N1'),
      status('H6', '2025-01-06T12:30:00Z', 'in_progress'),
      ...start('H7', 'N2'),
      assigned('H7', '2025-01-06T10:00:00Z', null),
      assigned('H7', '2025-01-06T11:00:00Z', 'N3'),
      status('H7', '2025-01-06T11:15:00Z', 'in_progress'),
      ...start('H8', 'N2'),
      assigned('H8', '2025-01-06T10:00:00Z', 'N3'),
      status('H8', '2025-01-06T10:45:00Z', 'in_progress'),
      ...start('H9', 'N2'),
      assigned('H9', '2025-01-06T10:00:00Z', 'N3'),
    ]);

    it('takes the median of the pickup delays per edge', async () => {
      expect(byEdge((await kpis.handoffs({})).edges)).toEqual({
        'N1>N2': { transfers: 6, pickupMedianHours: 0.5833 },
        'N2>N3': { transfers: 3, pickupMedianHours: 0.5 },
        'N2>N1': { transfers: 1, pickupMedianHours: 2 },
      });
    });
  });
});
