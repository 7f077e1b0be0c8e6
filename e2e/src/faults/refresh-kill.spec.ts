import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { login, stack, uploadImport, waitForImport } from '../support/api-client';
import { isAlive } from '../support/stack';
import { writeCanonicalExport } from './support/canonical-export';
import { allFacts, withDb } from './support/facts';
import { startRefresh, stopProcess } from './support/processes';

/**
 * `kill -9` of `node dist/workers/main.js refresh` (the full KPI refresh) while it writes facts. The refresh is one
 * transaction under the import lock: killed, it leaves every fact as it was, and a rerun completes. To see the
 * difference between "rolled back" and "rewrote the same values", one fact is made stale first (as a rule change
 * would leave it): the killed refresh must leave it stale, the rerun must repair it, giving back the facts the
 * import computed. Data: cases F000000–F019999 (201,153 rows, see postgres-restart.spec.ts), customers rf-.
 */
const SOURCE = 'faults-refresh';
const ROWS = 201_153;
const MINUTE = 60_000;
/** Statements of refreshCaseFacts after the per-case upsert (case-facts.ts and its siblings). */
const AFTER_UPSERT = /next_same_subject_ms = gap|case_transition|case_survey|case_handoff/;

interface Backend {
  pid: number;
  query: string;
}

/** The refresh's backend once it writes facts: past the upsert, or 0.5 s into it. */
async function refreshWritingFacts(exited: () => boolean): Promise<Backend> {
  const deadline = Date.now() + 2 * MINUTE;
  let upsertSince: number | undefined;
  return withDb(async (c) => {
    for (;;) {
      const { rows } = await c.query<Backend>(
        `SELECT pid, query FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
           AND (query LIKE '%INSERT INTO case_fact AS f%' OR query ~ $1)`,
        [AFTER_UPSERT.source],
      );
      const [backend] = rows;
      if (backend && !backend.query.includes('INSERT INTO case_fact AS f')) return backend;
      if (backend) {
        upsertSince ??= Date.now();
        if (Date.now() - upsertSince >= 500) return backend;
      }
      if (exited()) throw new Error('the refresh ended before it could be caught writing facts');
      if (Date.now() > deadline) throw new Error('the refresh was not seen writing facts within 2 min');
      await new Promise((r) => setTimeout(r, 10));
    }
  });
}

async function backendGone(pid: number, timeoutMs = MINUTE): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await withDb(async (c) => {
    while ((await c.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount) {
      if (Date.now() > deadline) throw new Error(`backend ${pid} of the killed refresh still runs`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
}

describe('kill -9 of the full KPI refresh', () => {
  let dir: string;

  beforeAll(async () => {
    const admin = await login(stack().admin.email, stack().admin.password);
    dir = mkdtempSync(join(tmpdir(), 'relais-faults-refresh-'));
    const file = await writeCanonicalExport(join(dir, 'refresh.csv'), { from: 0, cases: 20_000, customers: 'rf-' });
    expect(file.rows).toBe(ROWS);
    const report = await waitForImport(admin, await uploadImport(admin, file.path, { source: SOURCE }), undefined, {
      timeoutMs: 3 * MINUTE,
    });
    expect(report).toMatchObject({ status: 'succeeded', eventsStored: ROWS });
  }, 4 * MINUTE);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'leaves the facts unchanged; a rerun completes and gives the facts the import computed',
    async () => {
      const computed = await allFacts();
      await withDb((c) =>
        c.query(`UPDATE case_fact SET transfers = transfers + 100 WHERE source = $1 AND case_id = 'F000007'`, [SOURCE]),
      );
      const stale = await allFacts();
      expect(stale).not.toEqual(computed);

      let ended = false;
      const refresh = startRefresh(stack());
      void refresh.exited.then(() => (ended = true));
      let backend: Backend;
      try {
        backend = await refreshWritingFacts(() => ended);
        process.kill(refresh.pid, 'SIGKILL');
      } finally {
        await stopProcess(refresh.pid);
      }
      expect(await refresh.exited).toBeNull();
      expect(isAlive(refresh.pid)).toBe(false);
      console.log(`refresh-kill: killed during ${backend.query.trim().split('\n')[0].slice(0, 80)}`);
      // PostgreSQL ends the orphaned backend once it notices its client is gone, rolling its transaction back.
      await backendGone(backend.pid);
      expect(await allFacts()).toEqual(stale);

      const rerun = startRefresh(stack());
      expect(await rerun.exited).toBe(0);
      expect(await allFacts()).toEqual(computed);
    },
    6 * MINUTE,
  );
});
