import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { dataSourceOptions } from '../database/data-source-options';
import { eventsOf, importFixture } from './cases.testing';
import { refreshAllFacts } from './facts-refresh';

const ev = eventsOf('refresh');

/**
 * A: N1 → N2 is 1 transfer, 2 team entries; new → resolved after 2 h is one transition.
 * B: one team, no transfer; never leaves `new`, so no transition. U has no `created`: not a case.
 */
const FIXTURE = [
  ev('A', '2025-02-03T09:00:00Z', 'created', { step: 'new', team: 'N1' }),
  ev('A', '2025-02-03T09:00:00Z', 'assigned', { team: 'N1' }),
  ev('A', '2025-02-03T10:00:00Z', 'assigned', { team: 'N2' }),
  ev('A', '2025-02-03T11:00:00Z', 'status_changed', { step: 'resolved' }),
  ev('B', '2025-02-04T09:00:00Z', 'created', { step: 'new', team: 'N1' }),
  ev('B', '2025-02-04T09:00:00Z', 'assigned', { team: 'N1' }),
  ev('U', '2025-02-04T09:00:00Z', 'assigned', { team: 'N1' }),
];

describe('refreshAllFacts: every case recomputed from its events (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  const facts = () =>
    dataSource.query(
      `SELECT case_id, transfers, team_entries, distinct_teams,
              (SELECT count(*)::int FROM case_transition t WHERE t.case_id = f.case_id) AS transitions
       FROM case_fact f ORDER BY case_id`,
    );

  beforeAll(async () => {
    database = await createTestDatabase('server_facts_refresh');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    await importFixture(dataSource, FIXTURE);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('rebuilds facts that were damaged or lost, to what the rules give', async () => {
    const expected = [
      { case_id: 'A', transfers: 1, team_entries: 2, distinct_teams: 2, transitions: 1 },
      { case_id: 'B', transfers: 0, team_entries: 1, distinct_teams: 1, transitions: 0 },
    ];
    expect(await facts()).toEqual(expected);
    await dataSource.query(`UPDATE case_fact SET transfers = 7 WHERE case_id = 'A'`);
    await dataSource.query(`DELETE FROM case_transition`);
    await dataSource.query(`DELETE FROM case_fact WHERE case_id = 'B'`);

    const report = await refreshAllFacts(dataSource, 'Europe/Paris');

    expect(report.cases).toBe(2);
    expect(await facts()).toEqual(expected);
  });
});
