import { createTestDatabase, TestDatabase } from '../../testing';
import { DataSource } from 'typeorm';
import { eventsOf, FixtureEvent, importFixture } from '../cases/cases.testing';
import { loadConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { KpiService } from './kpi.service';

/**
 * Hand-computed fixture (organisation time zone Europe/Paris). Expected values are worked out in the comments
 * from KPI-DEFINITIONS §2–§4 and §6, never read back from the code.
 *
 * Customer k1 / billing: A 2025-01-06 09:00Z, B 2025-01-08 09:00Z (+2 d), C 2025-01-15 09:00Z (+7 d exactly),
 * D 2025-01-22 09:00:01Z (+7 d 1 s). F: k2 / access, created Sunday 2025-01-12 23:30Z = Monday 00:30 in Paris.
 * E has no `created` event: kept, never counted.
 */
// seq 0 unless given: only the same-instant assignments of A need an order.
const ev = eventsOf('fixture', { seq: 0 });
const created = (caseId: string, ts: string, customerKey: string, category: string) =>
  ev(caseId, ts, 'created', { customerKey, category, channel: 'phone', step: 'new', team: 'N1' });
const survey = (caseId: string, ts: string, csat: number, csatScale = 5) =>
  ev(caseId, ts, 'survey', { csat, csatScale, step: 'resolved' });

const FIXTURE: FixtureEvent[] = [
  // A: N1 → N2 → N1 (same instant twice, ordered by seq): 2 transfers, 3 entries, 2 teams → ping-pong.
  created('A', '2025-01-06T09:00:00Z', 'k1', 'billing'),
  ev('A', '2025-01-06T09:01:00Z', 'assigned', { team: 'N1', agent: 'a1', seq: 1 }),
  ev('A', '2025-01-06T10:00:00Z', 'assigned', { team: 'N2', agent: 'a2', seq: 2 }),
  ev('A', '2025-01-06T10:00:00Z', 'assigned', { team: 'N1', agent: 'a3', seq: 3 }),
  ev('A', '2025-01-06T12:00:00Z', 'status_changed', { step: 'resolved' }),
  ...[5, 4, 3, 2, 1].map((csat, i) => survey('A', `2025-01-06T13:0${i}:00Z`, csat)),
  // B: routed from no team to N2 (not a transfer); reopened; one answer on a 10-point scale.
  created('B', '2025-01-08T09:00:00Z', 'k1', 'billing'),
  ev('B', '2025-01-08T09:05:00Z', 'assigned', { team: null }),
  ev('B', '2025-01-08T09:10:00Z', 'assigned', { team: 'N2' }),
  ev('B', '2025-01-09T09:00:00Z', 'status_changed', { step: 'resolved' }),
  ev('B', '2025-01-10T09:00:00Z', 'reopened', { step: 'reopened' }),
  survey('B', '2025-01-11T09:00:00Z', 9, 10),
  // C: agent change inside N1 only: 0 transfers.
  created('C', '2025-01-15T09:00:00Z', 'k1', 'billing'),
  ev('C', '2025-01-15T09:01:00Z', 'assigned', { team: 'N1', agent: 'a1' }),
  ev('C', '2025-01-15T09:02:00Z', 'assigned', { team: 'N1', agent: 'a2' }),
  created('D', '2025-01-22T09:00:01Z', 'k1', 'billing'),
  ev('D', '2025-01-23T10:00:00Z', 'status_changed', { step: 'in_progress' }),
  // E: no created event.
  ev('E', '2025-01-07T09:00:00Z', 'assigned', { team: 'N3' }),
  // F: N1 → (none) → N3 is one transfer; 3 inbound contacts before resolution = 2 chasers, 1 after = none.
  created('F', '2025-01-12T23:30:00Z', 'k2', 'access'),
  ev('F', '2025-01-12T23:31:00Z', 'assigned', { team: 'N1' }),
  ev('F', '2025-01-13T08:00:00Z', 'contact', { direction: 'inbound' }),
  ev('F', '2025-01-13T09:00:00Z', 'assigned', { team: null }),
  ev('F', '2025-01-13T10:00:00Z', 'contact', { direction: 'inbound' }),
  ev('F', '2025-01-13T10:30:00Z', 'contact', { direction: 'outbound' }),
  ev('F', '2025-01-14T10:00:00Z', 'contact', { direction: 'inbound' }),
  ev('F', '2025-01-14T11:00:00Z', 'assigned', { team: 'N3' }),
  ev('F', '2025-01-15T10:00:00Z', 'status_changed', { step: 'resolved' }),
  ev('F', '2025-01-16T10:00:00Z', 'contact', { direction: 'inbound' }),
];

describe('per-case facts and indicators (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let kpis: KpiService;

  beforeAll(async () => {
    database = await createTestDatabase('server_kpis');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    kpis = new KpiService(dataSource, { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: 'Europe/Paris' });
    await importFixture(dataSource, FIXTURE);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('keeps per-case facts by the rules', async () => {
    const rows = await dataSource.query(
      `SELECT case_id, transfers, team_entries, distinct_teams, reopened, chasers, team,
              to_char(created_week, 'YYYY-MM-DD') AS week
       FROM case_fact ORDER BY case_id`,
    );
    expect(rows).toEqual([
      {
        case_id: 'A',
        transfers: 2,
        team_entries: 3,
        distinct_teams: 2,
        reopened: false,
        chasers: 0,
        team: 'N1',
        week: '2025-01-06',
      },
      {
        case_id: 'B',
        transfers: 0,
        team_entries: 1,
        distinct_teams: 1,
        reopened: true,
        chasers: 0,
        team: 'N1',
        week: '2025-01-06',
      },
      {
        case_id: 'C',
        transfers: 0,
        team_entries: 1,
        distinct_teams: 1,
        reopened: false,
        chasers: 0,
        team: 'N1',
        week: '2025-01-13',
      },
      {
        case_id: 'D',
        transfers: 0,
        team_entries: 0,
        distinct_teams: 0,
        reopened: false,
        chasers: 0,
        team: 'N1',
        week: '2025-01-20',
      },
      // Sunday 23:30 UTC is Monday 00:30 in Paris: week of 13 January, not 6 January.
      {
        case_id: 'F',
        transfers: 1,
        team_entries: 2,
        distinct_teams: 2,
        reopened: false,
        chasers: 2,
        team: 'N1',
        week: '2025-01-13',
      },
    ]);
  });

  it('summarises the five cases', async () => {
    const summary = await kpis.summary({});
    expect(summary.cases).toBe(5);
    // (2 + 0 + 0 + 0 + 1) / 5
    expect(summary.transfers).toEqual({
      mean: 0.6,
      distribution: { '0': 3, '1': 1, '2': 1, '3': 0, '4+': 0 },
      pingPongShare: 0.2,
    });
    // A (+2 d) and B (+7 d, inclusive) repeat; C (+7 d 1 s) does not. Latest event 2025-01-23 10:00Z:
    // only D was created less than 7 days before it.
    expect(summary.repeatContact).toEqual({ windowDays: 7, rate: 0.4, repeatedCases: 2, provisionalCases: 1 });
    expect(summary.reopenRate).toBe(0.2);
    // Only F was chased: 2 inbound contacts after its first one and before resolution; 2 / 5 cases.
    expect(summary.chasers).toEqual({ total: 2, casesWithChasers: 1, perCase: 0.4 });
  });

  it('honours the repeat window: at 2 days only A (exactly +2 d) repeats', async () => {
    const summary = await kpis.summary({ repeatWindowDays: 2 });
    expect(summary.repeatContact).toEqual({ windowDays: 2, rate: 0.2, repeatedCases: 1, provisionalCases: 1 });
  });

  it('groups weeks in the organisation time zone, with satisfaction of the week', async () => {
    const { weeks } = await kpis.weekly({});
    expect(weeks).toEqual([
      // A + B. Surveys: A 5,4,3,2,1 of 5 and B 9 of 10 → mixed scales, normalised mean
      // (1 + .75 + .5 + .25 + 0 + 8/9) / 6 = 0.5648; top two: 5, 4 and 9 → 3 / 6.
      {
        week: '2025-W02',
        start: '2025-01-06',
        cases: 2,
        transfersMean: 1,
        pingPongShare: 0.5,
        repeatRate: 1,
        provisional: false,
        surveys: 6,
        csatMean: 0.5648,
        csatShare: 0.5,
      },
      {
        week: '2025-W03',
        start: '2025-01-13',
        cases: 2,
        transfersMean: 0.5,
        pingPongShare: 0,
        repeatRate: 0,
        provisional: false,
        surveys: 0,
        csatMean: null,
        csatShare: null,
      },
      {
        week: '2025-W04',
        start: '2025-01-20',
        cases: 1,
        transfersMean: 0,
        pingPongShare: 0,
        repeatRate: 0,
        provisional: true,
        surveys: 0,
        csatMean: null,
        csatShare: null,
      },
    ]);
  });

  it('filters by period (organisation days), team and category', async () => {
    expect((await kpis.summary({ from: '2025-01-13', to: '2025-01-20' })).cases).toBe(2);
    expect((await kpis.summary({ category: 'access' })).transfers.mean).toBe(1);
    expect((await kpis.summary({ team: 'N2' })).cases).toBe(0);
  });

  it('adds nothing when the same events come again', async () => {
    expect(await importFixture(dataSource, FIXTURE)).toBe(0);
    expect((await kpis.summary({})).cases).toBe(5);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM journey_event`);
    expect(count).toBe(FIXTURE.length);
  });
});
