import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importReport, login, stack, uploadImport, waitForImport } from '../support/api-client';
import { writeCanonicalExport, type WrittenExport } from './support/canonical-export';
import { counts, pollImport, sourceEvents, sourceFacts, storedEvents } from './support/facts';
import { importJob } from './support/queue';
import { ensureServicesUp, restartRedis } from './support/services';

/**
 * Redis restarted without persistence while one import runs and another waits in the queue: Redis forgets both
 * jobs. PostgreSQL still calls them running and queued, and the workers' reconciler (ImportReconciler: on start,
 * on each Redis reconnection, periodically) enqueues both again under their import ids. The running one finishes
 * in its first run or its second (a second run finds it done, or redoes it from the file: idempotent by content);
 * the queued one runs. Counts equal clean imports of the same files, each event stored once.
 *
 * Files (canonical-export.ts): running = cases F000000–F019999, 201,153 rows; queued = F000000–F001999, 20,179
 * rows (both counted by a throwaway script over caseRows, and again by writeCanonicalExport). Customers rr-/rq-,
 * the clean twins' rrc-/rqc-.
 */
const RUNNING_ROWS = 201_153;
const QUEUED_ROWS = 20_179;
const MINUTE = 60_000;

describe('Redis restarted with an import running and one queued', () => {
  let admin: string;
  let dir: string;
  let files: Record<'running' | 'queued' | 'runningClean' | 'queuedClean', WrittenExport>;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
    dir = mkdtempSync(join(tmpdir(), 'relais-faults-redis-'));
    const big = (name: string, customers: string) =>
      writeCanonicalExport(join(dir, name), { from: 0, cases: 20_000, customers });
    const small = (name: string, customers: string) =>
      writeCanonicalExport(join(dir, name), { from: 0, cases: 2000, customers });
    files = {
      running: await big('running.csv', 'rr-'),
      queued: await small('queued.csv', 'rq-'),
      runningClean: await big('running-clean.csv', 'rrc-'),
      queuedClean: await small('queued-clean.csv', 'rqc-'),
    };
  }, MINUTE);

  afterAll(async () => {
    await ensureServicesUp();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, MINUTE);

  it('the generated files hold the counted rows', () => {
    expect([files.running.rows, files.queued.rows]).toEqual([RUNNING_ROWS, QUEUED_ROWS]);
    expect([files.runningClean.rows, files.queuedClean.rows]).toEqual([RUNNING_ROWS, QUEUED_ROWS]);
  });

  it(
    'nothing is dropped: both imports are enqueued again and finish with the counts of clean imports',
    async () => {
      const running = await uploadImport(admin, files.running.path, { source: 'faults-redis-running' });
      await pollImport(admin, running, (r) => r.status !== 'queued' && (r.progress > 0.2 || r.status !== 'running'));
      const queued = await uploadImport(admin, files.queued.path, { source: 'faults-redis-queued' });
      // One workers process, one import at a time: the second waits in Redis while the first runs.
      expect((await importReport(admin, running)).status).toBe('running');
      expect((await importReport(admin, queued)).status).toBe('queued');
      expect(await importJob(queued)).toBeDefined();

      const restartedAt = Date.now();
      try {
        await restartRedis();
      } finally {
        await ensureServicesUp();
      }

      const [runningDone, queuedDone] = await Promise.all([
        pollImport(admin, running, undefined, { timeoutMs: 4 * MINUTE }),
        pollImport(admin, queued, undefined, { timeoutMs: 4 * MINUTE }),
      ]);
      console.log(
        `redis-restart: both imports ended ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart`,
      );
      expect(counts(runningDone)).toEqual({
        status: 'succeeded',
        rowsRead: RUNNING_ROWS,
        eventsStored: RUNNING_ROWS,
        duplicates: 0,
        rejected: 0,
      });
      expect(counts(queuedDone)).toEqual({
        status: 'succeeded',
        rowsRead: QUEUED_ROWS,
        eventsStored: QUEUED_ROWS,
        duplicates: 0,
        rejected: 0,
      });
      // The reconciler gave each its job back, under the import id.
      expect((await importJob(queued))?.data).toEqual({ importId: queued });
      expect((await importJob(running))?.data).toEqual({ importId: running });
      expect(await storedEvents('faults-redis-running')).toBe(RUNNING_ROWS);
      expect(await storedEvents('faults-redis-queued')).toBe(QUEUED_ROWS);

      const runningClean = await waitForImport(
        admin,
        await uploadImport(admin, files.runningClean.path, { source: 'faults-redis-running-clean' }),
        undefined,
        { timeoutMs: 3 * MINUTE },
      );
      const queuedClean = await waitForImport(
        admin,
        await uploadImport(admin, files.queuedClean.path, { source: 'faults-redis-queued-clean' }),
        undefined,
        { timeoutMs: MINUTE },
      );
      expect(counts(runningDone)).toEqual(counts(runningClean));
      expect(counts(queuedDone)).toEqual(counts(queuedClean));
      expect(await sourceEvents('faults-redis-running')).toBe(await sourceEvents('faults-redis-running-clean'));
      expect(await sourceEvents('faults-redis-queued')).toBe(await sourceEvents('faults-redis-queued-clean'));
      expect(await sourceFacts('faults-redis-running')).toEqual(await sourceFacts('faults-redis-running-clean'));
      expect(await sourceFacts('faults-redis-queued')).toEqual(await sourceFacts('faults-redis-queued-clean'));
    },
    10 * MINUTE,
  );
});
