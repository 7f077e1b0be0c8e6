import type { BreakdownDimension, BreakdownGroup, BreakdownResponse, KpiFilters } from '@relais/contracts';
import type { DataSource } from 'typeorm';
import { caseFilter } from './case-filter';
import { rate } from './rounding';

const DAY_MS = 86_400_000;

/** The case_fact column of each dimension: a fixed list, never the request's text, goes into the SQL. */
const COLUMN: Record<BreakdownDimension, string> = {
  team: 'f.team',
  channel: 'f.channel',
  category: 'f.category',
  source: 'f.source',
};

interface GroupRow {
  key: string | null;
  cases: number;
  transfers_mean: string;
  ping_pong: string;
  repeat_rate: string;
  reopen_rate: string;
}

interface WeekRow {
  key: string | null;
  week: string;
  start: string;
  cases: number;
  transfers_mean: string;
  repeat_rate: string;
}

/**
 * KPI-DEFINITIONS §2 breakdown over the filtered cases, by the case's team (holding it at creation), channel or
 * category as kept in case_fact: one grouped statement for the totals, one for the weekly series (week of creation,
 * organisation time zone, §2). Rates and means are computed like summary() and weekly().
 */
export async function breakdown(
  db: DataSource,
  by: BreakdownDimension,
  filters: KpiFilters & { repeatWindowDays: number },
  timeZone: string,
): Promise<BreakdownResponse> {
  const column = COLUMN[by];
  if (!column) throw new Error(`unknown breakdown dimension: ${String(by)}`);
  const params: unknown[] = [filters.repeatWindowDays * DAY_MS];
  const { where } = caseFilter(filters, timeZone, params);
  const groups: GroupRow[] = await db.query(
    `SELECT ${column} AS key,
            count(*)::int AS cases,
            avg(f.transfers) AS transfers_mean,
            avg((f.team_entries > f.distinct_teams)::int) AS ping_pong,
            avg((coalesce(f.next_same_subject_ms <= $1, false))::int) AS repeat_rate,
            avg(f.reopened::int) AS reopen_rate
     FROM case_fact f ${where}
     GROUP BY ${column}
     ORDER BY cases DESC, ${column} COLLATE "C" NULLS LAST`,
    params,
  );
  const weeks: WeekRow[] = await db.query(
    `SELECT ${column} AS key,
            to_char(f.created_week, 'IYYY-"W"IW') AS week,
            to_char(f.created_week, 'YYYY-MM-DD') AS start,
            count(*)::int AS cases,
            avg(f.transfers) AS transfers_mean,
            avg((coalesce(f.next_same_subject_ms <= $1, false))::int) AS repeat_rate
     FROM case_fact f ${where}
     GROUP BY ${column}, f.created_week
     ORDER BY f.created_week`,
    params,
  );
  const byKey = new Map<string | null, BreakdownGroup>();
  const result: BreakdownGroup[] = groups.map((row) => {
    const group: BreakdownGroup = {
      key: row.key,
      cases: row.cases,
      transfersMean: rate(row.transfers_mean),
      pingPongShare: rate(row.ping_pong),
      repeatRate: rate(row.repeat_rate),
      reopenRate: rate(row.reopen_rate),
      weeks: [],
    };
    byKey.set(row.key, group);
    return group;
  });
  for (const row of weeks) {
    byKey.get(row.key)?.weeks.push({
      week: row.week,
      start: row.start,
      cases: row.cases,
      transfersMean: rate(row.transfers_mean),
      repeatRate: rate(row.repeat_rate),
    });
  }
  return { by, groups: result };
}
