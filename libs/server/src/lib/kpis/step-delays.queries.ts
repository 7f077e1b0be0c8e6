import type {
  DelayStats,
  KpiFilters,
  StepDelay,
  StepDurationsResponse,
  StepTeamDuration,
  TransitionDelay,
  TransitionDelaysResponse,
} from '@relais/contracts';
import type { DataSource } from 'typeorm';
import { caseFilter } from './case-filter';
import { hours } from './rounding';

/** KPI-DEFINITIONS §5 per transition, over the filtered cases: the summary's shape. */
export async function stepDelays(db: DataSource, filters: KpiFilters, timeZone: string): Promise<StepDelay[]> {
  return (await transitionRows(db, filters, timeZone)).map(({ from, to, count, medianHours, p90Hours, meanHours }) => ({
    from,
    to,
    count,
    medianHours,
    p90Hours,
    meanHours,
  }));
}

/** Per transition, and the same transitions ranked as bottlenecks (§5): by p90, by total hours; ties by name. */
export async function transitionDelays(
  db: DataSource,
  filters: KpiFilters,
  timeZone: string,
): Promise<TransitionDelaysResponse> {
  const transitions = await transitionRows(db, filters, timeZone);
  // Ranked on the rounded values shown, so that what looks like a tie is ordered by name.
  const rank = (key: 'p90Hours' | 'totalHours') =>
    [...transitions].sort((a, b) => b[key] - a[key] || byName(a.from, b.from) || byName(a.to, b.to));
  return { transitions, bottlenecks: { byP90: rank('p90Hours'), byTotalHours: rank('totalHours') } };
}

/** Time spent in each step (the transitions that left it), overall and per team holding the case meanwhile. */
export async function stepDurations(
  db: DataSource,
  filters: KpiFilters,
  timeZone: string,
): Promise<StepDurationsResponse> {
  const steps = await durations(db, filters, timeZone, BY_STEP);
  const byTeam = await durations(db, filters, timeZone, BY_STEP_AND_TEAM);
  return {
    steps: steps.map((row) => ({ step: row.step, ...stats(row) })),
    byTeam: byTeam.map((row): StepTeamDuration => ({ step: row.step, team: row.team, ...stats(row) })),
  };
}

async function transitionRows(db: DataSource, filters: KpiFilters, timeZone: string): Promise<TransitionDelay[]> {
  const rows = await durations(db, filters, timeZone, BY_TRANSITION);
  return rows.map((row) => ({ from: row.from, to: row.to, ...stats(row) }));
}

/**
 * A grouping of transitions: its columns, its order after count desc, and the steps it needs named. A step the
 * source left unnamed cannot sit on a named row and is left out (the fact table keeps it).
 */
interface Grouping {
  columns: string[];
  order: string[];
  named: string[];
}

// Names in UTF-8 byte order, like byName(): ties come out the same in SQL and in the rankings, whatever the
// database's collation.
const FROM = 't.from_step COLLATE "C"';
const BY_TRANSITION: Grouping = {
  columns: ['t.from_step AS "from"', 't.to_step AS "to"'],
  order: [FROM, 't.to_step COLLATE "C"'],
  named: ['t.from_step', 't.to_step'],
};
const BY_STEP: Grouping = { columns: ['t.from_step AS step'], order: [FROM], named: ['t.from_step'] };
const BY_STEP_AND_TEAM: Grouping = {
  columns: ['t.from_step AS step', 't.team'],
  order: [FROM, 't.team COLLATE "C" NULLS LAST'],
  named: ['t.from_step'],
};

interface DurationRow {
  step: string;
  team: string | null;
  from: string;
  to: string;
  count: number;
  /** Seconds, [median, p90]. */
  quantiles: [number, number];
  mean_seconds: string;
  total_seconds: string;
}

/** Transitions of the filtered cases (caseFilter on case_fact) per group, by count desc, then the group's order. */
async function durations(
  db: DataSource,
  filters: KpiFilters,
  timeZone: string,
  { columns, order, named }: Grouping,
): Promise<DurationRow[]> {
  const { where, params } = caseFilter(filters, timeZone);
  const conditions = named.map((column) => `${column} IS NOT NULL`).join(' AND ');
  return db.query(
    `SELECT ${columns.join(', ')},
            count(*)::int AS count,
            percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.seconds) AS quantiles,
            avg(t.seconds) AS mean_seconds,
            sum(t.seconds) AS total_seconds
     FROM case_transition t
     JOIN case_fact f ON f.source = t.source AND f.case_id = t.case_id
     ${where ? `${where} AND ${conditions}` : `WHERE ${conditions}`}
     GROUP BY ${columns.map((_, i) => i + 1).join(', ')}
     ORDER BY count DESC, ${order.join(', ')}`,
    params,
  );
}

const SECONDS_PER_HOUR = 3600;

function stats(row: DurationRow): DelayStats {
  const [median, p90] = row.quantiles;
  return {
    count: row.count,
    medianHours: hours(median / SECONDS_PER_HOUR),
    p90Hours: hours(p90 / SECONDS_PER_HOUR),
    meanHours: hours(Number(row.mean_seconds) / SECONDS_PER_HOUR),
    totalHours: hours(Number(row.total_seconds) / SECONDS_PER_HOUR),
  };
}

function byName(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
