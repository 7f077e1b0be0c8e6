import { stringify } from 'csv-stringify/sync';
import type { StoredJourneyEvent } from '@relais/domain';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An event ready for storage: the domain's stored journey event. */
export type StoredEvent = StoredJourneyEvent;

const COLUMNS = [
  'source',
  'case_id',
  'customer_key',
  'ts',
  'seq',
  'event',
  'step',
  'team',
  'agent',
  'channel',
  'category',
  'direction',
  'csat',
  'csat_scale',
] as const;

/** An event-log row ready for staging (the eventlog format): the customer is already a pseudonym. */
export interface StagedObservation {
  caseId: string;
  customerKey: string | null;
  ts: Date;
  seq: number;
  step: string;
  team: string | null;
  agent: string | null;
  channel: string | null;
  category: string | null;
  csat: number | null;
  csatScale: number | null;
  /** The source's order of the rows of a case, between ts and seq (Observation.order); absent = none. */
  order?: number | null;
  /** The vendor's counters on this row (Observation.vendorCounters); absent = none. */
  reassignmentCount?: number | null;
  reopenCount?: number | null;
}

const OBSERVATION_COLUMNS = [
  'case_id',
  'customer_key',
  'ts',
  'seq',
  'step',
  'team',
  'agent',
  'channel',
  'category',
  'csat',
  'csat_scale',
  'order_key',
  'reassignment_count',
  'reopen_count',
] as const;

/**
 * Text columns are byte-ordered (collation "C") like journey_event's (migration ByteOrderKeys): sorts are fast
 * and joins never mix two collations.
 * Staging lives in the import's transaction: a killed worker leaves nothing behind, and the merge into
 * journey_event is one set-based statement. `import_observation` holds the rows of an event log (one source per
 * import) until deriveEventLogEvents turns whole cases into events in `import_staging`.
 */
export async function createStaging(client: PoolClient): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE import_staging (
      source text COLLATE "C" NOT NULL, case_id text COLLATE "C" NOT NULL, customer_key text COLLATE "C",
      ts timestamptz NOT NULL, seq bigint NOT NULL, event text COLLATE "C" NOT NULL, step text COLLATE "C",
      team text COLLATE "C", agent text COLLATE "C", channel text COLLATE "C", category text COLLATE "C",
      direction text COLLATE "C", csat smallint, csat_scale smallint
    ) ON COMMIT DROP`);
  await client.query(`
    CREATE TEMP TABLE import_observation (
      case_id text COLLATE "C" NOT NULL, customer_key text COLLATE "C", ts timestamptz NOT NULL, seq bigint NOT NULL,
      step text COLLATE "C" NOT NULL, team text COLLATE "C", agent text COLLATE "C", channel text COLLATE "C",
      category text COLLATE "C", csat smallint, csat_scale smallint,
      order_key bigint, reassignment_count integer, reopen_count integer
    ) ON COMMIT DROP`);
}

/**
 * Streams events into the staging table through COPY. CSV mode: an unquoted empty field is NULL; adapters never
 * produce empty strings, so nothing is lost.
 */
export async function copyIntoStaging(client: PoolClient, events: AsyncIterable<StoredEvent>): Promise<number> {
  return copyRows(client, 'import_staging', COLUMNS, events, (e) => [
    e.source,
    e.caseId,
    e.customerKey,
    e.ts.toISOString(),
    e.seq,
    e.event,
    e.step,
    e.team,
    e.agent,
    e.channel,
    e.category,
    e.direction,
    e.csat,
    e.csatScale,
  ]);
}

/** Streams event-log rows into `import_observation` through COPY, like copyIntoStaging; returns how many. */
export async function copyIntoObservations(
  client: PoolClient,
  observations: AsyncIterable<StagedObservation>,
): Promise<number> {
  return copyRows(client, 'import_observation', OBSERVATION_COLUMNS, observations, (o) => [
    o.caseId,
    o.customerKey,
    o.ts.toISOString(),
    o.seq,
    o.step,
    o.team,
    o.agent,
    o.channel,
    o.category,
    o.csat,
    o.csatScale,
    o.order ?? null,
    o.reassignmentCount ?? null,
    o.reopenCount ?? null,
  ]);
}

async function copyRows<T>(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  items: AsyncIterable<T>,
  toRow: (item: T) => unknown[],
): Promise<number> {
  let count = 0;
  // Rows go to the socket in batches: one write per row costs more than parsing the file.
  async function* chunks() {
    let batch: unknown[][] = [];
    for await (const item of items) {
      count += 1;
      batch.push(toRow(item));
      if (batch.length === COPY_BATCH_ROWS) {
        yield stringify(batch);
        batch = [];
      }
    }
    if (batch.length) yield stringify(batch);
  }
  const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  await pipeline(Readable.from(chunks()), copy);
  return count;
}

const COPY_BATCH_ROWS = 2000;

/** Inserts the staged events that are not stored yet; returns how many were new. */
export async function mergeStaging(client: PoolClient, importId: string): Promise<number> {
  const { rows } = await client.query<{ inserted: string }>(
    `WITH inserted AS (
       INSERT INTO journey_event (${COLUMNS.join(', ')}, import_id)
       SELECT ${COLUMNS.join(', ')}, $1 FROM import_staging ORDER BY source, case_id, ts, seq
       ON CONFLICT ON CONSTRAINT journey_event_identity DO NOTHING
       RETURNING 1)
     SELECT count(*) AS inserted FROM inserted`,
    [importId],
  );
  await client.query(`
    UPDATE dataset_state SET latest_event_ts = GREATEST(latest_event_ts, (SELECT max(ts) FROM import_staging)),
                             facts_version = facts_version + 1`);
  return Number(rows[0].inserted);
}
