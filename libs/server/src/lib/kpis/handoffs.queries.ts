import type { HandoffsResponse, KpiFilters } from '@relais/contracts';
import type { DataSource } from 'typeorm';
import { caseFilter } from './case-filter';
import { hours } from './rounding';

interface EdgeRow {
  from: string;
  to: string;
  transfers: number;
  pickup_median_seconds: number | null;
}

/**
 * KPI-DEFINITIONS §3 handoff matrix over the filtered cases: transfers per (from team → to team) and the median
 * pickup delay. Like every indicator, the team filter is the team holding the case at creation (case_fact.team),
 * not a side of the edge. Transfers not picked up yet have no delay and are left out of the median only.
 */
export async function handoffs(db: DataSource, filters: KpiFilters, timeZone: string): Promise<HandoffsResponse> {
  const { where, params } = caseFilter(filters, timeZone);
  const rows: EdgeRow[] = await db.query(
    `SELECT h.from_team AS "from", h.to_team AS "to", count(*)::int AS transfers,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY h.pickup_seconds) AS pickup_median_seconds
     FROM case_handoff h JOIN case_fact f ON f.source = h.source AND f.case_id = h.case_id
     ${where}
     GROUP BY h.from_team, h.to_team
     ORDER BY transfers DESC, h.from_team, h.to_team`,
    params,
  );
  return {
    edges: rows.map((row) => ({
      from: row.from,
      to: row.to,
      transfers: row.transfers,
      // The contract types this as a number: an edge none of whose transfers was picked up yet reads 0.
      pickupMedianHours: hours(row.pickup_median_seconds === null ? null : row.pickup_median_seconds / 3600),
    })),
  };
}
