import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { loadConfig, RelaisConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { KpiService } from '../kpis/kpi.service';
import { ImportRunner } from './import-runner';
import { ImportEntity } from './import.entity';
import { datasetPath, runImport } from './imports.testing';

// The same help-desk log twice, read in place (datasets/README.md): XES (times with +00:00) and CSV (naive, UTC).
const XES = datasetPath('helpdesk-italian-4tu/helpdesk.xes.gz');
const CSV = datasetPath('helpdesk-italian-4tu/finale.csv.gz');

describe('helpdesk-italian-4tu: the XES and the CSV give the same indicators (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let config: RelaisConfig;
  let runner: ImportRunner;

  beforeAll(async () => {
    database = await createTestDatabase('server_italian_parity');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    config = { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: 'Europe/Paris' };
    runner = new ImportRunner(dataSource, dataSource.getRepository(ImportEntity), config);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('imports both into two sources with identical KPI summaries', async () => {
    const xes = await runImport(dataSource, runner, {
      format: 'xes',
      source: 'italian-xes',
      filePath: XES,
      mapping: { team: 'org:resource' },
      timeZone: 'UTC',
    });
    const csv = await runImport(dataSource, runner, {
      format: 'eventlog',
      source: 'italian-csv',
      filePath: CSV,
      mapping: { caseId: 'Case ID', timestamp: 'Complete Timestamp', step: 'Activity', team: 'Resource' },
      timeZone: 'UTC',
    });
    expect(csv).toMatchObject({ status: 'succeeded', rowsRead: 21_348, rejected: 0 });
    expect(xes).toMatchObject({ status: 'succeeded', rejected: 0, eventsStored: csv.eventsStored });

    const kpis = new KpiService(dataSource, config);
    const fromXes = await kpis.summary({ source: 'italian-xes' });
    const fromCsv = await kpis.summary({ source: 'italian-csv' });
    expect(fromXes).toEqual(fromCsv);
    // Not two empty summaries: eventlog-derivation.spec's counts (4,580 cases; 8,648 / 4,580 transfers per case).
    expect(fromCsv.cases).toBe(4_580);
    expect(fromCsv.transfers.mean).toBe(1.88821);
  }, 120_000);
});
