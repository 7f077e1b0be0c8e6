import type { PoolClient } from 'pg';

/**
 * KPI-DEFINITIONS §6: one row per survey answer of each touched case (table touched_case) that has a `created`
 * event, with the step and team the case was in when it was answered. `n` numbers the case's answers in
 * (ts, seq) order.
 *
 * "The state after the latest earlier event", precisely: an event is earlier when its (ts, seq) is strictly
 * smaller than the survey's, so a status change with the same ts counts only when its seq is smaller (an equal
 * (ts, seq), possible only across two overlapping files, is not earlier). Every event type counts, earlier
 * surveys included. The team follows the holder rule shared with transition facts and the reference
 * (caseStates): an `assigned` event sets the holder to its team, or to none (null) without team, since §3 defines
 * that as taking the case out of every team's hands, while any other event sets it only when it carries a team,
 * since only an assignment can take the case away, so an empty team there states nothing. The step is the latest
 * one stated before, an empty step leaving it unchanged (no event clears a step). The survey's own step and team
 * are ignored; null when no earlier event names one (the team also after an assignment without team).
 */
export async function refreshSurveyFacts(client: PoolClient): Promise<void> {
  await client.query(
    `DELETE FROM case_survey f USING touched_case t WHERE f.source = t.source AND f.case_id = t.case_id`,
  );
  // case_fact, refreshed just before for the touched cases, holds exactly the cases with a created event. Ties
  // in (ts, seq) between earlier events are broken on content, never on storage order, so that a re-import in
  // another order attributes the same way: the greater name, and a team named beats none.
  await client.query(`
    INSERT INTO case_survey (source, case_id, n, answered_at, step, team, csat, csat_scale)
    SELECT s.source, s.case_id,
           row_number() OVER (PARTITION BY s.source, s.case_id ORDER BY s.ts, s.seq, s.csat, s.csat_scale),
           s.ts,
           (SELECT e.step FROM journey_event e
            WHERE e.source = s.source AND e.case_id = s.case_id AND (e.ts, e.seq) < (s.ts, s.seq)
              AND e.step IS NOT NULL
            ORDER BY e.ts DESC, e.seq DESC, e.step COLLATE "C" DESC LIMIT 1),
           (SELECT e.team FROM journey_event e
            WHERE e.source = s.source AND e.case_id = s.case_id AND (e.ts, e.seq) < (s.ts, s.seq)
              AND (e.event = 'assigned' OR e.team IS NOT NULL)
            ORDER BY e.ts DESC, e.seq DESC, e.team COLLATE "C" DESC NULLS LAST LIMIT 1),
           s.csat, s.csat_scale
    FROM journey_event s
    JOIN touched_case t ON t.source = s.source AND t.case_id = s.case_id
    JOIN case_fact f ON f.source = s.source AND f.case_id = s.case_id
    WHERE s.event = 'survey'`);
}
