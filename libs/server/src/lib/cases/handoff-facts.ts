import type { PoolClient } from 'pg';

/**
 * KPI-DEFINITIONS §3: one row per transfer of each touched case (table touched_case), with its pickup delay.
 * Assignments without a team are skipped, so each one is compared with the last team that held the case:
 * X → (none) → Y is one transfer X → Y. The pickup delay runs to the next event of the case, whatever it is;
 * it stays null while the transfer is the latest event. `id` only breaks exact (ts, seq) ties, which overlapping
 * exports can produce, so that a refresh always yields the same rows.
 */
export async function refreshHandoffFacts(client: PoolClient): Promise<void> {
  await client.query(
    `DELETE FROM case_handoff f USING touched_case t WHERE f.source = t.source AND f.case_id = t.case_id`,
  );
  await client.query(`
    WITH ev AS (
      SELECT e.source, e.case_id, e.id, e.ts, e.seq, e.event, e.team,
             lead(e.ts) OVER (PARTITION BY e.source, e.case_id ORDER BY e.ts, e.seq, e.id) AS next_ts
      FROM journey_event e JOIN touched_case t ON t.source = e.source AND t.case_id = e.case_id
      WHERE EXISTS (
        SELECT 1 FROM journey_event c WHERE c.source = e.source AND c.case_id = e.case_id AND c.event = 'created'
      )
    ),
    assignment AS (
      SELECT source, case_id, id, ts, seq, team, next_ts,
             lag(team) OVER (PARTITION BY source, case_id ORDER BY ts, seq, id) AS previous_team
      FROM ev WHERE event = 'assigned' AND team IS NOT NULL
    )
    INSERT INTO case_handoff (source, case_id, n, from_team, to_team, transferred_at, pickup_seconds)
    SELECT source, case_id, row_number() OVER (PARTITION BY source, case_id ORDER BY ts, seq, id),
           previous_team, team, ts, floor(extract(epoch FROM next_ts - ts))::bigint
    FROM assignment
    WHERE previous_team IS NOT NULL AND team <> previous_team`);
}
