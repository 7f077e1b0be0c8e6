import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { mergeStaging, copyIntoStaging, createStaging, type StoredEvent } from '../imports/event-store';
import { refreshCaseFacts } from './case-facts';

/** A fixture event: `seq` defaults to its position in the fixture, as file order gives it in a real import. */
export type FixtureEvent = Omit<StoredEvent, 'seq'> & { seq?: number };

/** Builds the events of one source; fields not given are empty, as an adapter leaves them. */
export function eventsOf(source: string) {
  return (caseId: string, ts: string, event: string, extra: Partial<FixtureEvent> = {}): FixtureEvent => ({
    source,
    caseId,
    customerKey: null,
    ts: new Date(ts),
    event,
    step: null,
    team: null,
    agent: null,
    channel: null,
    category: null,
    direction: null,
    csat: null,
    csatScale: null,
    ...extra,
  });
}

/** The import path without a file: staging, merge and per-case facts in one transaction. Returns events stored. */
export async function importFixture(
  dataSource: DataSource,
  events: FixtureEvent[],
  timeZone = 'Europe/Paris',
): Promise<number> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  await runner.startTransaction();
  try {
    const [{ id }] = await runner.query(
      `INSERT INTO import (format, source, time_zone, file_name, file_path)
       VALUES ('canonical', 'fixture', $1, 'fixture', 'fixture') RETURNING id`,
      [timeZone],
    );
    await createStaging(client);
    await copyIntoStaging(
      client,
      (async function* () {
        yield* events.map((e, i): StoredEvent => ({ ...e, seq: e.seq ?? i + 1 }));
      })(),
    );
    const inserted = await mergeStaging(client, id);
    await refreshCaseFacts(client, timeZone);
    await runner.commitTransaction();
    return inserted;
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
