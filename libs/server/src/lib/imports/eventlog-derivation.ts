import type { PoolClient } from 'pg';

/**
 * Derived events of one row keep the row's place: seq = row seq × ROW_SEQ_STRIDE + k, k = 0 created, 1 assigned,
 * 2 status_changed, 3 survey. Rows of a case are ordered by (ts, seq), so the events are too.
 */
export const ROW_SEQ_STRIDE = 4;

export interface DerivationOptions {
  /**
   * What an empty team on a row means (ImportAdapter.emptyTeam). `unknown`: not recorded on this row. `cleared`:
   * the row is a full snapshot and the case was taken out of every team's hands.
   */
  emptyTeam?: 'unknown' | 'cleared';
}

/**
 * Turns the event-log rows staged in `import_observation` (one import) into journey events in `import_staging`,
 * set-based. Rows of a case may be anywhere in the file, so this runs once the whole file is staged; PostgreSQL
 * orders each case by (ts, order_key, seq): seq = file order, order_key = the source's own order of a case's rows
 * (ServiceNow's sys_mod_count; null for event logs, nulls last). Tied rows (same case and ts) exchange their file
 * positions so that the stored (ts, seq) order — the only one the facts and the drill-down know — is that order:
 * the row first by order_key takes the smallest seq of its tie, and so on. Per row:
 *
 * - `created`: the first row of the case, with its step, team and agent. Customer, channel and category come
 *   from the case's first row that has each (usually the first row; logs that fill case attributes on some rows
 *   only still get them) and are set on `created` only (KPI-DEFINITIONS §1: case attributes).
 * - `assigned`, `emptyTeam: 'unknown'` (default): the first row that carries a team (the first assignment, never a
 *   transfer by §3), and every row whose team differs from the previous known (non-empty) team. An empty team is
 *   "not recorded on this row": it yields nothing and the next team is compared with the last known.
 * - `assigned`, `emptyTeam: 'cleared'`: the first row if it has a team, and every later row whose team differs
 *   from the previous row's, an empty one included: emptying the team yields an `assigned` event without a team
 *   (the case left every team's hands, §3), and the next team an `assigned` event again.
 *   In both modes an agent change inside the same team yields nothing.
 * - `status_changed`: a row (not the first) whose step differs from the previous row's step.
 * - `survey`: a row with a csat answer, at the row's time, in the row's step.
 *
 * `status_changed` and `survey` carry the team holding the case after the row (`unknown`: the row's own team,
 * else the last known one; `cleared`: the row's team, empty included) and the row's agent; `assigned` the row's
 * team and agent.
 *
 * Limitation: the derivation sees the rows of this import only. An event log is expected to carry whole cases:
 * re-importing the same file, or an overlapping export of whole cases, yields the same events and adds nothing
 * (content identity, §1), but a case split across two files would get a second `created` from the second file
 * and its first team there would count as a first assignment again.
 *
 * Returns the number of events staged.
 */
export async function deriveEventLogEvents(
  client: PoolClient,
  source: string,
  options: DerivationOptions = {},
): Promise<number> {
  const cleared = options.emptyTeam === 'cleared';
  const {
    rows: [{ ordered }],
  } = await client.query<{ ordered: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM import_observation WHERE order_key IS NOT NULL) AS ordered`,
  );
  // Without an order key file order alone breaks ties: the two window sorts of the exchange are skipped.
  const rowSeq = ordered
    ? `(array_agg(seq) OVER (PARTITION BY case_id, ts ORDER BY seq
                             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
         [(row_number() OVER (PARTITION BY case_id, ts ORDER BY order_key, seq))::int]`
    : 'seq';
  // `unknown`: the team of the first row of the current run of empty teams; `cleared`: the row's own team.
  const heldTeam = cleared ? 'team' : 'first_value(team) OVER (PARTITION BY case_id, teams_seen ORDER BY ts, seq)';
  const assigned = cleared
    ? 's.team IS DISTINCT FROM s.previous_team'
    : 's.team IS NOT NULL AND s.team IS DISTINCT FROM s.previous_team';
  const result = await client.query(
    `INSERT INTO import_staging (source, case_id, customer_key, ts, seq, event, step, team, agent, channel, category,
                                 direction, csat, csat_scale)
     WITH observation AS (
       SELECT case_id, customer_key, ts, ${rowSeq} AS seq, step, team, agent, channel, category, csat, csat_scale
       FROM import_observation
     ),
     ordered AS (
       SELECT case_id, ts, seq, step, team, agent, csat, csat_scale,
              row_number() OVER w AS n,
              lag(step) OVER w AS previous_step,
              -- Rows with a team so far, this one included: constant over a run of empty teams.
              count(team) OVER w AS teams_seen
       FROM observation
       WINDOW w AS (PARTITION BY case_id ORDER BY ts, seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
     ),
     held AS (
       SELECT *, ${heldTeam} AS held_team FROM ordered
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
       FROM observation GROUP BY case_id
     )
     SELECT $1, s.case_id, a.customer_key, s.ts, s.seq * ${ROW_SEQ_STRIDE} + d.k, d.event, s.step,
            CASE WHEN d.event IN ('created', 'assigned') THEN s.team ELSE s.held_team END, s.agent,
            a.channel, a.category, NULL,
            CASE WHEN d.event = 'survey' THEN s.csat END, CASE WHEN d.event = 'survey' THEN s.csat_scale END
     FROM state s
     CROSS JOIN LATERAL (VALUES
       (0, 'created', s.n = 1),
       (1, 'assigned', ${assigned}),
       (2, 'status_changed', s.n > 1 AND s.step IS DISTINCT FROM s.previous_step),
       (3, 'survey', s.csat IS NOT NULL)
     ) AS d (k, event, applies)
     LEFT JOIN case_attributes a ON d.event = 'created' AND a.case_id = s.case_id
     WHERE d.applies`,
    [source],
  );
  return result.rowCount ?? 0;
}
