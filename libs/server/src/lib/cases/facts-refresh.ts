import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { IMPORT_MERGE_LOCK, IMPORT_WORK_MEM } from '../imports/import-lock';
import { readOrganisationSettings } from '../settings/organisation-settings';
import { refreshCaseFacts } from './case-facts';

export interface FactsRefreshReport {
  cases: number;
  seconds: number;
}

/**
 * Recomputes the facts of every case from its stored events, in one transaction under the import lock (an import
 * running at the same time waits, and its cases are then refreshed from the same events). Imports keep the facts
 * of their own cases current; this is the full refresh, for after a rule change or to measure it (npm run bench).
 */
export async function refreshAllFacts(db: DataSource, defaultTimeZone: string): Promise<FactsRefreshReport> {
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  const start = performance.now();
  try {
    await runner.startTransaction();
    await client.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [IMPORT_MERGE_LOCK]);
    const settings = await readOrganisationSettings(runner, defaultTimeZone);
    await refreshCaseFacts(client, settings.timeZone, 'all');
    await client.query(`UPDATE dataset_state SET facts_version = facts_version + 1`);
    const [{ cases }] = (await client.query<{ cases: number }>(`SELECT count(*)::int AS cases FROM case_fact`)).rows;
    await runner.commitTransaction();
    return { cases, seconds: (performance.now() - start) / 1000 };
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
