import type { EventType } from '@relais/domain';
import { createTestDatabase, TestDatabase } from '../../testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { eventsOf, FixtureEvent, importFixture } from './cases.testing';

/**
 * Transition facts by KPI-DEFINITIONS §5, expected rows worked out by hand. `seq` is the position in the file;
 * step entries are created, status_changed and reopened. `team` is the team holding the case when it entered
 * from_step after that entry: an assignment without team leaves it in no team's hands, any other event without team
 * states nothing (see refreshTransitionFacts).
 */
const fixtureEvent = eventsOf('fixture');
const ev = (seq: number, caseId: string, ts: string, event: EventType, extra: Partial<FixtureEvent> = {}) =>
  fixtureEvent(caseId, ts, event, { seq, ...extra });

// A: created in N1; N2 assigned during triage; waiting_customer and in_progress at the same instant, ordered
// by seq. A4 comes in a second import: stored after A5 and named after it, so only (ts, seq) puts it first.
const A4 = ev(4, 'A', '2025-01-06T11:00:00Z', 'status_changed', { step: 'waiting_customer' });
const FIRST_IMPORT: FixtureEvent[] = [
  ev(1, 'A', '2025-01-06T08:00:00Z', 'created', { step: 'new', team: 'N1', category: 'billing' }),
  ev(2, 'A', '2025-01-06T09:00:00Z', 'status_changed', { step: 'triage' }),
  ev(3, 'A', '2025-01-06T09:30:00Z', 'assigned', { step: 'triage', team: 'N2' }),
  ev(5, 'A', '2025-01-06T11:00:00Z', 'status_changed', { step: 'in_progress' }),
  ev(6, 'A', '2025-01-06T14:00:00Z', 'status_changed', { step: 'resolved', team: 'N2' }),
  // B: created without a team and assigned at the same instant (after it by seq); resolved → reopened →
  // in_progress; taken out of every team's hands during `reopened`, N2 assigned during the last in_progress.
  ev(10, 'B', '2025-01-07T10:00:00Z', 'created', { step: 'new', category: 'access' }),
  ev(11, 'B', '2025-01-07T10:00:00Z', 'assigned', { step: 'new', team: 'N1' }),
  ev(12, 'B', '2025-01-07T10:30:00Z', 'status_changed', { step: 'in_progress' }),
  ev(13, 'B', '2025-01-07T12:30:00Z', 'status_changed', { step: 'resolved' }),
  ev(14, 'B', '2025-01-08T12:30:00Z', 'reopened', { step: 'reopened' }),
  ev(15, 'B', '2025-01-08T12:45:00Z', 'assigned', { step: 'reopened', team: null }),
  ev(16, 'B', '2025-01-08T15:30:00Z', 'status_changed', { step: 'in_progress' }),
  ev(17, 'B', '2025-01-08T16:00:00Z', 'assigned', { step: 'in_progress', team: 'N2' }),
  ev(18, 'B', '2025-01-08T18:30:00Z', 'status_changed', { step: 'resolved', team: 'N2' }),
  // C: open; sub-second timestamps; an inbound contact recorded with team N3 during triage.
  ev(20, 'C', '2025-01-08T09:00:00Z', 'created', { step: 'new', team: 'N1', category: 'billing' }),
  ev(21, 'C', '2025-01-08T09:30:00.750Z', 'status_changed', { step: 'triage' }),
  ev(22, 'C', '2025-01-08T10:00:00Z', 'contact', { step: 'triage', team: 'N3', direction: 'inbound' }),
  ev(23, 'C', '2025-01-08T10:30:00.900Z', 'status_changed', { step: 'in_progress' }),
  // D: no created event: kept, never counted.
  ev(30, 'D', '2025-01-06T09:00:00Z', 'status_changed', { step: 'triage', team: 'N1' }),
  ev(31, 'D', '2025-01-06T10:00:00Z', 'status_changed', { step: 'resolved', team: 'N1' }),
  // E: N1, then taken out of every team's hands during `new`; the status change and the survey after it state no
  // team, so nobody holds the case when triage is entered.
  ev(40, 'E', '2025-01-10T08:00:00Z', 'created', { step: 'new', team: 'N1' }),
  ev(41, 'E', '2025-01-10T09:00:00Z', 'assigned', { step: 'new', team: null }),
  ev(42, 'E', '2025-01-10T10:00:00Z', 'status_changed', { step: 'triage' }),
  ev(43, 'E', '2025-01-10T10:30:00Z', 'survey', { step: 'triage', csat: 4, csatScale: 5 }),
  ev(44, 'E', '2025-01-10T11:00:00Z', 'status_changed', { step: 'resolved' }),
  // F: created in N1; the status changes are recorded with an empty team: they state nothing, N1 keeps the case.
  ev(50, 'F', '2025-01-10T08:00:00Z', 'created', { step: 'new', team: 'N1' }),
  ev(51, 'F', '2025-01-10T09:00:00Z', 'status_changed', { step: 'triage', team: null }),
  ev(52, 'F', '2025-01-10T10:00:00Z', 'status_changed', { step: 'resolved', team: null }),
];
// C is resolved a day later.
const C5 = ev(24, 'C', '2025-01-09T10:30:00.900Z', 'status_changed', { step: 'resolved' });

const row = (
  caseId: string,
  n: number,
  from: string,
  to: string,
  enteredAt: string,
  leftAt: string,
  seconds: number,
  team: string | null,
) => ({
  caseId,
  n,
  from,
  to,
  enteredAt,
  leftAt,
  seconds,
  team,
});

const A_ROWS = [
  // Team when entering `new`: the created event's N1.
  row('A', 1, 'new', 'triage', '2025-01-06T08:00:00.000Z', '2025-01-06T09:00:00.000Z', 3600, 'N1'),
  // N2 was assigned at 09:30, during triage: triage was entered while N1 held the case.
  row('A', 2, 'triage', 'waiting_customer', '2025-01-06T09:00:00.000Z', '2025-01-06T11:00:00.000Z', 7200, 'N1'),
  row('A', 3, 'waiting_customer', 'in_progress', '2025-01-06T11:00:00.000Z', '2025-01-06T11:00:00.000Z', 0, 'N2'),
  row('A', 4, 'in_progress', 'resolved', '2025-01-06T11:00:00.000Z', '2025-01-06T14:00:00.000Z', 10800, 'N2'),
];
const B_ROWS = [
  // N1 was assigned at the same instant but after `created` (seq 11 > 10): nobody held the case on entry.
  row('B', 1, 'new', 'in_progress', '2025-01-07T10:00:00.000Z', '2025-01-07T10:30:00.000Z', 1800, null),
  row('B', 2, 'in_progress', 'resolved', '2025-01-07T10:30:00.000Z', '2025-01-07T12:30:00.000Z', 7200, 'N1'),
  row('B', 3, 'resolved', 'reopened', '2025-01-07T12:30:00.000Z', '2025-01-08T12:30:00.000Z', 86400, 'N1'),
  row('B', 4, 'reopened', 'in_progress', '2025-01-08T12:30:00.000Z', '2025-01-08T15:30:00.000Z', 10800, 'N1'),
  // The assignment to no team at 12:45 took the case out of N1's hands: nobody held it when in_progress was
  // entered at 15:30; N2 came at 16:00, during the step.
  row('B', 5, 'in_progress', 'resolved', '2025-01-08T15:30:00.000Z', '2025-01-08T18:30:00.000Z', 10800, null),
];
const C_ROWS = [
  // 1800.75 s and 3600.15 s: whole seconds, never rounded up.
  row('C', 1, 'new', 'triage', '2025-01-08T09:00:00.000Z', '2025-01-08T09:30:00.750Z', 1800, 'N1'),
  row('C', 2, 'triage', 'in_progress', '2025-01-08T09:30:00.750Z', '2025-01-08T10:30:00.900Z', 3600, 'N1'),
];

const E_F_ROWS = [
  // `new` was entered while N1 held the case; triage after the assignment to no team.
  row('E', 1, 'new', 'triage', '2025-01-10T08:00:00.000Z', '2025-01-10T10:00:00.000Z', 7200, 'N1'),
  row('E', 2, 'triage', 'resolved', '2025-01-10T10:00:00.000Z', '2025-01-10T11:00:00.000Z', 3600, null),
  row('F', 1, 'new', 'triage', '2025-01-10T08:00:00.000Z', '2025-01-10T09:00:00.000Z', 3600, 'N1'),
  row('F', 2, 'triage', 'resolved', '2025-01-10T09:00:00.000Z', '2025-01-10T10:00:00.000Z', 3600, 'N1'),
];

describe('transition facts (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  async function transitions(): Promise<ReturnType<typeof row>[]> {
    const rows: Array<Record<string, unknown>> = await dataSource.query(
      `SELECT case_id, n, from_step, to_step, entered_at, left_at, seconds::int AS seconds, team
       FROM case_transition ORDER BY case_id, n`,
    );
    return rows.map((r) =>
      row(
        r['case_id'] as string,
        r['n'] as number,
        r['from_step'] as string,
        r['to_step'] as string,
        (r['entered_at'] as Date).toISOString(),
        (r['left_at'] as Date).toISOString(),
        r['seconds'] as number,
        r['team'] as string | null,
      ),
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase('server_transitions');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await importFixture(dataSource, FIRST_IMPORT);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('pairs consecutive step entries of the cases with a created event, the open case included', async () => {
    expect(await transitions()).toEqual([
      // Without A4 yet: triage is left for in_progress at 11:00.
      A_ROWS[0],
      row('A', 2, 'triage', 'in_progress', '2025-01-06T09:00:00.000Z', '2025-01-06T11:00:00.000Z', 7200, 'N1'),
      { ...A_ROWS[3], n: 3 },
      ...B_ROWS,
      ...C_ROWS,
      ...E_F_ROWS,
    ]);
  });

  it('recomputes a case when a later import touches it: ties in ts follow seq, not storage order', async () => {
    await importFixture(dataSource, [A4]);
    expect(await transitions()).toEqual([...A_ROWS, ...B_ROWS, ...C_ROWS, ...E_F_ROWS]);
  });

  it('adds the transition an open case completes later, with the team an event on the way stated', async () => {
    await importFixture(dataSource, [C5]);
    expect(await transitions()).toEqual([
      ...A_ROWS,
      ...B_ROWS,
      ...C_ROWS,
      // The inbound contact at 10:00 was recorded with N3: N3 held the case when in_progress was entered.
      row('C', 3, 'in_progress', 'resolved', '2025-01-08T10:30:00.900Z', '2025-01-09T10:30:00.900Z', 86400, 'N3'),
      ...E_F_ROWS,
    ]);
  });

  it('changes nothing when the same events come again', async () => {
    const before = await transitions();
    await importFixture(dataSource, [...FIRST_IMPORT, A4, C5]);
    expect(await transitions()).toEqual(before);
  });
});
