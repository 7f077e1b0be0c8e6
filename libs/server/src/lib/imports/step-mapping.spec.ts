import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { loadConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { SettingsService } from '../settings/settings.service';
import { StepMappingsService } from '../settings/step-mappings.service';
import { ImportRunner } from './import-runner';
import { ImportEntity } from './import.entity';

/**
 * The import job maps raw statuses through the mapping of its source before staging (unmapped values kept), and
 * computes per-case facts in the organisation's time zone (setting).
 */
const CANONICAL = [
  'case_id,customer_id,ts,event,step,team,agent,channel,category,csat',
  'R1,c1,2025-01-12T23:30:00Z,created,Nouveau,N1,,phone,billing,',
  'R1,c1,2025-01-13T08:00:00Z,status_changed,En cours,N1,,,,',
  'R1,c1,2025-01-13T09:00:00Z,status_changed,Attente client,N1,,,,',
  'R1,c1,2025-01-13T10:00:00Z,status_changed,Résolu,N1,,,,',
].join('\n');

// Rows of one case; "Qualif." and "Analyse" both map to triage, so the second is no step change.
const EVENTLOG = [
  'Ticket,When,Status,Queue',
  'L1,2025-01-13T08:00:00Z,Nouveau,N1',
  'L1,2025-01-13T09:00:00Z,Qualif.,N1',
  'L1,2025-01-13T10:00:00Z,Analyse,N1',
  'L1,2025-01-13T11:00:00Z,Résolu,N1',
].join('\n');
const EVENTLOG_MAPPING = { caseId: 'Ticket', timestamp: 'When', step: 'Status', team: 'Queue' };

describe('step mappings and time zone in the import job (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: ImportRunner;
  let mappings: StepMappingsService;
  let settings: SettingsService;
  const dir = mkdtempSync(join(tmpdir(), 'relais-step-mapping-'));

  async function runImport(format: string, source: string, content: string, options = {}): Promise<ImportEntity> {
    const filePath = join(dir, `${source}-${Date.now()}.csv`);
    writeFileSync(filePath, content);
    const [{ id }] = await dataSource.query(
      `INSERT INTO import (format, source, time_zone, options, file_name, file_path)
       VALUES ($1, $2, 'UTC', $3, 'fixture.csv', $4) RETURNING id`,
      [format, source, JSON.stringify(options), filePath],
    );
    await runner.run(id);
    return dataSource.getRepository(ImportEntity).findOneByOrFail({ id });
  }

  const steps = (source: string) =>
    dataSource
      .query(`SELECT case_id, event, step FROM journey_event WHERE source = $1 ORDER BY case_id, ts, seq`, [source])
      .then((rows: Array<{ case_id: string; event: string; step: string }>) =>
        rows.map((r) => [r.case_id, r.event, r.step]),
      );

  beforeAll(async () => {
    database = await createTestDatabase('server_step_mapping');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    const config = { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: 'UTC' };
    runner = new ImportRunner(dataSource, dataSource.getRepository(ImportEntity), config);
    mappings = new StepMappingsService(dataSource);
    settings = new SettingsService(dataSource, config);
    const mapping = {
      Nouveau: 'new',
      'En cours': 'in_progress',
      Résolu: 'resolved',
      'Qualif.': 'triage',
      Analyse: 'triage',
    };
    await mappings.replace('helpdesk', mapping);
    await mappings.replace('helpdesk-log', mapping);
    await settings.update({ timeZone: 'Europe/Paris' });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('maps the raw statuses of a canonical export, keeping unmapped ones as they are', async () => {
    expect(await runImport('canonical', 'helpdesk', CANONICAL)).toMatchObject({ status: 'succeeded', eventsStored: 4 });
    expect(await steps('helpdesk')).toEqual([
      ['R1', 'created', 'new'],
      ['R1', 'status_changed', 'in_progress'],
      ['R1', 'status_changed', 'Attente client'],
      ['R1', 'status_changed', 'resolved'],
    ]);
    const transitions = await dataSource.query(
      `SELECT from_step, to_step FROM case_transition WHERE source = 'helpdesk' ORDER BY n`,
    );
    expect(transitions).toEqual([
      { from_step: 'new', to_step: 'in_progress' },
      { from_step: 'in_progress', to_step: 'Attente client' },
      { from_step: 'Attente client', to_step: 'resolved' },
    ]);
  });

  it('uses the mapping of the import source only', async () => {
    await runImport('canonical', 'other', CANONICAL);
    expect((await steps('other')).map(([, , step]) => step)).toEqual([
      'Nouveau',
      'En cours',
      'Attente client',
      'Résolu',
    ]);
  });

  it('maps event-log rows before deriving step changes', async () => {
    const report = await runImport('eventlog', 'helpdesk-log', EVENTLOG, { mapping: EVENTLOG_MAPPING });
    expect(report).toMatchObject({ status: 'succeeded', rejected: 0 });
    expect(await steps('helpdesk-log')).toEqual([
      ['L1', 'created', 'new'],
      ['L1', 'assigned', 'new'],
      ['L1', 'status_changed', 'triage'],
      ['L1', 'status_changed', 'resolved'],
    ]);
  });

  it("computes weeks in the organisation's time zone: Sunday 23:30 UTC is Monday in Paris", async () => {
    const [fact] = await dataSource.query(
      `SELECT to_char(created_week, 'YYYY-MM-DD') AS week FROM case_fact WHERE source = 'helpdesk'`,
    );
    expect(fact.week).toBe('2025-01-13');
  });

  it('leaves later imports unmapped once the mapping is removed', async () => {
    expect(await mappings.remove('helpdesk')).toBe(true);
    const changed = CANONICAL.replace('R1', 'R2').replaceAll('\nR1', '\nR2');
    await runImport('canonical', 'helpdesk', changed);
    const [{ steps: r2 }] = await dataSource.query(
      `SELECT array_agg(step ORDER BY ts) AS steps FROM journey_event WHERE source = 'helpdesk' AND case_id = 'R2'`,
    );
    expect(r2).toEqual(['Nouveau', 'En cours', 'Attente client', 'Résolu']);
  });
});
