import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing';
import { loadConfig } from '../config/relais-config';
import { dataSourceOptions } from '../database/data-source-options';
import { ImportEntity } from './import.entity';
import { ImportRejectedError, ImportRunner } from './import-runner';
import { ingestFixture } from './imports.testing';

/**
 * What the fault handling relies on in the runner (real PostgreSQL): a second run of a finished import changes
 * nothing (the reconciler may enqueue a running import again), and a stored file that is gone fails the import
 * for good with a message that names the uploaded file but not the data directory.
 */
describe('ImportRunner: reruns and missing files (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: ImportRunner;
  let dir: string;

  const recordImport = async (fileName: string, filePath: string): Promise<string> => {
    const [{ id }] = await dataSource.query(
      `INSERT INTO import (format, source, time_zone, file_name, file_path)
       VALUES ('canonical', 'rerun', 'UTC', $1, $2) RETURNING id`,
      [fileName, filePath],
    );
    return id;
  };
  const report = (id: string) => dataSource.getRepository(ImportEntity).findOneByOrFail({ id });
  const storedEvents = async () =>
    (await dataSource.query(`SELECT count(*)::int AS n FROM journey_event WHERE source = 'rerun'`))[0].n;

  beforeAll(async () => {
    database = await createTestDatabase('server_import_rerun');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    const config = { ...loadConfig({ RELAIS_SECRET: 'x'.repeat(32) }), timeZone: 'UTC' };
    runner = new ImportRunner(dataSource, dataSource.getRepository(ImportEntity), config);
    dir = mkdtempSync(join(tmpdir(), 'relais-rerun-'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs or fails a finished import again without touching its report or its events', async () => {
    const file = join(dir, 'stored-upload');
    copyFileSync(ingestFixture('ok/canonical.csv'), file);
    const id = await recordImport('canonical.csv', file);
    await runner.run(id);
    const first = await report(id);
    expect(first.status).toBe('succeeded');
    // ok/canonical.csv: 8 data rows, one event each, none repeated.
    expect(first).toMatchObject({ rowsRead: 8, eventsStored: 8, duplicates: 0 });
    const events = await storedEvents();
    expect(events).toBe(8);

    await runner.run(id);
    // BullMQ giving up on a job whose other run committed (stalled twice) must not turn it into a failure.
    await runner.fail(id, {}, 'Import failed: job stalled more than allowable limit');

    expect(await report(id)).toEqual(first);
    expect(await storedEvents()).toBe(events);
  });

  it('two runs of one import at the same time store it once: the second waits for the lock, then finds it done', async () => {
    const file = join(dir, 'stored-upload-2');
    copyFileSync(ingestFixture('ok/canonical.csv'), file);
    await dataSource.query(`DELETE FROM journey_event WHERE source = 'rerun'`);
    const id = await recordImport('canonical.csv', file);

    await Promise.all([runner.run(id), runner.run(id)]);

    // The same 8 rows as above: stored once, no run counted them as duplicates.
    expect(await report(id)).toMatchObject({ status: 'succeeded', rowsRead: 8, eventsStored: 8, duplicates: 0 });
    expect(await storedEvents()).toBe(8);
  });

  it('fails an import whose stored file is gone, naming the uploaded file only, storing nothing', async () => {
    const id = await recordImport('march-export.csv', join(dir, 'deleted-meanwhile'));

    const error = await runner.run(id).catch((e: Error) => e);

    expect(error).toBeInstanceOf(ImportRejectedError);
    const failed = await report(id);
    expect(failed).toMatchObject({ status: 'failed', eventsStored: 0 });
    expect(failed.failure).toBe(
      'The uploaded file "march-export.csv" is missing from the data directory (deleted before its import ran): upload it again',
    );
    expect(failed.failure).not.toContain(dir);
  });

  it('fails an import recorded without a stored file (the api stopped in between) the same way', async () => {
    const id = await recordImport('half-way.csv', '');
    await expect(runner.run(id)).rejects.toBeInstanceOf(ImportRejectedError);
    expect((await report(id)).failure).toContain('"half-way.csv" is missing');
  });
});
