import { createTestDatabase, TestDatabase } from '../../testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { eventsOf, importFixture } from './cases.testing';

/**
 * Hand-computed fixture for KPI-DEFINITIONS §3 (transfers and pickup delays); expected rows are worked out in the
 * comments from the rules, never read back from the code.
 */
const ev = eventsOf('handoffs');

const FIXTURE = [
  // P: N1 → N2 → N1. Transfer 1 at 10:00, next event 10:30 → 1800 s. Transfer 2 at 12:00 (seq 15); the
  // status change at the same instant has seq 14, so it came before: the next event is 14:00 → 7200 s.
  ev('P', '2025-02-03T09:00:00Z', 'created', { step: 'new', team: 'N1', seq: 10 }),
  ev('P', '2025-02-03T09:05:00Z', 'assigned', { team: 'N1', agent: 'a1', seq: 11 }),
  ev('P', '2025-02-03T10:00:00Z', 'assigned', { team: 'N2', agent: 'a2', seq: 12 }),
  ev('P', '2025-02-03T10:30:00Z', 'contact', { direction: 'inbound', seq: 13 }),
  ev('P', '2025-02-03T12:00:00Z', 'assigned', { team: 'N1', agent: 'a3', seq: 15 }),
  ev('P', '2025-02-03T12:00:00Z', 'status_changed', { step: 'in_progress', seq: 14 }),
  ev('P', '2025-02-03T14:00:00Z', 'status_changed', { step: 'resolved', seq: 16 }),
  // Q: X → (no team) → Y is one transfer X → Y at 10:00; the next event 45 s later.
  ev('Q', '2025-02-04T08:00:00Z', 'created', { step: 'new', seq: 20 }),
  ev('Q', '2025-02-04T08:10:00Z', 'assigned', { team: 'X', seq: 21 }),
  ev('Q', '2025-02-04T09:00:00Z', 'assigned', { team: null, seq: 22 }),
  ev('Q', '2025-02-04T10:00:00Z', 'assigned', { team: 'Y', seq: 23 }),
  ev('Q', '2025-02-04T10:00:45Z', 'status_changed', { step: 'resolved', seq: 24 }),
  // R: another agent of the same team: no transfer.
  ev('R', '2025-02-04T08:00:00Z', 'created', { step: 'new', seq: 30 }),
  ev('R', '2025-02-04T08:10:00Z', 'assigned', { team: 'N1', agent: 'a1', seq: 31 }),
  ev('R', '2025-02-04T08:20:00Z', 'assigned', { team: 'N1', agent: 'a2', seq: 32 }),
  // S: the transfer N1 → N2 is the latest event of the case: nothing picked it up yet, pickup null.
  ev('S', '2025-02-05T08:00:00Z', 'created', { step: 'new', seq: 40 }),
  ev('S', '2025-02-05T08:05:00Z', 'assigned', { team: 'N1', seq: 41 }),
  ev('S', '2025-02-05T09:00:00Z', 'assigned', { team: 'N2', seq: 42 }),
  // U has no created event: not a case, no handoff.
  ev('U', '2025-02-05T08:05:00Z', 'assigned', { team: 'N1', seq: 50 }),
  ev('U', '2025-02-05T09:00:00Z', 'assigned', { team: 'N2', seq: 51 }),
];

describe('handoff facts (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const handoffRows = () =>
    dataSource.query(
      `SELECT case_id, n, from_team, to_team, to_char(transferred_at AT TIME ZONE 'UTC', 'MM-DD HH24:MI') AS at,
              pickup_seconds::int AS pickup
       FROM case_handoff ORDER BY case_id, n`,
    );

  beforeAll(async () => {
    database = await createTestDatabase('server_handoff_facts');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await importFixture(dataSource, FIXTURE);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('keeps one row per transfer, with the delay to the next event of the case', async () => {
    expect(await handoffRows()).toEqual([
      { case_id: 'P', n: 1, from_team: 'N1', to_team: 'N2', at: '02-03 10:00', pickup: 1800 },
      { case_id: 'P', n: 2, from_team: 'N2', to_team: 'N1', at: '02-03 12:00', pickup: 7200 },
      { case_id: 'Q', n: 1, from_team: 'X', to_team: 'Y', at: '02-04 10:00', pickup: 45 },
      { case_id: 'S', n: 1, from_team: 'N1', to_team: 'N2', at: '02-05 09:00', pickup: null },
    ]);
  });

  it('agrees with the transfer count of every case', async () => {
    const rows = await dataSource.query(
      `SELECT f.case_id, f.transfers, (SELECT count(*)::int FROM case_handoff h
                                       WHERE h.source = f.source AND h.case_id = f.case_id) AS handoffs
       FROM case_fact f ORDER BY f.case_id`,
    );
    expect(rows).toEqual([
      { case_id: 'P', transfers: 2, handoffs: 2 },
      { case_id: 'Q', transfers: 1, handoffs: 1 },
      { case_id: 'R', transfers: 0, handoffs: 0 },
      { case_id: 'S', transfers: 1, handoffs: 1 },
    ]);
  });

  it('measures the pickup once a later import brings the next event, and leaves other cases alone', async () => {
    // S picked up at 11:30, 2 h 30 min after the transfer: 9000 s. Same file again for P: nothing changes.
    await importFixture(dataSource, [
      ev('S', '2025-02-05T11:30:00Z', 'status_changed', { step: 'in_progress', seq: 1 }),
      ...FIXTURE.filter((e) => e.caseId === 'P'),
    ]);
    expect(await handoffRows()).toEqual([
      { case_id: 'P', n: 1, from_team: 'N1', to_team: 'N2', at: '02-03 10:00', pickup: 1800 },
      { case_id: 'P', n: 2, from_team: 'N2', to_team: 'N1', at: '02-03 12:00', pickup: 7200 },
      { case_id: 'Q', n: 1, from_team: 'X', to_team: 'Y', at: '02-04 10:00', pickup: 45 },
      { case_id: 'S', n: 1, from_team: 'N1', to_team: 'N2', at: '02-05 09:00', pickup: 9000 },
    ]);
  });
});
