import type { PoolClient } from 'pg';
import { refreshHandoffFacts } from './handoff-facts';
import { refreshSurveyFacts } from './survey-facts';
import { refreshTransitionFacts } from './transition-facts';

/**
 * Brings the per-case facts of every case touched by the staged import up to date, set-based. The rules are
 * KPI-DEFINITIONS §3 (transfers), §4 (repeat contact, chasers, reopen) and §6 (surveys, attributed to the case).
 * The TypeScript reference of the same rules lives in @relais/domain; tests hold both to the same fixtures.
 * One exception the reference does not know: a case seen in a single row only (a one-row-per-incident export)
 * takes its transfers from the vendor counter kept beside it (case_vendor_counter, storeVendorCounters), since its
 * events cannot show a transfer; `transfers_from` says which. Entries, teams and handoffs stay event-derived.
 */
export async function refreshCaseFacts(
  client: PoolClient,
  timeZone: string,
  scope: 'staged' | 'all' = 'staged',
): Promise<void> {
  // `all`: every case from its stored events (the full refresh), instead of the cases of the import's staging.
  await client.query(`
    CREATE TEMP TABLE touched_case ON COMMIT DROP AS
    SELECT DISTINCT source, case_id FROM ${scope === 'all' ? 'journey_event' : 'import_staging'}`);
  // Statistics of rows inserted by this very transaction are unknown to the planner until analysed; without
  // them a first large import is planned as if journey_event were empty (nested loops over every event).
  await client.query(`ANALYZE touched_case`);
  await client.query(`ANALYZE journey_event`);
  await client.query(
    `WITH ev AS (
       SELECT e.source, e.case_id, e.customer_key, e.ts, e.seq, e.event, e.step, e.team, e.channel, e.category,
              e.direction, e.csat, e.csat_scale
       FROM journey_event e JOIN touched_case t ON t.source = e.source AND t.case_id = e.case_id
     ),
     created AS (
       SELECT DISTINCT ON (source, case_id) source, case_id, customer_key, ts, team, channel, category
       FROM ev WHERE event = 'created' ORDER BY source, case_id, ts, seq
     ),
     assignment AS (
       SELECT source, case_id, team, ts, seq,
              lag(team) OVER (PARTITION BY source, case_id ORDER BY ts, seq) AS previous_team
       FROM ev WHERE event = 'assigned' AND team IS NOT NULL
     ),
     transfer AS (
       SELECT source, case_id,
              count(*) FILTER (WHERE previous_team IS NOT NULL AND team <> previous_team) AS transfers,
              count(*) FILTER (WHERE previous_team IS NULL OR team <> previous_team) AS team_entries,
              count(DISTINCT team) AS distinct_teams,
              (array_agg(team ORDER BY ts, seq))[1] AS first_team
       FROM assignment GROUP BY source, case_id
     ),
     vendor AS (
       SELECT v.source, v.case_id, v.reassignment_count
       FROM case_vendor_counter v JOIN touched_case t ON t.source = v.source AND t.case_id = v.case_id
       WHERE v.rows_seen = 1 AND v.reassignment_count IS NOT NULL
     ),
     resolution AS (
       SELECT DISTINCT ON (source, case_id) source, case_id, ts, seq
       FROM ev WHERE step IN ('resolved', 'closed') ORDER BY source, case_id, ts, seq
     ),
     inbound AS (
       SELECT source, case_id, ts, seq, row_number() OVER (PARTITION BY source, case_id ORDER BY ts, seq) AS n
       FROM ev WHERE event = 'contact' AND direction = 'inbound'
     ),
     chaser AS (
       -- "Before it is resolved" in the case's order (ts, seq): a contact tied in ts with the resolution may precede it.
       SELECT i.source, i.case_id,
              count(*) FILTER (WHERE i.n > 1 AND (r.ts IS NULL OR (i.ts, i.seq) < (r.ts, r.seq))) AS chasers
       FROM inbound i LEFT JOIN resolution r ON r.source = i.source AND r.case_id = i.case_id
       GROUP BY i.source, i.case_id
     ),
     other AS (
       SELECT source, case_id,
              bool_or(event = 'reopened') AS reopened,
              count(*) FILTER (WHERE event = 'survey') AS surveys,
              count(*) FILTER (WHERE event = 'survey' AND csat >= csat_scale - 1) AS survey_top_two,
              coalesce(sum(csat) FILTER (WHERE event = 'survey'), 0) AS survey_score_sum,
              coalesce(sum((csat - 1)::double precision / (csat_scale - 1)) FILTER (WHERE event = 'survey'), 0)
                AS survey_normalised_sum,
              min(csat_scale) FILTER (WHERE event = 'survey') AS survey_scale_min,
              max(csat_scale) FILTER (WHERE event = 'survey') AS survey_scale_max
       FROM ev GROUP BY source, case_id
     )
     INSERT INTO case_fact AS f (source, case_id, customer_key, created_ts, created_week, team, channel, category,
       transfers, team_entries, distinct_teams, reopened, chasers, surveys, survey_top_two, survey_score_sum,
       survey_normalised_sum, survey_scale_min, survey_scale_max, transfers_from)
     SELECT c.source, c.case_id, c.customer_key, c.ts, date_trunc('week', c.ts AT TIME ZONE $1)::date,
            coalesce(c.team, t.first_team), c.channel, c.category,
            coalesce(v.reassignment_count, t.transfers, 0), coalesce(t.team_entries, 0), coalesce(t.distinct_teams, 0),
            o.reopened, coalesce(ch.chasers, 0), o.surveys, o.survey_top_two, o.survey_score_sum,
            o.survey_normalised_sum, o.survey_scale_min, o.survey_scale_max,
            CASE WHEN v.case_id IS NULL THEN 'events' ELSE 'vendor_counter' END
     FROM created c
     JOIN other o ON o.source = c.source AND o.case_id = c.case_id
     LEFT JOIN transfer t ON t.source = c.source AND t.case_id = c.case_id
     LEFT JOIN chaser ch ON ch.source = c.source AND ch.case_id = c.case_id
     LEFT JOIN vendor v ON v.source = c.source AND v.case_id = c.case_id
     ON CONFLICT (source, case_id) DO UPDATE SET
       customer_key = EXCLUDED.customer_key, created_ts = EXCLUDED.created_ts, created_week = EXCLUDED.created_week,
       team = EXCLUDED.team, channel = EXCLUDED.channel, category = EXCLUDED.category,
       transfers = EXCLUDED.transfers, team_entries = EXCLUDED.team_entries,
       distinct_teams = EXCLUDED.distinct_teams, reopened = EXCLUDED.reopened, chasers = EXCLUDED.chasers,
       surveys = EXCLUDED.surveys, survey_top_two = EXCLUDED.survey_top_two,
       survey_score_sum = EXCLUDED.survey_score_sum, survey_normalised_sum = EXCLUDED.survey_normalised_sum,
       survey_scale_min = EXCLUDED.survey_scale_min, survey_scale_max = EXCLUDED.survey_scale_max,
       transfers_from = EXCLUDED.transfers_from`,
    [timeZone],
  );
  // Repeat contacts cross cases: recompute the gap for every case sharing a subject with a touched case.
  await client.query(`
    WITH subject AS (
      SELECT DISTINCT f.customer_key, f.category
      FROM case_fact f JOIN touched_case t ON t.source = f.source AND t.case_id = f.case_id
      WHERE f.customer_key IS NOT NULL
    ),
    gap AS (
      SELECT f.source, f.case_id,
             (extract(epoch FROM lead(f.created_ts) OVER w - f.created_ts) * 1000)::bigint AS gap_ms
      FROM case_fact f
      JOIN subject s ON s.customer_key = f.customer_key AND s.category IS NOT DISTINCT FROM f.category
      WINDOW w AS (PARTITION BY f.customer_key, f.category ORDER BY f.created_ts, f.source, f.case_id)
    )
    UPDATE case_fact f SET next_same_subject_ms = gap.gap_ms
    FROM gap
    WHERE f.source = gap.source AND f.case_id = gap.case_id
      AND f.next_same_subject_ms IS DISTINCT FROM gap.gap_ms`);
  await refreshTransitionFacts(client);
  await refreshSurveyFacts(client);
  await refreshHandoffFacts(client);
}
