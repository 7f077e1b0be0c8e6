import { Queue, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, testQueuePrefix } from '../../testing';
import { dataSourceOptions } from '../database/data-source-options';
import { IMPORT_QUEUE, ImportJobData } from '../queue/queue.constants';
import { redisOptions } from '../queue/redis-connection';
import { ImportEntity } from './import.entity';
import { ImportReconciler } from './import-reconciler';

/**
 * The reconciler against the real PostgreSQL and Redis (a database and a queue prefix of this spec only). Each
 * test states which imports PostgreSQL holds and which jobs Redis holds, as a Redis restart leaves them.
 */
describe('ImportReconciler (real PostgreSQL and Redis)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let queue: Queue<ImportJobData>;
  let reconciler: ImportReconciler;
  const prefix = testQueuePrefix('server_reconciler');
  const connection = redisOptions('redis://127.0.0.1:6379');

  const record = async (status: string, filePath = '/data/imports/x', age = '0 seconds'): Promise<string> => {
    const [{ id }] = await dataSource.query(
      `INSERT INTO import (format, source, time_zone, file_name, file_path, status, created_at)
       VALUES ('canonical', 'reconcile', 'UTC', 'export.csv', $1, $2, now() - $3::interval) RETURNING id`,
      [filePath, status, age],
    );
    return id;
  };
  const jobIds = async () => (await queue.getJobs()).map((job) => job.id).sort();
  const statusOf = async (id: string) => (await dataSource.getRepository(ImportEntity).findOneByOrFail({ id })).status;

  beforeAll(async () => {
    database = await createTestDatabase('server_import_reconciler');
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    queue = new Queue(IMPORT_QUEUE, { connection, prefix });
    reconciler = new ImportReconciler(dataSource.getRepository(ImportEntity), queue, { jobLockMs: 30_000 });
  });

  beforeEach(async () => {
    await queue.obliterate({ force: true });
    await dataSource.query(`DELETE FROM import`);
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('enqueues again, under the import id, a queued and a running import whose jobs Redis lost', async () => {
    const queued = await record('queued');
    const running = await record('running');

    const report = await reconciler.reconcile();

    expect(report.failed).toEqual([]);
    expect(report.requeued.sort()).toEqual([queued, running].sort());
    expect(await jobIds()).toEqual([queued, running].sort());
    const job = await queue.getJob(running);
    expect(job?.data).toEqual({ importId: running });
    // The same retry policy as an upload's job (import-job.ts).
    expect(job?.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 2000 } });
  });

  it('leaves alone finished imports, imports whose job exists, and a second pass adds nothing', async () => {
    await record('succeeded');
    await record('failed');
    const queued = await record('queued');
    await queue.add('import', { importId: queued }, { jobId: queued });

    expect(await reconciler.reconcile()).toEqual({ requeued: [], failed: [] });
    expect(await reconciler.reconcile()).toEqual({ requeued: [], failed: [] });
    expect(await jobIds()).toEqual([queued]);
  });

  it('waits 10 minutes for an import whose file the api has not stored yet, then runs it (to fail it)', async () => {
    const justRecorded = await record('queued', '');
    const abandoned = await record('queued', '', '11 minutes');

    expect(await reconciler.reconcile()).toEqual({ requeued: [abandoned], failed: [] });
    expect(await jobIds()).toEqual([abandoned]);
    expect(await statusOf(justRecorded)).toBe('queued');
  });

  it('marks failed an import still running in PostgreSQL whose job BullMQ has given up on', async () => {
    const running = await record('running');
    await queue.add('import', { importId: running }, { jobId: running, attempts: 1 });
    // A worker whose only attempt fails: the job ends in BullMQ's failed set, as after a last retry.
    const worker = new Worker<ImportJobData>(
      IMPORT_QUEUE,
      async () => {
        throw new Error('connection terminated');
      },
      { connection, prefix },
    );
    await new Promise<void>((resolve) => worker.once('failed', () => resolve()));
    await worker.close();

    expect(await reconciler.reconcile()).toEqual({ requeued: [], failed: [running] });
    const stored = await dataSource.getRepository(ImportEntity).findOneByOrFail({ id: running });
    expect(stored).toMatchObject({ status: 'failed', failure: 'Import failed: connection terminated' });
    expect(stored.finishedAt).not.toBeNull();
  });

  it('shares one pass between calls that coincide (a reconnection during a periodic pass)', async () => {
    const queued = await record('queued');
    const [first, second] = await Promise.all([reconciler.reconcile(), reconciler.reconcile()]);
    expect(first).toBe(second);
    expect(first.requeued).toEqual([queued]);
    expect(await jobIds()).toEqual([queued]);
  });
});
