import type { CaseListQuery } from '@relais/contracts';
import { createTestDatabase, TestDatabase } from '../../testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { caseDetail, InvalidCaseQuery, listCases, parseTransition } from './cases.queries';
import { eventsOf, importFixture } from './cases.testing';

/**
 * Hand-computed drill-down fixture, organisation time zone Europe/Paris (UTC+2 in April).
 *
 * Newest first (created_ts desc, then case_id): C3 04-20, O1 04-10, C4 04-09 08:00, C5 04-09 08:00, C2 04-08, C1 04-07.
 * Customer key-alice / billing: C1 04-07 → C2 04-08 (+1 d) → C3 04-20 (+12 d). With W = 7 only C1 has a repeat;
 * with W = 14, C1 and C2. Transfers: C1 one (N1 → N2), C3 two (N2 → N1 → N2), others none. C2 reopened.
 * Teams at creation: C1 N1, C2 N1, C3 N2, C4 N1, C5 N3, O1 N2. Z has no created event: not a case.
 */
const ev = eventsOf('cases');
const created = (caseId: string, ts: string, customerKey: string, team: string, channel: string, category: string) =>
  ev(caseId, ts, 'created', { customerKey, team, channel, category, step: 'new' });

const FIXTURE = [
  // C1, in (ts, seq) order: 08:00 s1 created · 08:05 s9 contact · 08:10 s2 triage · 08:10 s3 assigned N1 ·
  // 09:00 s4 assigned N2 · 09:30 s5 in_progress · 09:45 s10 contact · 10:00 s6 resolved · 10:00 s7 survey.
  // Listed out of that order on purpose. The transfer at 09:00 is picked up at 09:30: 0.5 h. Second inbound contact
  // before resolution: 1 chaser.
  ev('C1', '2025-04-07T10:00:00Z', 'survey', { step: 'resolved', team: 'N2', csat: 4, csatScale: 5, seq: 7 }),
  ev('C1', '2025-04-07T10:00:00Z', 'status_changed', { step: 'resolved', team: 'N2', seq: 6 }),
  ev('C1', '2025-04-07T08:10:00Z', 'assigned', { step: 'triage', team: 'N1', agent: 'a1', seq: 3 }),
  ev('C1', '2025-04-07T08:10:00Z', 'status_changed', { step: 'triage', team: 'N1', seq: 2 }),
  { ...created('C1', '2025-04-07T08:00:00Z', 'key-alice', 'N1', 'phone', 'billing'), seq: 1 },
  ev('C1', '2025-04-07T09:00:00Z', 'assigned', { step: 'triage', team: 'N2', agent: 'a2', seq: 4 }),
  ev('C1', '2025-04-07T09:30:00Z', 'status_changed', { step: 'in_progress', team: 'N2', seq: 5 }),
  ev('C1', '2025-04-07T08:05:00Z', 'contact', { direction: 'inbound', seq: 9 }),
  ev('C1', '2025-04-07T09:45:00Z', 'contact', { direction: 'inbound', seq: 10 }),
  { ...created('C2', '2025-04-08T08:00:00Z', 'key-alice', 'N1', 'email', 'billing'), seq: 20 },
  ev('C2', '2025-04-08T08:05:00Z', 'assigned', { team: 'N1', seq: 21 }),
  ev('C2', '2025-04-08T09:00:00Z', 'status_changed', { step: 'resolved', seq: 22 }),
  ev('C2', '2025-04-09T09:00:00Z', 'reopened', { step: 'reopened', seq: 23 }),
  { ...created('C3', '2025-04-20T08:00:00Z', 'key-alice', 'N2', 'phone', 'billing'), seq: 30 },
  ev('C3', '2025-04-20T08:05:00Z', 'assigned', { team: 'N2', seq: 31 }),
  ev('C3', '2025-04-20T09:00:00Z', 'assigned', { team: 'N1', seq: 32 }),
  ev('C3', '2025-04-20T10:00:00Z', 'assigned', { team: 'N2', seq: 33 }),
  { ...created('C4', '2025-04-09T08:00:00Z', 'key-bob', 'N1', 'web', 'access'), seq: 40 },
  ev('C4', '2025-04-09T08:30:00Z', 'status_changed', { step: 'triage', seq: 41 }),
  { ...created('C5', '2025-04-09T08:00:00Z', 'key-carol', 'N3', 'phone', 'access'), seq: 50 },
  ev('Z', '2025-04-09T08:00:00Z', 'assigned', { team: 'N1', seq: 60 }),
  {
    ...eventsOf('other')('O1', '2025-04-10T08:00:00Z', 'created', {
      customerKey: 'key-dan',
      team: 'N2',
      channel: 'phone',
      category: 'billing',
      step: 'new',
    }),
    seq: 70,
  },
];

// Step transitions (§5) of C1 and C4, set by hand so that this spec tests the filter, not the transition rule.
const TRANSITIONS = [
  ['C1', 1, 'new', 'triage', '2025-04-07T08:00:00Z', '2025-04-07T08:10:00Z'],
  ['C1', 2, 'triage', 'in_progress', '2025-04-07T08:10:00Z', '2025-04-07T09:30:00Z'],
  ['C1', 3, 'in_progress', 'resolved', '2025-04-07T09:30:00Z', '2025-04-07T10:00:00Z'],
  ['C4', 1, 'new', 'triage', '2025-04-09T08:00:00Z', '2025-04-09T08:30:00Z'],
];

describe('cases drill-down (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const ids = async (query: CaseListQuery) => {
    const page = await listCases(dataSource, query, 'Europe/Paris');
    return { total: page.total, ids: page.items.map((item) => `${item.source}/${item.caseId}`) };
  };

  beforeAll(async () => {
    database = await createTestDatabase('server_cases');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await importFixture(dataSource, FIXTURE);
    await dataSource.query(`DELETE FROM case_transition WHERE source = 'cases'`);
    for (const [caseId, n, from, to, enteredAt, leftAt] of TRANSITIONS) {
      await dataSource.query(
        `INSERT INTO case_transition (source, case_id, n, from_step, to_step, entered_at, left_at, seconds)
         VALUES ('cases', $1, $2, $3, $4, $5, $6, extract(epoch FROM $6::timestamptz - $5::timestamptz))`,
        [caseId, n, from, to, enteredAt, leftAt],
      );
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('lists the cases newest first, then by case id, with their facts', async () => {
    const page = await listCases(dataSource, {}, 'Europe/Paris');
    expect(page.total).toBe(6);
    expect(page.items.map((item) => item.caseId)).toEqual(['C3', 'O1', 'C4', 'C5', 'C2', 'C1']);
    expect(page.items[5]).toEqual({
      source: 'cases',
      caseId: 'C1',
      createdAt: '2025-04-07T08:00:00.000Z',
      team: 'N1',
      channel: 'phone',
      category: 'billing',
      transfers: 1,
      repeated: true,
      reopened: false,
    });
    expect(page.items[4]).toMatchObject({ caseId: 'C2', transfers: 0, repeated: false, reopened: true });
    expect(page.items[0]).toMatchObject({ caseId: 'C3', team: 'N2', transfers: 2, repeated: false });
  });

  it.each<[string, CaseListQuery, { total: number; ids: string[] }]>([
    // Pages of 2 over the 6 cases: page 2 is the third and fourth; past the end, the total stays.
    ['page 2 of 2', { page: 2, pageSize: 2 }, { total: 6, ids: ['cases/C4', 'cases/C5'] }],
    ['page 3 of 2', { page: 3, pageSize: 2 }, { total: 6, ids: ['cases/C2', 'cases/C1'] }],
    ['a page past the end', { page: 4, pageSize: 2 }, { total: 6, ids: [] }],
    ['source', { source: 'other' }, { total: 1, ids: ['other/O1'] }],
    // Team at creation: C3 ends in N2 but C1 was created in N1.
    ['team N1, second page of 1', { team: 'N1', page: 2, pageSize: 1 }, { total: 3, ids: ['cases/C2'] }],
    ['channel', { channel: 'web' }, { total: 1, ids: ['cases/C4'] }],
    // 9 April in Paris: 04-09 08:00Z is 10:00 local.
    ['one day', { from: '2025-04-09', to: '2025-04-10' }, { total: 2, ids: ['cases/C4', 'cases/C5'] }],
    ['minTransfers 1', { minTransfers: 1 }, { total: 2, ids: ['cases/C3', 'cases/C1'] }],
    ['minTransfers 2', { minTransfers: 2 }, { total: 1, ids: ['cases/C3'] }],
    ['repeated within 7 days', { repeated: true }, { total: 1, ids: ['cases/C1'] }],
    ['repeated within 14 days', { repeated: true, repeatWindowDays: 14 }, { total: 2, ids: ['cases/C2', 'cases/C1'] }],
    [
      'not repeated',
      { repeated: false },
      { total: 5, ids: ['cases/C3', 'other/O1', 'cases/C4', 'cases/C5', 'cases/C2'] },
    ],
    ['transition triage>in_progress', { transition: 'triage>in_progress' }, { total: 1, ids: ['cases/C1'] }],
    ['transition new > triage', { transition: ' new > triage ' }, { total: 2, ids: ['cases/C4', 'cases/C1'] }],
    ['transition never taken', { transition: 'triage>new' }, { total: 0, ids: [] }],
    // Transfers of §3: C1 N1 → N2; C3 N2 → N1 → N2. The pair is directed.
    ['handoff N1>N2', { handoff: 'N1>N2' }, { total: 2, ids: ['cases/C3', 'cases/C1'] }],
    ['handoff N2 > N1', { handoff: ' N2 > N1 ' }, { total: 1, ids: ['cases/C3'] }],
    ['handoff never made', { handoff: 'N1>N3' }, { total: 0, ids: [] }],
    // ISO weeks in Paris: 04-07 (Monday) to 04-10 are 2025-W15; 04-20 (Sunday, 10:00 local) is the end of W16.
    [
      'week 2025-W15',
      { week: '2025-W15' },
      { total: 5, ids: ['other/O1', 'cases/C4', 'cases/C5', 'cases/C2', 'cases/C1'] },
    ],
    ['week 2025-W16', { week: '2025-W16' }, { total: 1, ids: ['cases/C3'] }],
    ['week without cases', { week: '2025-W14' }, { total: 0, ids: [] }],
    ['week and handoff', { week: '2025-W15', handoff: 'N1>N2' }, { total: 1, ids: ['cases/C1'] }],
    [
      'filters combined',
      { category: 'billing', minTransfers: 1, repeated: true, transition: 'new>triage' },
      { total: 1, ids: ['cases/C1'] },
    ],
  ])('filters and pages: %s', async (_label, query, expected) => {
    expect(await ids(query)).toEqual(expected);
  });

  it('defaults to pages of 50', async () => {
    // 51 more cases in a source of their own (the other tests filter nothing and ran before this one).
    const bulk = eventsOf('bulk');
    await importFixture(
      dataSource,
      Array.from({ length: 51 }, (_, i) =>
        bulk(`B${String(i + 1).padStart(2, '0')}`, '2025-05-01T08:00:00Z', 'created'),
      ),
    );
    const first = await listCases(dataSource, { source: 'bulk' }, 'Europe/Paris');
    expect({ total: first.total, n: first.items.length, last: first.items[49].caseId }).toEqual({
      total: 51,
      n: 50,
      last: 'B50',
    });
    const second = await listCases(dataSource, { source: 'bulk', page: 2 }, 'Europe/Paris');
    expect(second.items.map((item) => item.caseId)).toEqual(['B51']);
  });

  it.each<[CaseListQuery, RegExp]>([
    [{ pageSize: 501 }, /pageSize must be an integer from 1 to 500/],
    [{ pageSize: 0 }, /pageSize/],
    [{ page: 0 }, /page must be/],
    [{ page: 1.5 }, /page must be/],
    [{ minTransfers: -1 }, /minTransfers/],
    [{ transition: 'triage' }, /transition must be two steps joined by ">"/],
    [{ transition: 'a>b>c' }, /transition/],
    [{ transition: '>triage' }, /transition/],
    [{ handoff: 'N1' }, /handoff must be two teams joined by ">"/],
    [{ handoff: 'N1>' }, /handoff/],
    [{ week: '2025-W54' }, /week must be an ISO week/],
    [{ week: '2025-15' }, /week must be an ISO week/],
  ])('refuses %j', async (query, message) => {
    const attempt = listCases(dataSource, query, 'Europe/Paris');
    await expect(attempt).rejects.toThrow(InvalidCaseQuery);
    await expect(attempt).rejects.toThrow(message);
  });

  it('parses a transition with spaces inside the steps', () => {
    expect(parseTransition('Support / Open>Support / Closed')).toEqual({
      from: 'Support / Open',
      to: 'Support / Closed',
    });
  });

  it('shows one case with its events in (ts, seq) order and never the customer', async () => {
    const detail = await caseDetail(dataSource, 'cases', 'C1');
    expect(detail).toMatchObject({
      source: 'cases',
      caseId: 'C1',
      createdAt: '2025-04-07T08:00:00.000Z',
      team: 'N1',
      transfers: 1,
      repeated: true,
      reopened: false,
      repeatWindowDays: 7,
      transfersFrom: 'events',
      chasers: 1,
      surveys: 1,
      handoffs: [{ from: 'N1', to: 'N2', transferredAt: '2025-04-07T09:00:00.000Z', pickupHours: 0.5 }],
    });
    expect(detail?.events.map((e) => [e.ts.slice(11, 16), e.seq, e.event, e.step])).toEqual([
      ['08:00', 1, 'created', 'new'],
      ['08:05', 9, 'contact', null],
      ['08:10', 2, 'status_changed', 'triage'],
      ['08:10', 3, 'assigned', 'triage'],
      ['09:00', 4, 'assigned', 'triage'],
      ['09:30', 5, 'status_changed', 'in_progress'],
      ['09:45', 10, 'contact', null],
      ['10:00', 6, 'status_changed', 'resolved'],
      ['10:00', 7, 'survey', 'resolved'],
    ]);
    expect(detail?.events[0]).toEqual({
      ts: '2025-04-07T08:00:00.000Z',
      seq: 1,
      event: 'created',
      step: 'new',
      team: 'N1',
      agent: null,
      channel: 'phone',
      category: 'billing',
      direction: null,
      csat: null,
      csatScale: null,
    });
    expect(detail?.events[8]).toMatchObject({ event: 'survey', csat: 4, csatScale: 5 });
    expect(JSON.stringify(detail)).not.toMatch(/key-alice|customer/i);
  });

  it('judges `repeated` with the window asked for', async () => {
    expect(await caseDetail(dataSource, 'cases', 'C2')).toMatchObject({ repeated: false, repeatWindowDays: 7 });
    expect(await caseDetail(dataSource, 'cases', 'C2', 14)).toMatchObject({ repeated: true, repeatWindowDays: 14 });
  });

  it('knows no case without a created event, nor one of another source', async () => {
    expect(await caseDetail(dataSource, 'cases', 'Z')).toBeNull();
    expect(await caseDetail(dataSource, 'other', 'C1')).toBeNull();
  });
});
