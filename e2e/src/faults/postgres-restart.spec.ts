import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, login, stack, uploadImport, waitForImport } from '../support/api-client';
import { isAlive, workersPid } from '../support/stack';
import { writeCanonicalExport, type WrittenExport } from './support/canonical-export';
import { counts, pollImport, sourceEvents, sourceFacts, storedEvents } from './support/facts';
import { apiPid } from './support/processes';
import { importJob } from './support/queue';
import { ensureServicesUp, restartPostgres } from './support/services';

/**
 * PostgreSQL restarted (fast shutdown: every connection cut) in the middle of an import. The import's transaction
 * dies with its connection; the job's attempt fails and BullMQ retries it with exponential backoff (import-job.ts:
 * 5 attempts, 2 s doubling); the retry reads the file again and the counts equal those of a clean import of the
 * same file into another source. Neither the api nor the workers are restarted: their pools drop the dead
 * connections and open new ones.
 *
 * Files (canonical-export.ts): cases F000000–F019999, 201,153 data rows (counted by a throwaway script that ran
 * caseRows over the range; writeCanonicalExport counts them again below), customers pgr-… and, for the clean
 * twin, pgc-….
 */
const ROWS = 201_153;
const RESTARTED = 'faults-pg-restarted';
const CLEAN = 'faults-pg-clean';
const MINUTE = 60_000;

describe('PostgreSQL restarted during an import', () => {
  let admin: string;
  let dir: string;
  let restarted: WrittenExport;
  let clean: WrittenExport;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
    dir = mkdtempSync(join(tmpdir(), 'relais-faults-pg-'));
    restarted = await writeCanonicalExport(join(dir, 'pg-restarted.csv'), {
      from: 0,
      cases: 20_000,
      customers: 'pgr-',
    });
    clean = await writeCanonicalExport(join(dir, 'pg-clean.csv'), { from: 0, cases: 20_000, customers: 'pgc-' });
  }, MINUTE);

  afterAll(async () => {
    await ensureServicesUp();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, MINUTE);

  it('the generated files hold the counted rows', () => {
    expect(restarted.rows).toBe(ROWS);
    expect(clean.rows).toBe(ROWS);
  });

  it(
    'the attempt fails, the job is retried with backoff, and the import ends with the counts of a clean import',
    async () => {
      const apiBefore = apiPid(stack());
      const workersBefore = workersPid(stack());
      const id = await uploadImport(admin, restarted.path, { source: RESTARTED });
      const midway = await pollImport(
        admin,
        id,
        (r) => r.status !== 'queued' && (r.progress > 0.2 || r.status !== 'running'),
      );
      // Caught in the middle of reading the file, inside the import's one transaction.
      expect(midway.status).toBe('running');
      const restartedAt = Date.now();
      try {
        await restartPostgres();
      } finally {
        await ensureServicesUp();
      }
      const done = await pollImport(admin, id, undefined, { timeoutMs: 4 * MINUTE });
      console.log(
        `postgres-restart: restarted at progress ${midway.progress.toFixed(2)}; the import ended ` +
          `${((Date.now() - restartedAt) / 1000).toFixed(1)} s later`,
      );
      expect(counts(done)).toEqual({
        status: 'succeeded',
        rowsRead: ROWS,
        eventsStored: ROWS,
        duplicates: 0,
        rejected: 0,
      });
      // Another attempt ran it (the runner sets startedAt on each one); BullMQ counted the failed attempt(s) and
      // the successful one.
      expect(done.startedAt).not.toBe(midway.startedAt);
      const job = await importJob(id);
      expect(job?.attemptsMade).toBeGreaterThanOrEqual(2);
      expect(job?.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 2000 } });
      expect(await storedEvents(RESTARTED)).toBe(ROWS);

      // The same processes as before, reconnected: the api answers with its database up.
      expect(apiPid(stack())).toBe(apiBefore);
      expect(isAlive(apiBefore)).toBe(true);
      expect(workersPid(stack())).toBe(workersBefore);
      expect(isAlive(workersBefore)).toBe(true);
      const health = await api('/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ database: 'up', queue: 'up' });

      const cleanReport = await waitForImport(
        admin,
        await uploadImport(admin, clean.path, { source: CLEAN }),
        undefined,
        {
          timeoutMs: 3 * MINUTE,
        },
      );
      expect(counts(done)).toEqual(counts(cleanReport));
      expect(await sourceEvents(RESTARTED)).toBe(await sourceEvents(CLEAN));
      expect(await sourceFacts(RESTARTED)).toEqual(await sourceFacts(CLEAN));
    },
    8 * MINUTE,
  );
});
