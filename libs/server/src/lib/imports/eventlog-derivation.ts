import type { PoolClient } from 'pg';

/**
 * Derived events of one row keep the row's place: seq = row seq × ROW_SEQ_STRIDE + k, k = 0 created, 1 assigned,
 * 2 status_changed, 3 survey. Rows of a case are ordered by (ts, seq), so the events are too.
 */
export const ROW_SEQ_STRIDE = 4;

/**
 * Turns the event-log rows staged in `import_observation` (eventlogAdapter, one import) into journey events in
 * `import_staging`, set-based. Rows of a case may be anywhere in the file, so this runs once the whole file is
 * staged; PostgreSQL orders each case by (ts, seq) — seq = file order, which breaks timestamp ties. Per row:
 *
 * - `created`: the first row of the case, with its step, team and agent. Customer, channel and category come
 *   from the case's first row that has each (usually the first row; logs that fill case attributes on some rows
 *   only still get them) and are set on `created` only (KPI-DEFINITIONS §1: case attributes).
 * - `assigned`: the first row that carries a team (the first assignment, never a transfer by §3), and every row
 *   whose team differs from the previous known (non-empty) team. An empty team is "not recorded on this row",
 *   not "taken out of every team's hands": it yields nothing and the next team is compared with the last known.
 *   An agent change inside the same team yields nothing.
 * - `status_changed`: a row (not the first) whose step differs from the previous row's step.
 * - `survey`: a row with a csat answer, at the row's time, in the row's step.
 *
 * `status_changed` and `survey` carry the team holding the case after the row (the row's own team, else the last
 * known one, since an empty team changes nothing) and the row's agent; `assigned` the row's team and agent.
 *
 * Limitation: the derivation sees the rows of this import only. An event log is expected to carry whole cases:
 * re-importing the same file, or an overlapping export of whole cases, yields the same events and adds nothing
 * (content identity, §1), but a case split across two files would get a second `created` from the second file
 * and its first team there would count as a first assignment again.
 *
 * Returns the number of events staged.
 */
export async function deriveEventLogEvents(client: PoolClient, source: string): Promise<number> {
  const result = await client.query(
    `INSERT INTO import_staging (source, case_id, customer_key, ts, seq, event, step, team, agent, channel, category,
                                 direction, csat, csat_scale)
     WITH ordered AS (
       SELECT case_id, ts, seq, step, team, agent, csat, csat_scale,
              row_number() OVER w AS n,
              lag(step) OVER w AS previous_step,
              -- Rows with a team so far, this one included: constant over a run of empty teams.
              count(team) OVER w AS teams_seen
       FROM import_observation
       WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
     ),
     held AS (
       -- The last known team after each row: the team of the first row of its run (null before any team).
       SELECT *, first_value(team) OVER (PARTITION BY case_id, teams_seen ORDER BY ts, seq) AS held_team
       FROM ordered
     ),
     state AS (
       SELECT *, lag(held_team) OVER (PARTITION BY case_id ORDER BY ts, seq) AS previous_team
       FROM held
     ),
     case_attributes AS (
       SELECT case_id,
              (array_agg(customer_key ORDER BY ts, seq) FILTER (WHERE customer_key IS NOT NULL))[1] AS customer_key,
              (array_agg(channel ORDER BY ts, seq) FILTER (WHERE channel IS NOT NULL))[1] AS channel,
              (array_agg(category ORDER BY ts, seq) FILTER (WHERE category IS NOT NULL))[1] AS category
       FROM import_observation GROUP BY case_id
     )
     SELECT $1, s.case_id, a.customer_key, s.ts, s.seq * ${ROW_SEQ_STRIDE} + d.k, d.event, s.step,
            CASE WHEN d.event IN ('created', 'assigned') THEN s.team ELSE s.held_team END, s.agent,
            a.channel, a.category, NULL,
            CASE WHEN d.event = 'survey' THEN s.csat END, CASE WHEN d.event = 'survey' THEN s.csat_scale END
     FROM state s
     CROSS JOIN LATERAL (VALUES
       (0, 'created', s.n = 1),
       (1, 'assigned', s.team IS NOT NULL AND s.team IS DISTINCT FROM s.previous_team),
       (2, 'status_changed', s.n > 1 AND s.step IS DISTINCT FROM s.previous_step),
       (3, 'survey', s.csat IS NOT NULL)
     ) AS d (k, event, applies)
     LEFT JOIN case_attributes a ON d.event = 'created' AND a.case_id = s.case_id
     WHERE d.applies`,
    [source],
  );
  return result.rowCount ?? 0;
}
