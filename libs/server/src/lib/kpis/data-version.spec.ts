import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { eventsOf, importFixture } from '../cases/cases.testing';
import { refreshAllFacts } from '../cases/facts-refresh';
import { dataSourceOptions } from '../database/data-source-options';
import { readDataVersion } from './data-version';

const ev = eventsOf('version');

describe('readDataVersion (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('server_data_version');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('stays the same while nothing changes and moves with facts, settings and targets', async () => {
    const initial = await readDataVersion(dataSource);
    expect(await readDataVersion(dataSource)).toBe(initial);

    await importFixture(dataSource, [ev('A', '2025-02-03T09:00:00Z', 'created', { step: 'new' })]);
    const afterImport = await readDataVersion(dataSource);
    expect(afterImport).not.toBe(initial);

    await refreshAllFacts(dataSource, 'Europe/Paris');
    const afterRefresh = await readDataVersion(dataSource);
    expect(afterRefresh).not.toBe(afterImport);

    await dataSource.query(`UPDATE setting SET repeat_window_days = 14`);
    const afterWindow = await readDataVersion(dataSource);
    expect(afterWindow).not.toBe(afterRefresh);

    await dataSource.query(`UPDATE kpi_target SET target = target + 0.01 WHERE indicator = 'transfersMean'`);
    expect(await readDataVersion(dataSource)).not.toBe(afterWindow);
  });
});
