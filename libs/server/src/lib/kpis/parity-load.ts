import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { refreshCaseFacts } from '../cases/case-facts';
import { copyIntoStaging, createStaging, mergeStaging, type StoredEvent } from '../imports/event-store';

/**
 * Empties the journey log and everything derived from it, so that the next import starts from nothing. DELETE, not
 * TRUNCATE: on tables of a few hundred rows it is some 50 times faster, which matters at hundreds of runs.
 */
export async function resetJourneyLog(db: DataSource): Promise<void> {
  await db.query(`
    DELETE FROM case_handoff; DELETE FROM case_survey; DELETE FROM case_transition; DELETE FROM case_fact;
    DELETE FROM journey_event; DELETE FROM import;
    UPDATE dataset_state SET latest_event_ts = NULL`);
}

/**
 * Stores `events` the way the import job does: one transaction holding the merge lock, COPY into staging, merge
 * into journey_event, then the per-case facts of the touched cases. Returns how many events were new.
 */
export async function importJourneyEvents(
  db: DataSource,
  events: readonly StoredEvent[],
  timeZone: string,
): Promise<number> {
  const runner = db.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await runner.startTransaction();
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('relais:import-merge'))`);
    const [{ id }] = await runner.query(
      `INSERT INTO import (format, source, time_zone, file_name, file_path)
       VALUES ('canonical', 'parity', $1, 'parity.csv', 'parity.csv') RETURNING id`,
      [timeZone],
    );
    await createStaging(client);
    await copyIntoStaging(
      client,
      (async function* () {
        yield* events;
      })(),
    );
    const inserted = await mergeStaging(client, id);
    await refreshCaseFacts(client, timeZone);
    await runner.commitTransaction();
    return inserted;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
