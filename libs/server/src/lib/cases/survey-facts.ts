import type { PoolClient } from 'pg';

/** KPI-DEFINITIONS §6: one row per survey answer of each touched case, with the step and team it belongs to. */
export async function refreshSurveyFacts(client: PoolClient): Promise<void> {
  await client.query(
    `DELETE FROM case_survey f USING touched_case t WHERE f.source = t.source AND f.case_id = t.case_id`,
  );
}
