import { pseudonymise } from '@relais/domain';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { loadConfig, RelaisConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { KpiService } from '../kpis/kpi.service';
import { copyIntoObservations, createStaging, StagedObservation } from './event-store';
import { deriveEventLogEvents } from './eventlog-derivation';
import { ImportRunner } from './import-runner';
import { ImportEntity } from './import.entity';
import { datasetPath, ingestFixture, runImport as runFileImport } from './imports.testing';

/** The hand-made fixture the domain adapter spec reads too. */
const FIXTURE = ingestFixture('ok/eventlog-helpdesk.csv');
const FIXTURE_MAPPING = {
  caseId: 'Ticket',
  customer: 'Opened by',
  timestamp: 'When',
  timestampFormat: 'MM/dd/yyyy HH:mm',
  step: ['Status', 'Substatus'],
  team: 'Queue',
  agent: 'Agent',
  channel: 'Channel',
  category: 'Topic',
  csat: 'Rating',
  csatScale: 'Scale',
};
// Read in place, never copied (datasets/README.md).
const ITALIAN = datasetPath('helpdesk-italian-4tu/finale.csv.gz');
const ITALIAN_MAPPING = { caseId: 'Case ID', timestamp: 'Complete Timestamp', step: 'Activity', team: 'Resource' };

type EventRow = [
  caseId: string,
  ts: string,
  seq: number,
  event: string,
  step: string | null,
  team: string | null,
  agent: string | null,
];
const EVENT_ROW = `case_id, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS ts, seq::int AS seq, event, step, team, agent`;
const asTuple = (r: Record<string, unknown>): EventRow =>
  [r['case_id'], r['ts'], r['seq'], r['event'], r['step'], r['team'], r['agent']] as EventRow;

describe('event-log derivation and the eventlog import (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let config: RelaisConfig;
  let runner: ImportRunner;

  const runImport = (source: string, filePath: string, mapping: unknown, timeZone: string): Promise<ImportEntity> =>
    runFileImport(dataSource, runner, { format: 'eventlog', source, filePath, mapping, timeZone });

  beforeAll(async () => {
    database = await createTestDatabase('server_eventlog');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    config = { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: 'Europe/Paris' };
    runner = new ImportRunner(dataSource, dataSource.getRepository(ImportEntity), config);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  describe('ok/eventlog-helpdesk.csv through ImportRunner', () => {
    let report: ImportEntity;
    beforeAll(async () => {
      report = await runImport('fixture', FIXTURE, FIXTURE_MAPPING, 'Europe/Paris');
    });

    it('reports one row read per file row and stores every derived event', () => {
      // 9 events for T-1, 6 for T-2, 2 for T-3 (listed in the next test).
      expect(report).toMatchObject({
        status: 'succeeded',
        rowsRead: 13,
        rejected: 0,
        errors: [],
        eventsStored: 17,
        duplicates: 0,
      });
    });

    it('derives created, assigned, status_changed and survey events in (ts, seq) order', async () => {
      const rows = await dataSource.query(
        `SELECT ${EVENT_ROW} FROM journey_event WHERE source = 'fixture' ORDER BY case_id, ts, seq`,
      );
      // Times are naive Europe/Paris (UTC+1). Derived seq = record position × 4 + (0 created, 1 assigned,
      // 2 status_changed, 3 survey). In (ts, seq) order, record → events:
      expect(rows.map(asTuple)).toEqual<EventRow[]>([
        // T-1. Record 9 (09:00, written late in the file) is its first row: created + first assignment N1.
        ['T-1', '2025-01-13T08:00', 36, 'created', 'New', 'N1', null],
        ['T-1', '2025-01-13T08:00', 37, 'assigned', 'New', 'N1', null],
        // Record 3 (09:30): step New → Open / Triage; team N1 = last known → no assignment.
        ['T-1', '2025-01-13T08:30', 14, 'status_changed', 'Open / Triage', 'N1', 'alice'],
        // Record 4 (10:00): N1 again, agent alice → bob, same step: no event at all.
        // Record 1 (11:00): N1 → N2 is a transfer, and a step change; assigned (k=1) before status_changed (k=2).
        ['T-1', '2025-01-13T10:00', 5, 'assigned', 'Open / In progress', 'N2', 'carol'],
        ['T-1', '2025-01-13T10:00', 6, 'status_changed', 'Open / In progress', 'N2', 'carol'],
        // Record 5 (11:00 too, after record 1 by file order): empty team, same step → nothing.
        // Record 7 (next day 08:00): N2 = last known team (the empty one skipped) → no assignment; step change.
        ['T-1', '2025-01-14T07:00', 30, 'status_changed', 'Open / Waiting customer', 'N2', 'carol'],
        // Record 8: N2 → N1 (back: ping-pong), Resolved, rated 4 (empty Scale → of 5).
        ['T-1', '2025-01-15T15:00', 33, 'assigned', 'Resolved', 'N1', 'dave'],
        ['T-1', '2025-01-15T15:00', 34, 'status_changed', 'Resolved', 'N1', 'dave'],
        ['T-1', '2025-01-15T15:00', 35, 'survey', 'Resolved', 'N1', 'dave'],
        // T-2. Records 2 and 6 tie at 09:00: file order makes record 2 the first row.
        ['T-2', '2025-01-14T08:00', 8, 'created', 'New', 'Support, Paris', null],
        ['T-2', '2025-01-14T08:00', 9, 'assigned', 'New', 'Support, Paris', null],
        ['T-2', '2025-01-14T08:00', 25, 'assigned', 'Open / Triage', 'N1', 'erin'],
        ['T-2', '2025-01-14T08:00', 26, 'status_changed', 'Open / Triage', 'N1', 'erin'],
        // Record 10: Resolved, rated 9 of 10; record 11 repeats step and team → nothing.
        ['T-2', '2025-01-16T09:00', 42, 'status_changed', 'Resolved', 'N1', 'erin'],
        ['T-2', '2025-01-16T09:00', 43, 'survey', 'Resolved', 'N1', 'erin'],
        // T-3. Created without a team; the first team (record 13) is its first assignment, no step change.
        ['T-3', '2025-01-20T07:00', 48, 'created', 'New', null, null],
        ['T-3', '2025-01-20T07:10', 53, 'assigned', 'New', 'N3', 'frank'],
      ]);
    });

    it('puts customer (pseudonymised), channel and category on created only, csat on survey only', async () => {
      const rows = await dataSource.query(
        `SELECT case_id, event, customer_key, channel, category, csat, csat_scale FROM journey_event
         WHERE source = 'fixture' AND (event IN ('created', 'survey') OR customer_key IS NOT NULL OR channel IS NOT NULL
                                       OR category IS NOT NULL OR csat IS NOT NULL)
         ORDER BY case_id, ts, seq`,
      );
      const key = (customer: string) => pseudonymise(config.secret, customer);
      expect(rows).toEqual([
        {
          case_id: 'T-1',
          event: 'created',
          customer_key: key('cust-a'),
          channel: 'email',
          category: 'billing',
          csat: null,
          csat_scale: null,
        },
        { case_id: 'T-1', event: 'survey', customer_key: null, channel: null, category: null, csat: 4, csat_scale: 5 },
        {
          case_id: 'T-2',
          event: 'created',
          customer_key: key('cust-b'),
          channel: 'phone',
          category: 'access',
          csat: null,
          csat_scale: null,
        },
        { case_id: 'T-2', event: 'survey', customer_key: null, channel: null, category: null, csat: 9, csat_scale: 10 },
        {
          case_id: 'T-3',
          event: 'created',
          customer_key: key('cust-a'),
          channel: 'chat',
          category: 'billing',
          csat: null,
          csat_scale: null,
        },
      ]);
    });

    it('gives the transfers of KPI-DEFINITIONS §3 in the case facts', async () => {
      const rows = await dataSource.query(
        `SELECT case_id, team, transfers, team_entries, distinct_teams, surveys, next_same_subject_ms::int AS next_ms
         FROM case_fact WHERE source = 'fixture' ORDER BY case_id`,
      );
      expect(rows).toEqual([
        // N1 → N1 (agent) → N2 → (none) → N2 → N1: assignments N1, N2, N1 → 2 transfers, 3 entries, 2 teams.
        // Next case of cust-a / billing is T-3, created 2025-01-20T07:00Z: 7 d − 1 h = 601,200 s later.
        {
          case_id: 'T-1',
          team: 'N1',
          transfers: 2,
          team_entries: 3,
          distinct_teams: 2,
          surveys: 1,
          next_ms: 601_200_000,
        },
        // Support, Paris → N1 at the same instant: 1 transfer.
        {
          case_id: 'T-2',
          team: 'Support, Paris',
          transfers: 1,
          team_entries: 2,
          distinct_teams: 2,
          surveys: 1,
          next_ms: null,
        },
        // Routed from no team to N3: the first assignment, no transfer; the team at creation falls back to N3.
        { case_id: 'T-3', team: 'N3', transfers: 0, team_entries: 1, distinct_teams: 1, surveys: 0, next_ms: null },
      ]);
      const summary = await new KpiService(dataSource, config).summary({ source: 'fixture' });
      // (2 + 1 + 0) / 3 = 1; ping-pong: T-1 only (3 entries > 2 teams) → 1/3.
      expect(summary.transfers).toEqual({
        mean: 1,
        distribution: { '0': 1, '1': 1, '2': 1, '3': 0, '4+': 0 },
        pingPongShare: 0.333333,
      });
    });

    it('adds nothing when the same file is imported again', async () => {
      const again = await runImport('fixture', FIXTURE, FIXTURE_MAPPING, 'Europe/Paris');
      expect(again).toMatchObject({ status: 'succeeded', rowsRead: 13, eventsStored: 0, duplicates: 17 });
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM journey_event WHERE source = 'fixture'`,
      );
      expect(count).toBe(17);
    });
  });

  it('fails an import whose mapping is invalid, naming the key, and stores nothing', async () => {
    await expect(
      runImport('bad-mapping', FIXTURE, { caseId: 'Ticket', timestamp: 'When', step: 'Status', queue: 'Queue' }, 'UTC'),
    ).rejects.toThrow(/^Unknown mapping key "queue"/);
    const [record] = await dataSource.query(`SELECT status, failure FROM import WHERE source = 'bad-mapping'`);
    expect(record).toEqual({ status: 'failed', failure: expect.stringMatching(/^Unknown mapping key "queue"/) });
  });

  describe('deriveEventLogEvents on hand-made rows', () => {
    const row = (
      seq: number,
      ts: string,
      step: string,
      team: string | null,
      extra: Partial<StagedObservation> = {},
    ) => ({
      caseId: 'X',
      customerKey: null,
      ts: new Date(ts),
      seq,
      step,
      team,
      agent: null,
      channel: null,
      category: null,
      csat: null,
      csatScale: null,
      ...extra,
    });

    it('carries the last known team onto step changes and surveys of rows without a team; case attributes from the first row having them', async () => {
      const query = dataSource.createQueryRunner();
      const client = (await query.connect()) as PoolClient;
      try {
        await query.startTransaction();
        await createStaging(client);
        const rows: StagedObservation[] = [
          row(3, '2025-01-06T10:00:00Z', 'work', null, { category: 'billing' }),
          row(1, '2025-01-06T09:00:00Z', 'new', null),
          row(2, '2025-01-06T09:30:00Z', 'new', 'N1', { customerKey: 'k', channel: 'web', category: 'access' }),
          // No team on the row: the step change and the survey are held by N1, the last known team.
          row(4, '2025-01-06T11:00:00Z', 'done', null, { csat: 2, csatScale: 5, agent: 'z' }),
          // Y never has a team: created and step changes, no assignment.
          row(5, '2025-01-06T09:00:00Z', 'new', null, { caseId: 'Y' }),
          row(6, '2025-01-06T09:00:00Z', 'done', null, { caseId: 'Y' }),
        ];
        expect(
          await copyIntoObservations(
            client,
            (async function* () {
              yield* rows;
            })(),
          ),
        ).toBe(6);
        expect(await deriveEventLogEvents(client, 'hand')).toBe(7);
        const staged = await client.query(
          `SELECT ${EVENT_ROW}, source, customer_key, channel, category FROM import_staging ORDER BY case_id, ts, seq`,
        );
        expect(staged.rows.map(asTuple)).toEqual<EventRow[]>([
          ['X', '2025-01-06T09:00', 4, 'created', 'new', null, null],
          ['X', '2025-01-06T09:30', 9, 'assigned', 'new', 'N1', null],
          ['X', '2025-01-06T10:00', 14, 'status_changed', 'work', 'N1', null],
          ['X', '2025-01-06T11:00', 18, 'status_changed', 'done', 'N1', 'z'],
          ['X', '2025-01-06T11:00', 19, 'survey', 'done', 'N1', 'z'],
          ['Y', '2025-01-06T09:00', 20, 'created', 'new', null, null],
          ['Y', '2025-01-06T09:00', 26, 'status_changed', 'done', null, null],
        ]);
        // Case attributes from the first row (in case order) that has each: customer and channel from record 2,
        // category `access` from record 2 too (record 3's `billing` comes later).
        expect(staged.rows[0]).toMatchObject({ source: 'hand', customer_key: 'k', channel: 'web', category: 'access' });
        expect(
          staged.rows
            .slice(1)
            .every((r: Record<string, unknown>) => r['customer_key'] === null && r['category'] === null),
        ).toBe(true);
      } finally {
        if (query.isTransactionActive) await query.rollbackTransaction();
        await query.release();
      }
    });

    /** Stages `rows`, derives them with `emptyTeam` and returns the staged events in (ts, seq) order; rolls back. */
    async function derive(rows: StagedObservation[], emptyTeam: 'unknown' | 'cleared'): Promise<EventRow[]> {
      const query = dataSource.createQueryRunner();
      const client = (await query.connect()) as PoolClient;
      try {
        await query.startTransaction();
        await createStaging(client);
        await copyIntoObservations(
          client,
          (async function* () {
            yield* rows;
          })(),
        );
        await deriveEventLogEvents(client, 'hand', { emptyTeam });
        const staged = await client.query(`SELECT ${EVENT_ROW} FROM import_staging ORDER BY case_id, ts, seq`);
        return staged.rows.map(asTuple);
      } finally {
        if (query.isTransactionActive) await query.rollbackTransaction();
        await query.release();
      }
    }

    // Three rows tie at 10:00; their order keys (3, 1, 2) reverse file order: by (ts, order, seq) the case reads
    // A, then (none), B, A. The tied rows exchange positions 2, 3, 4 in that order: record 3 → 2, 4 → 3, 2 → 4.
    const snapshots = [
      row(1, '2025-01-06T09:00:00Z', 'new', 'A', { order: 0 }),
      row(2, '2025-01-06T10:00:00Z', 'work', 'A', { order: 3 }),
      row(3, '2025-01-06T10:00:00Z', 'work', null, { order: 1 }),
      row(4, '2025-01-06T10:00:00Z', 'work', 'B', { order: 2 }),
    ];

    it('orders tied rows by their order key; cleared: an emptied team is an assignment without a team', async () => {
      expect(await derive(snapshots, 'cleared')).toEqual<EventRow[]>([
        ['X', '2025-01-06T09:00', 4, 'created', 'new', 'A', null],
        ['X', '2025-01-06T09:00', 5, 'assigned', 'new', 'A', null],
        ['X', '2025-01-06T10:00', 9, 'assigned', 'work', null, null],
        // The step entered while no team holds the case: none, not A.
        ['X', '2025-01-06T10:00', 10, 'status_changed', 'work', null, null],
        ['X', '2025-01-06T10:00', 13, 'assigned', 'work', 'B', null],
        ['X', '2025-01-06T10:00', 17, 'assigned', 'work', 'A', null],
      ]);
    });

    it('unknown (the default): the same rows skip the empty team, whose step change stays with A', async () => {
      expect(await derive(snapshots, 'unknown')).toEqual<EventRow[]>([
        ['X', '2025-01-06T09:00', 4, 'created', 'new', 'A', null],
        ['X', '2025-01-06T09:00', 5, 'assigned', 'new', 'A', null],
        ['X', '2025-01-06T10:00', 10, 'status_changed', 'work', 'A', null],
        ['X', '2025-01-06T10:00', 13, 'assigned', 'work', 'B', null],
        ['X', '2025-01-06T10:00', 17, 'assigned', 'work', 'A', null],
      ]);
    });
  });

  it('imports helpdesk-italian-4tu/finale.csv.gz in place: 21,348 rows, 4,580 cases, 8,648 transfers', async () => {
    const report = await runImport('helpdesk-italian', ITALIAN, ITALIAN_MAPPING, 'UTC');
    expect(report).toMatchObject({ status: 'succeeded', rowsRead: 21_348, rejected: 0, duplicates: 0 });
    const byType = await dataSource.query(
      `SELECT event, count(*)::int AS count FROM journey_event WHERE source = 'helpdesk-italian' GROUP BY event ORDER BY event`,
    );
    const [{ cases }] = await dataSource.query(
      `SELECT count(DISTINCT case_id)::int AS cases FROM journey_event WHERE source = 'helpdesk-italian' AND event = 'created'`,
    );
    expect(cases).toBe(4_580);
    // Counted independently (a sort of the file by case, time, line): Resource differs from the previous row's in
    // 8,648 rows (datasets/README.md: "every Resource change gives 8,648 handovers"), plus 4,580 first
    // assignments; the Activity differs from the previous row's in 15,824 rows.
    expect(byType).toEqual([
      { event: 'assigned', count: 13_228 },
      { event: 'created', count: 4_580 },
      { event: 'status_changed', count: 15_824 },
    ]);
    expect(report.eventsStored).toBe(4_580 + 13_228 + 15_824);
    const summary = await new KpiService(dataSource, config).summary({ source: 'helpdesk-italian' });
    expect(summary.cases).toBe(4_580);
    // 8,648 / 4,580 = 1.888209… → 1.888210.
    expect(summary.transfers.mean).toBe(1.88821);
    expect(summary.transfers.distribution).toEqual({ '0': 3, '1': 1_540, '2': 2_184, '3': 698, '4+': 155 });
  }, 60_000);
});
