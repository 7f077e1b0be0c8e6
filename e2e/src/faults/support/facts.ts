import type { ImportReport } from '@relais/contracts';
import { Client } from 'pg';
import { importReport, stack } from '../../support/api-client';

/** Runs `work` with a connection of its own to the suite's database. */
export async function withDb<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: stack().databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const storedEvents = (source: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM journey_event WHERE source = $1', [
      source,
    ]);
    return rows[0].n;
  });

export const importCount = (source: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM import WHERE source = $1', [source]);
    return rows[0].n;
  });

/** Tables the facts of a case live in (case-facts.ts and its transition, survey and handoff siblings). */
const FACT_TABLES = ['case_fact', 'case_transition', 'case_survey', 'case_handoff'];

/**
 * A digest per fact table of one source, without what differs between a file and its clean twin (source and
 * customer key, canonical-export.ts): equal digests = equal facts, case by case.
 */
export const sourceFacts = (source: string) =>
  withDb(async (c) => {
    const digests: Record<string, string> = {};
    for (const table of FACT_TABLES) {
      const { rows } = await c.query<{ digest: string; n: number }>(
        `SELECT md5(coalesce(string_agg((to_jsonb(t) - 'source' - 'customer_key')::text, '|'
                  ORDER BY (to_jsonb(t) - 'source' - 'customer_key')::text), '')) AS digest, count(*)::int AS n
         FROM ${table} t WHERE source = $1`,
        [source],
      );
      digests[table] = `${rows[0].n}:${rows[0].digest}`;
    }
    return digests;
  });

/** A digest of every fact of the database, every column: "facts unchanged" means this is unchanged. */
export const allFacts = () =>
  withDb(async (c) => {
    const digests: Record<string, string> = {};
    for (const table of FACT_TABLES) {
      const { rows } = await c.query<{ digest: string; n: number }>(
        `SELECT md5(coalesce(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text), '')) AS digest,
                count(*)::int AS n
         FROM ${table} t`,
      );
      digests[table] = `${rows[0].n}:${rows[0].digest}`;
    }
    return digests;
  });

/** The events of one source without their ids, file positions (seq), import and customer key, as a digest. */
export const sourceEvents = (source: string) =>
  withDb(async (c) => {
    const { rows } = await c.query<{ digest: string; n: number }>(
      `SELECT md5(string_agg(concat_ws(',', case_id, ts, event, step, team, agent, channel, category, direction,
                  csat, csat_scale), '|' ORDER BY case_id, ts, event)) AS digest, count(*)::int AS n
       FROM journey_event WHERE source = $1`,
      [source],
    );
    return `${rows[0].n}:${rows[0].digest}`;
  });

/**
 * Polls an import's report until `until` holds, through the api, tolerating the moments the api cannot answer
 * (PostgreSQL restarting, the api itself restarting): those polls just try again.
 */
export async function pollImport(
  token: string,
  id: string,
  until: (report: ImportReport) => boolean = (r) => r.status === 'succeeded' || r.status === 'failed',
  { timeoutMs = 180_000, intervalMs = 100 } = {},
): Promise<ImportReport> {
  const deadline = Date.now() + timeoutMs;
  let last: ImportReport | string = 'none';
  for (;;) {
    try {
      const report = await importReport(token, id);
      if (until(report)) return report;
      last = report;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `import ${id}: condition not met within ${timeoutMs / 1000} s; last seen ${JSON.stringify(last)}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The counts of a report that must equal a clean import's. */
export const counts = ({ status, rowsRead, eventsStored, duplicates, rejected }: ImportReport) => ({
  status,
  rowsRead,
  eventsStored,
  duplicates,
  rejected,
});
