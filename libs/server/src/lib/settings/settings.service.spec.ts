import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { eventsOf, importFixture } from '../cases/cases.testing';
import { loadConfig, RelaisConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { IMPORT_MERGE_LOCK } from '../imports/import-lock';
import { KpiService } from '../kpis/kpi.service';
import { SettingsError, SettingsErrorCode } from './settings.errors';
import { SettingsService } from './settings.service';

/**
 * S was created on Sunday 2025-01-12 at 23:30 UTC: week of 6 January in UTC, Monday 00:30 in Paris (week of 13
 * January). T (same customer and category) comes 3 days after S: a repeat at 7 days, not at 2.
 */
const ev = eventsOf('tz');
const FIXTURE = [
  ev('S', '2025-01-12T23:30:00Z', 'created', { customerKey: 'k1', category: 'billing', step: 'new' }),
  ev('T', '2025-01-15T23:30:00Z', 'created', { customerKey: 'k1', category: 'billing', step: 'new' }),
];

describe('organisation settings (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let config: RelaisConfig;
  let settings: SettingsService;
  let kpis: KpiService;

  const weekOfS = async () =>
    (
      await dataSource.query(
        `SELECT to_char(created_week, 'YYYY-MM-DD') AS week FROM case_fact WHERE source = 'tz' AND case_id = 'S'`,
      )
    )[0].week;

  beforeAll(async () => {
    database = await createTestDatabase('server_settings');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    config = { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: 'UTC' };
    settings = new SettingsService(dataSource, config);
    kpis = new KpiService(dataSource, config);
    await importFixture(dataSource, FIXTURE, 'UTC');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('starts from the configured time zone and a 7-day window', async () => {
    expect(await settings.get()).toEqual({
      timeZone: 'UTC',
      timeZoneSource: 'environment',
      repeatWindowDays: 7,
      updatedAt: null,
    });
    expect(await weekOfS()).toBe('2025-01-06');
  });

  it('moves a Sunday-23:30-UTC case to the next week when the time zone becomes Europe/Paris', async () => {
    const updated = await settings.update({ timeZone: 'europe/paris' });
    expect(updated).toMatchObject({ timeZone: 'Europe/Paris', timeZoneSource: 'setting', repeatWindowDays: 7 });
    expect(updated.updatedAt).toEqual(expect.any(String));
    expect(await weekOfS()).toBe('2025-01-13');
    expect((await kpis.weekly({})).weeks.map((w) => [w.week, w.cases])).toEqual([['2025-W03', 2]]);
    // Days of the filters are Paris days too.
    expect((await kpis.summary({ from: '2025-01-13' })).cases).toBe(2);
  });

  it('moves it back when the time zone becomes UTC again', async () => {
    await settings.update({ timeZone: 'UTC' });
    expect(await weekOfS()).toBe('2025-01-06');
    expect((await kpis.weekly({})).weeks.map((w) => [w.week, w.cases])).toEqual([
      ['2025-W02', 1],
      ['2025-W03', 1],
    ]);
    expect((await kpis.summary({ from: '2025-01-13' })).cases).toBe(1);
  });

  it('gives indicators their default repeat window, a request may still name its own', async () => {
    expect((await kpis.summary({})).repeatContact).toMatchObject({ windowDays: 7, repeatedCases: 1 });
    expect(await settings.update({ repeatWindowDays: 2 })).toMatchObject({ timeZone: 'UTC', repeatWindowDays: 2 });
    expect((await kpis.summary({})).repeatContact).toMatchObject({ windowDays: 2, repeatedCases: 0 });
    expect((await kpis.summary({ repeatWindowDays: 7 })).repeatContact).toMatchObject({
      windowDays: 7,
      repeatedCases: 1,
    });
    expect((await kpis.satisfaction({})).repeatWindowDays).toBe(2);
    await settings.update({ repeatWindowDays: 7 });
  });

  it('keeps the zone the admin chose, spelt as PostgreSQL spells it', async () => {
    expect(await settings.update({ timeZone: 'america/montreal' })).toMatchObject({ timeZone: 'America/Montreal' });
    expect(await settings.update({ timeZone: 'utc' })).toMatchObject({ timeZone: 'UTC' });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, SettingsErrorCode.UnknownTimeZone],
    [{ timeZone: '+01:00' }, SettingsErrorCode.UnknownTimeZone],
    [{ timeZone: '' }, SettingsErrorCode.UnknownTimeZone],
    [{ repeatWindowDays: 5 }, SettingsErrorCode.InvalidRepeatWindow],
  ] as const)('refuses %j', async (change, code) => {
    const attempt = settings.update(change as never);
    await expect(attempt).rejects.toBeInstanceOf(SettingsError);
    await expect(attempt).rejects.toMatchObject({ code });
    expect(await settings.get()).toMatchObject({ timeZone: 'UTC', repeatWindowDays: 7 });
  });

  it('waits for a running import before moving the weeks', async () => {
    const importer = new Client({ connectionString: database.url });
    await importer.connect();
    try {
      await importer.query('BEGIN');
      await importer.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [IMPORT_MERGE_LOCK]);
      let done = false;
      const change = settings.update({ timeZone: 'Europe/Paris' }).then((s) => {
        done = true;
        return s;
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(done).toBe(false);
      expect(await weekOfS()).toBe('2025-01-06');
      await importer.query('COMMIT');
      expect(await change).toMatchObject({ timeZone: 'Europe/Paris' });
      expect(await weekOfS()).toBe('2025-01-13');
    } finally {
      await importer.end();
    }
  });
});
