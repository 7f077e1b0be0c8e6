import {
  CASES_PAGE_SIZE_DEFAULT,
  CASES_PAGE_SIZE_MAX,
  type CaseDetail,
  type CaseListItem,
  type CaseListQuery,
  type CasesPage,
  type TransfersFrom,
} from '@relais/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { caseFilter } from '../kpis/case-filter';
import { isoWeekStart } from '../kpis/iso-week';
import { hours } from '../kpis/rounding';

const DAY_MS = 86_400_000;
/** Far beyond any data set, low enough that the offset stays an exact integer. */
const PAGE_MAX = 1_000_000;
export const DEFAULT_REPEAT_WINDOW_DAYS = 7;

/** A drill-down query the service refuses (the api answers 400 with the message). */
export class InvalidCaseQuery extends Error {
  override name = 'InvalidCaseQuery';
}

export interface StepTransition {
  from: string;
  to: string;
}

/** `from>to`, e.g. `triage>in_progress`; steps may hold spaces (event-log steps joined with " / ") but not `>`. */
export function parseTransition(text: string): StepTransition {
  const pair = parsePair(text);
  if (!pair) {
    throw new InvalidCaseQuery(`transition must be two steps joined by ">", e.g. triage>in_progress (got "${text}")`);
  }
  return pair;
}

export interface TeamHandoff {
  from: string;
  to: string;
}

/** `from>to` teams, e.g. `N1>N2`: a transfer of KPI-DEFINITIONS §3, as the handoff matrix counts it. */
export function parseHandoff(text: string): TeamHandoff {
  const pair = parsePair(text);
  if (!pair) {
    throw new InvalidCaseQuery(`handoff must be two teams joined by ">", e.g. N1>N2 (got "${text}")`);
  }
  return pair;
}

function parsePair(text: string): { from: string; to: string } | null {
  const parts = text.split('>').map((part) => part.trim());
  return parts.length === 2 && parts[0] && parts[1] ? { from: parts[0], to: parts[1] } : null;
}

/**
 * Cases of the filters (the indicator filters of caseFilter, plus minTransfers, repeated, transition, handoff and
 * week), newest first, one page of them and how many there are in all. One statement, so total and items agree.
 */
export async function listCases(db: DataSource, query: CaseListQuery, timeZone: string): Promise<CasesPage> {
  const page = checkInteger('page', query.page ?? 1, 1, PAGE_MAX);
  const pageSize = checkInteger('pageSize', query.pageSize ?? CASES_PAGE_SIZE_DEFAULT, 1, CASES_PAGE_SIZE_MAX);
  const windowDays = query.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS;
  const params: unknown[] = [windowDays * DAY_MS];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const { where } = caseFilter(query, timeZone, params);
  const clauses = where ? [where.replace(/^WHERE /, '')] : [];
  if (query.minTransfers !== undefined) {
    clauses.push(`f.transfers >= ${add(checkInteger('minTransfers', query.minTransfers, 0, 1_000_000))}`);
  }
  if (query.repeated !== undefined) {
    clauses.push(`${query.repeated ? '' : 'NOT '}coalesce(f.next_same_subject_ms <= $1, false)`);
  }
  if (query.transition !== undefined) {
    const { from, to } = parseTransition(query.transition);
    clauses.push(`EXISTS (SELECT 1 FROM case_transition ct WHERE ct.source = f.source AND ct.case_id = f.case_id
                          AND ct.from_step = ${add(from)} AND ct.to_step = ${add(to)})`);
  }
  if (query.handoff !== undefined) {
    const { from, to } = parseHandoff(query.handoff);
    clauses.push(`EXISTS (SELECT 1 FROM case_handoff h WHERE h.source = f.source AND h.case_id = f.case_id
                          AND h.from_team = ${add(from)} AND h.to_team = ${add(to)})`);
  }
  if (query.week !== undefined) {
    const monday = isoWeekStart(query.week);
    if (!monday) throw new InvalidCaseQuery(`week must be an ISO week such as 2025-W02 (got "${query.week}")`);
    // created_week is the Monday of the case's ISO week in the organisation's time zone (case-facts.ts).
    clauses.push(`f.created_week = ${add(monday)}::date`);
  }
  const rows: ListRow[] = await db.query(
    `WITH filtered AS (
       SELECT f.source, f.case_id, f.created_ts, f.team, f.channel, f.category, f.transfers, f.reopened,
              coalesce(f.next_same_subject_ms <= $1, false) AS repeated
       FROM case_fact f ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
     )
     SELECT t.total, p.*
     FROM (SELECT count(*)::int AS total FROM filtered) t
     LEFT JOIN LATERAL (
       SELECT * FROM filtered ORDER BY created_ts DESC, case_id, source LIMIT ${add(pageSize)} OFFSET ${add((page - 1) * pageSize)}
     ) p ON true
     ORDER BY p.created_ts DESC, p.case_id, p.source`,
    params,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.filter((row) => row.case_id !== null).map(toListItem),
  };
}

/** One case with its facts, transfers and events in (ts, seq) order; null when no such case (with a created event). */
export async function caseDetail(
  db: DataSource,
  source: string,
  caseId: string,
  repeatWindowDays = DEFAULT_REPEAT_WINDOW_DAYS,
): Promise<CaseDetail | null> {
  // One snapshot: an import committing in between cannot pair the facts of one state with the events of another.
  return db.transaction('REPEATABLE READ', async (m: EntityManager) => {
    const [fact]: Array<ListRow & { chasers: number; surveys: number; transfers_from: TransfersFrom }> = await m.query(
      `SELECT f.source, f.case_id, f.created_ts, f.team, f.channel, f.category, f.transfers, f.reopened, f.chasers,
              f.surveys, f.transfers_from, coalesce(f.next_same_subject_ms <= $3, false) AS repeated
       FROM case_fact f WHERE f.source = $1 AND f.case_id = $2`,
      [source, caseId, repeatWindowDays * DAY_MS],
    );
    if (!fact) return null;
    const handoffs: HandoffRow[] = await m.query(
      `SELECT from_team, to_team, transferred_at, pickup_seconds
       FROM case_handoff WHERE source = $1 AND case_id = $2 ORDER BY n`,
      [source, caseId],
    );
    // Never customer_key: the drill-down shows what happened, not who it happened to.
    const events: EventRow[] = await m.query(
      `SELECT ts, seq, event, step, team, agent, channel, category, direction, csat, csat_scale
       FROM journey_event WHERE source = $1 AND case_id = $2 ORDER BY ts, seq, id`,
      [source, caseId],
    );
    return {
      ...toListItem(fact),
      repeatWindowDays,
      transfersFrom: fact.transfers_from,
      chasers: fact.chasers,
      surveys: fact.surveys,
      handoffs: handoffs.map((h) => ({
        from: h.from_team,
        to: h.to_team,
        transferredAt: h.transferred_at.toISOString(),
        pickupHours: h.pickup_seconds === null ? null : hours(Number(h.pickup_seconds) / 3600),
      })),
      events: events.map((e) => ({
        ts: e.ts.toISOString(),
        seq: Number(e.seq),
        event: e.event,
        step: e.step,
        team: e.team,
        agent: e.agent,
        channel: e.channel,
        category: e.category,
        direction: e.direction,
        csat: e.csat,
        csatScale: e.csat_scale,
      })),
    };
  });
}

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidCaseQuery(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

interface ListRow {
  total?: number;
  source: string;
  case_id: string;
  created_ts: Date;
  team: string | null;
  channel: string | null;
  category: string | null;
  transfers: number;
  repeated: boolean;
  reopened: boolean;
}

interface HandoffRow {
  from_team: string;
  to_team: string;
  transferred_at: Date;
  pickup_seconds: string | null;
}

interface EventRow {
  ts: Date;
  seq: string;
  event: string;
  step: string | null;
  team: string | null;
  agent: string | null;
  channel: string | null;
  category: string | null;
  direction: string | null;
  csat: number | null;
  csat_scale: number | null;
}

function toListItem(row: ListRow): CaseListItem {
  return {
    source: row.source,
    caseId: row.case_id,
    createdAt: row.created_ts.toISOString(),
    team: row.team,
    channel: row.channel,
    category: row.category,
    transfers: row.transfers,
    repeated: row.repeated,
    reopened: row.reopened,
  };
}
