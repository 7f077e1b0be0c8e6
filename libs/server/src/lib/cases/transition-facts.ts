import type { PoolClient } from 'pg';

/** KPI-DEFINITIONS §5: one row per completed transition of each touched case (table touched_case). */
export async function refreshTransitionFacts(client: PoolClient): Promise<void> {
  await client.query(
    `DELETE FROM case_transition f USING touched_case t WHERE f.source = t.source AND f.case_id = t.case_id`,
  );
}
