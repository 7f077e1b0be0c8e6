import type { PoolClient } from 'pg';

/**
 * KPI-DEFINITIONS §5: one row per completed transition of each touched case (table touched_case), for cases with
 * a `created` event (a case_fact row) only. Step entries are `created`, `status_changed` and `reopened` in
 * (ts, seq) order; each consecutive pair (prev, cur) is a row prev.step → cur.step lasting the whole seconds of
 * cur.ts − prev.ts. The last step of a case, open or not, has not been left and yields no row.
 *
 * `team` is the team holding the case when it entered from_step, after prev and its exact (ts, seq) ties, by the
 * holder rule shared with survey facts and the reference (caseStates): an `assigned` event sets the holder to its
 * team, or to none (null) without team, since §3 defines that as taking the case out of every team's hands, while
 * any other event sets it only when it carries a team, since only an assignment can take the case away, so an
 * empty team there states nothing. Null also before any event states a team (e.g. created without team, assigned
 * later, even at the same ts with a higher seq). A reassignment during the step does not move the step's time;
 * the next step starts with it.
 *
 * Ties in (ts, seq), possible only across overlapping files, are broken on content, never on storage order, so
 * that a re-import in another order gives the same rows.
 */
export async function refreshTransitionFacts(client: PoolClient): Promise<void> {
  await client.query(
    `DELETE FROM case_transition f USING touched_case t WHERE f.source = t.source AND f.case_id = t.case_id`,
  );
  await client.query(`
    WITH ev AS (
      SELECT e.source, e.case_id, e.ts, e.seq, e.event, e.step, e.team, e.agent,
             -- Events stating the holder at or before this one's (ts, seq), ties included: constant over the
             -- events that state nothing, so each run starts with the event(s) that set its holder.
             count(*) FILTER (WHERE e.event = 'assigned' OR e.team IS NOT NULL)
               OVER (PARTITION BY e.source, e.case_id ORDER BY e.ts, e.seq) AS run
      FROM journey_event e
      JOIN touched_case t ON t.source = e.source AND t.case_id = e.case_id
      JOIN case_fact f ON f.source = e.source AND f.case_id = e.case_id
    ),
    held AS (
      -- Run 0 and a run started by assignments without team have no holder (null); a tie between two teams at
      -- one (ts, seq) goes to the greater name, and a team named beats none.
      SELECT *, max(team COLLATE "C") OVER (PARTITION BY source, case_id, run) AS holder FROM ev
    ),
    entry AS (
      SELECT source, case_id, ts, step, holder,
             row_number() OVER w AS n, lead(ts) OVER w AS left_at, lead(step) OVER w AS to_step
      FROM held
      WHERE event IN ('created', 'status_changed', 'reopened')
      WINDOW w AS (PARTITION BY source, case_id ORDER BY ts, seq, step, event, team, agent)
    )
    INSERT INTO case_transition (source, case_id, n, from_step, to_step, entered_at, left_at, seconds, team)
    SELECT source, case_id, n, step, to_step, ts, left_at,
           floor(extract(epoch FROM left_at) - extract(epoch FROM ts))::bigint, holder
    FROM entry
    WHERE left_at IS NOT NULL`);
}
