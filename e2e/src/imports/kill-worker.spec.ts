import type { ImportReport, KpiSummary } from '@relais/contracts';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { importReport, kpiSummary, login, stack, uploadImport, waitForImport } from '../support/api-client';
import { isAlive, killWorkers, startWorkers, workersPid } from '../support/stack';

/**
 * `kill -9` of the workers process in the middle of an import, then the retry: the import's single transaction
 * dies with the process (nothing of it is visible), BullMQ notices the stalled job once its lock has expired and
 * a worker runs its stalled check, the job runs again from the file, and the counts equal a clean import of the
 * same file. Sources and customers (kill-cust-…) of this suite only. The data ends before 2025-03-10 00:00Z,
 * before the other suites' latest event, so their provisional flags do not depend on this suite.
 */
const KILLED = 'e2e-kill-retried';
const CLEAN = 'e2e-kill-clean';
const MINUTE = 60_000;
const CASES = 20_000;

/** mulberry32: a seeded PRNG, so every run imports the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A canonical CSV (§8, with direction and csat_scale) of CASES cases over the 4 weeks before 2025-03-10, about
 * 10 rows a case (~200,000 rows, ~16 MB): assignments that change team (transfers, ping-pong), status changes,
 * inbound/outbound contacts, surveys. Big enough for an import of several seconds, to be caught midway.
 * (The domain's demo generator cannot be used here: e2e's tsconfig, moduleResolution node10, cannot resolve
 * the pure-rand subpath imports it uses, so ts-jest fails to compile it.)
 */
function* bigExport(seed: number): Generator<string> {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const teams = ['N1', 'N2', 'N3', 'Billing', 'Field'];
  const start = Date.parse('2025-02-10T00:00:00Z');
  const end = Date.parse('2025-03-10T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  let chunk = 'case_id,customer_id,ts,event,step,team,agent,channel,category,csat,direction,csat_scale\n';
  for (let n = 0; n < CASES; n++) {
    const caseId = `K${String(n).padStart(6, '0')}`;
    // Created in the first 25 days: a case's at most 25 later rows, ≤ 2 h apart, all come before `end`.
    let ts = start + Math.floor(((end - start - 3 * 86_400_000) * n) / CASES);
    let team = pick(teams);
    const row = (event: string, step: string, agent: string, extra = ',,,,,') => {
      chunk += `${caseId},,${iso(ts)},${event},${step},${team},${agent}${extra}\n`;
    };
    chunk +=
      `${caseId},kill-cust-${Math.floor(next() * 12_000)},${iso(ts)},created,new,${team},,` +
      `${pick(['phone', 'email', 'web', 'chat'])},${pick(['billing', 'access', 'network', 'hardware', 'other'])},,,\n`;
    const later = () => (ts += 60_000 + Math.floor(next() * 7_140_000));
    for (let i = 0, assignments = 2 + Math.floor(next() * 6); i < assignments; i++) {
      later();
      if (next() < 0.45) team = pick(teams);
      row('assigned', i === 0 ? 'triage' : 'in_progress', `agent-${Math.floor(next() * 40)}`);
      if (next() < 0.4) {
        later();
        row('contact', 'in_progress', '', `,,,,${next() < 0.6 ? 'inbound' : 'outbound'},`);
      }
      if (next() < 0.3) {
        later();
        row('status_changed', 'waiting_customer', '');
      }
    }
    later();
    row('status_changed', 'resolved', '');
    if (next() < 0.1) {
      later();
      row('reopened', 'reopened', '');
    }
    if (next() < 0.3) {
      later();
      row('survey', 'resolved', '', `,,,${1 + Math.floor(next() * 5)},,5`);
    }
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

async function storedEvents(source: string): Promise<number> {
  const client = new Client({ connectionString: stack().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM journey_event WHERE source = $1',
      [source],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

describe('kill -9 of the worker mid-import, then the retry', () => {
  let admin: string;
  let dir: string;
  let file: string;
  let dataRows: number;
  let retried: ImportReport;
  let retriedSummary: KpiSummary;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
    dir = mkdtempSync(join(tmpdir(), 'relais-e2e-kill-'));
    file = join(dir, `export-${CASES}-cases.csv`);
    dataRows = -1; // the header
    await pipeline(
      Readable.from(
        (function* () {
          for (const chunk of bigExport(7)) {
            for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) dataRows++;
            yield chunk;
          }
        })(),
      ),
      createWriteStream(file),
    );
  }, MINUTE);

  afterAll(async () => {
    // Whatever happened above, the suites after this one need a workers process.
    if (!isAlive(workersPid(stack()))) await startWorkers(stack());
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, MINUTE);

  it(
    'the killed import leaves nothing visible, is re-run after the restart and succeeds',
    async () => {
      const id = await uploadImport(admin, file, { source: KILLED });
      const midway = await waitForImport(
        admin,
        id,
        (r) => r.status !== 'queued' && (r.progress > 0.2 || r.status !== 'running'),
        { timeoutMs: 2 * MINUTE, intervalMs: 100 },
      );
      // Caught in the middle: still running, a fifth of the file read (progress stays ≤ 0.99 until the commit).
      expect(midway).toMatchObject({ status: 'running' });
      expect(midway.progress).toBeLessThan(0.99);

      const killedPid = await killWorkers(stack(), 'SIGKILL');
      const killedAt = Date.now();
      expect(isAlive(killedPid)).toBe(false);

      // Nobody works on it now: the report is frozen at "running", and the rolled-back transaction left nothing.
      const frozen = await importReport(admin, id);
      expect(frozen).toMatchObject({ status: 'running', startedAt: midway.startedAt, finishedAt: null });
      expect((await kpiSummary(admin, KILLED)).cases).toBe(0);
      expect(await storedEvents(KILLED)).toBe(0);

      await startWorkers(stack());
      const restartedAt = Date.now();
      // The retry is visible as a new start of the same import (ImportRunner sets startedAt again).
      const rerun = await waitForImport(admin, id, (r) => r.startedAt !== midway.startedAt || r.status !== 'running', {
        timeoutMs: 3 * MINUTE,
        intervalMs: 250,
      });
      const rerunAt = Date.now();
      expect(rerun.status === 'running' || rerun.status === 'succeeded').toBe(true);
      retried = await waitForImport(admin, id, undefined, { timeoutMs: 2 * MINUTE });
      console.log(
        `kill-worker: killed at progress ${midway.progress.toFixed(2)}; workers restarted after ` +
          `${((restartedAt - killedAt) / 1000).toFixed(1)} s; the stalled job re-ran ` +
          `${((rerunAt - killedAt) / 1000).toFixed(1)} s after the kill ` +
          `(${((rerunAt - restartedAt) / 1000).toFixed(1)} s after the restart); it finished ` +
          `${((Date.now() - rerunAt) / 1000).toFixed(1)} s later`,
      );
      // Every row once: the file has no bad row and no repeated event (each case's rows have increasing ts).
      expect(retried).toMatchObject({
        status: 'succeeded',
        source: KILLED,
        rowsRead: dataRows,
        eventsStored: dataRows,
        duplicates: 0,
        rejected: 0,
        progress: 1,
      });
      retriedSummary = await kpiSummary(admin, KILLED);
      expect(retriedSummary.cases).toBe(CASES);
      expect(retriedSummary.transfers.mean).toBeGreaterThan(0.5);
      expect(await storedEvents(KILLED)).toBe(retried.eventsStored);
    },
    6 * MINUTE,
  );

  it(
    'counts and indicators equal those of a clean import of the same file',
    async () => {
      if (!retried) throw new Error('the killed-and-retried import did not succeed (see the test above)');
      const clean = await waitForImport(admin, await uploadImport(admin, file, { source: CLEAN }), undefined, {
        timeoutMs: 3 * MINUTE,
      });
      expect(clean.status).toBe('succeeded');
      const counts = ({ rowsRead, eventsStored, duplicates, rejected }: ImportReport) => ({
        rowsRead,
        eventsStored,
        duplicates,
        rejected,
      });
      expect(counts(retried)).toEqual(counts(clean));
      expect(await storedEvents(KILLED)).toBe(await storedEvents(CLEAN));
      const cleanSummary = await kpiSummary(admin, CLEAN);
      expect(retriedSummary.cases).toBe(cleanSummary.cases);
      expect(retriedSummary.transfers).toEqual(cleanSummary.transfers);
      expect(retriedSummary.reopenRate).toBe(cleanSummary.reopenRate);
    },
    4 * MINUTE,
  );
});
