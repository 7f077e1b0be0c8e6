import type { PoolClient } from 'pg';

/**
 * Keeps the vendor counters of the cases staged in `import_observation` (one import) beside the case, in
 * `case_vendor_counter`: the counters of the case's latest row in (ts, order_key, seq) order, and how many rows of
 * the case the import held. Cases whose rows carry no counter (event logs) get no row. A later import replaces
 * the counters unless its latest row is older than the stored one; `rows_seen` keeps the most rows seen in one
 * import, so that a re-import of the same file changes nothing and an audit log after a one-row export wins.
 * Runs before refreshCaseFacts, which takes a one-row case's transfers from here.
 */
/** The staged latest row is not older than the stored one (a re-import of the same file counts as newer). */
const NEWER = `(EXCLUDED.latest_ts, coalesce(EXCLUDED.latest_order, -1)) >= (v.latest_ts, coalesce(v.latest_order, -1))`;

export async function storeVendorCounters(client: PoolClient, source: string): Promise<void> {
  await client.query(
    `INSERT INTO case_vendor_counter AS v (source, case_id, reassignment_count, reopen_count, rows_seen, latest_ts,
                                           latest_order)
     SELECT $1, case_id,
            -- DESC is the exact reverse of (ts, order_key NULLS LAST, seq): the first element is the latest row.
            (array_agg(reassignment_count ORDER BY ts DESC, order_key DESC, seq DESC))[1],
            (array_agg(reopen_count ORDER BY ts DESC, order_key DESC, seq DESC))[1],
            count(*),
            max(ts),
            (array_agg(order_key ORDER BY ts DESC, order_key DESC, seq DESC))[1]
     FROM import_observation
     GROUP BY case_id
     HAVING bool_or(reassignment_count IS NOT NULL OR reopen_count IS NOT NULL)
     ON CONFLICT (source, case_id) DO UPDATE SET
       rows_seen = GREATEST(v.rows_seen, EXCLUDED.rows_seen),
       reassignment_count = CASE WHEN ${NEWER} THEN EXCLUDED.reassignment_count ELSE v.reassignment_count END,
       reopen_count = CASE WHEN ${NEWER} THEN EXCLUDED.reopen_count ELSE v.reopen_count END,
       latest_ts = CASE WHEN ${NEWER} THEN EXCLUDED.latest_ts ELSE v.latest_ts END,
       latest_order = CASE WHEN ${NEWER} THEN EXCLUDED.latest_order ELSE v.latest_order END`,
    [source],
  );
}
