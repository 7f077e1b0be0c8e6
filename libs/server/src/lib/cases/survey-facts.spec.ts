import { createTestDatabase, TestDatabase } from '../../testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { eventsOf, FixtureEvent, importFixture } from './cases.testing';

const ev = eventsOf('fixture');
const survey = (caseId: string, ts: string, csat: number, csatScale: number, extra: Partial<FixtureEvent> = {}) =>
  ev(caseId, ts, 'survey', { csat, csatScale, ...extra });

/**
 * Survey attribution, KPI-DEFINITIONS §6: the step and team after the latest event strictly before the survey in
 * (ts, seq) order. An empty step carries the last one stated; an assignment without team leaves the case in no
 * team's hands, any other event without team states nothing. Expected rows worked out below.
 */
const FIXTURE: FixtureEvent[] = [
  // W: transferred N1 → N2, then waiting for the customer; the status change and the contact state no team.
  // The survey row itself claims resolved / N1: ignored. → waiting_customer, N2.
  ev('W', '2025-01-06T09:00:00Z', 'created', { step: 'new', team: 'N1', customerKey: 'k1', category: 'billing' }),
  ev('W', '2025-01-06T09:05:00Z', 'assigned', { team: 'N1', agent: 'a1' }),
  ev('W', '2025-01-06T10:00:00Z', 'assigned', { team: 'N2', agent: 'b1' }),
  ev('W', '2025-01-06T10:30:00Z', 'status_changed', { step: 'waiting_customer' }),
  ev('W', '2025-01-06T11:00:00Z', 'contact', { direction: 'inbound' }),
  survey('W', '2025-01-06T12:00:00Z', 9, 10, { step: 'resolved', team: 'N1' }),
  // T: two answers at 12:00 around a status change at 12:00; seq decides. The move to in_progress has a higher
  // seq than the first answer but an earlier ts, so it is earlier: ts first, seq only between equal ts.
  // → first answer (seq 20 < 21) in_progress, second (seq 22 > 21) resolved; both N1 (from created).
  ev('T', '2025-01-07T09:00:00Z', 'created', { step: 'new', team: 'N1', seq: 1 }),
  ev('T', '2025-01-07T10:00:00Z', 'status_changed', { step: 'in_progress', seq: 25 }),
  survey('T', '2025-01-07T12:00:00Z', 5, 5, { seq: 22 }),
  ev('T', '2025-01-07T12:00:00Z', 'status_changed', { step: 'resolved', seq: 21 }),
  survey('T', '2025-01-07T12:00:00Z', 3, 5, { seq: 20 }),
  // X: an answer tied with `created` but before it in seq has no earlier event → null step and team. Then the
  // case is taken out of N1's hands (assigned, no team): the next answer belongs to no team, step new.
  survey('X', '2025-01-08T09:00:00Z', 4, 5, { seq: 30 }),
  ev('X', '2025-01-08T09:00:00Z', 'created', { step: 'new', team: 'N1', seq: 31 }),
  ev('X', '2025-01-08T09:10:00Z', 'assigned', { team: 'N1', seq: 32 }),
  ev('X', '2025-01-08T09:20:00Z', 'assigned', { team: null, seq: 33 }),
  survey('X', '2025-01-08T10:00:00Z', 2, 5, { seq: 34 }),
  // U: N1, taken out of every team's hands, then moved to triage by a status change that states no team: the
  // answer belongs to triage and to no team.
  ev('U', '2025-01-10T09:00:00Z', 'created', { step: 'new', team: 'N1', seq: 40 }),
  ev('U', '2025-01-10T09:10:00Z', 'assigned', { team: null, seq: 41 }),
  ev('U', '2025-01-10T09:20:00Z', 'status_changed', { step: 'triage', seq: 42 }),
  survey('U', '2025-01-10T10:00:00Z', 3, 5, { seq: 43 }),
  // V: created in N1; a status change and a contact recorded without team (the contact without step too) change
  // neither the team nor the step: → in_progress, N1.
  ev('V', '2025-01-10T09:00:00Z', 'created', { step: 'new', team: 'N1', seq: 50 }),
  ev('V', '2025-01-10T09:10:00Z', 'status_changed', { step: 'in_progress', team: null, seq: 51 }),
  ev('V', '2025-01-10T09:20:00Z', 'contact', { direction: 'inbound', seq: 52 }),
  survey('V', '2025-01-10T10:00:00Z', 5, 5, { seq: 53 }),
  // O: no created event: kept in the log, never a fact.
  ev('O', '2025-01-09T09:00:00Z', 'assigned', { team: 'N3' }),
  survey('O', '2025-01-09T10:00:00Z', 5, 5),
];

describe('refreshSurveyFacts (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const facts = () =>
    dataSource.query(
      `SELECT case_id, n, to_char(answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS at, step, team,
              csat, csat_scale
       FROM case_survey ORDER BY case_id, n`,
    );

  const EXPECTED = [
    { case_id: 'T', n: 1, at: '2025-01-07T12:00', step: 'in_progress', team: 'N1', csat: 3, csat_scale: 5 },
    { case_id: 'T', n: 2, at: '2025-01-07T12:00', step: 'resolved', team: 'N1', csat: 5, csat_scale: 5 },
    { case_id: 'U', n: 1, at: '2025-01-10T10:00', step: 'triage', team: null, csat: 3, csat_scale: 5 },
    { case_id: 'V', n: 1, at: '2025-01-10T10:00', step: 'in_progress', team: 'N1', csat: 5, csat_scale: 5 },
    { case_id: 'W', n: 1, at: '2025-01-06T12:00', step: 'waiting_customer', team: 'N2', csat: 9, csat_scale: 10 },
    { case_id: 'X', n: 1, at: '2025-01-08T09:00', step: null, team: null, csat: 4, csat_scale: 5 },
    { case_id: 'X', n: 2, at: '2025-01-08T10:00', step: 'new', team: null, csat: 2, csat_scale: 5 },
  ];

  beforeAll(async () => {
    database = await createTestDatabase('server_survey_facts');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await importFixture(dataSource, FIXTURE);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('attributes each answer to the state after the latest earlier event', async () => {
    expect(await facts()).toEqual(EXPECTED);
  });

  it('changes nothing when the same events come again', async () => {
    expect(await importFixture(dataSource, FIXTURE)).toBe(0);
    expect(await facts()).toEqual(EXPECTED);
  });

  it('re-attributes an answer when a later import brings an earlier event of its case', async () => {
    // An overlapping export of W that also has a status change at 11:30: W's answer (12:00) is now in resolved,
    // still with N2. Only W is touched; the other cases keep their rows.
    await importFixture(dataSource, [
      ev('W', '2025-01-06T09:00:00Z', 'created', { step: 'new', team: 'N1', customerKey: 'k1', category: 'billing' }),
      ev('W', '2025-01-06T11:30:00Z', 'status_changed', { step: 'resolved' }),
    ]);
    expect(await facts()).toEqual(EXPECTED.map((row) => (row.case_id === 'W' ? { ...row, step: 'resolved' } : row)));
  });
});
