/**
 * The dimensions an indicator can be broken down by (KPI-DEFINITIONS §2): the case's own team, channel, category;
 * and its import source, which the dashboard's filters list their options from.
 */
export const BREAKDOWN_DIMENSIONS = ['team', 'channel', 'category', 'source'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** Query of GET /api/kpis/breakdown: the usual indicator filters plus the dimension. */
export interface BreakdownQuery {
  by: BreakdownDimension;
}

export interface BreakdownWeek {
  /** ISO week, e.g. 2025-W02. */
  week: string;
  /** Monday of the week, YYYY-MM-DD, in the organisation's time zone. */
  start: string;
  cases: number;
  transfersMean: number;
  repeatRate: number;
}

export interface BreakdownGroup {
  /** The team, channel, category or source; null for cases without one (never for source). */
  key: string | null;
  cases: number;
  transfersMean: number;
  pingPongShare: number;
  repeatRate: number;
  reopenRate: number;
  /** The group's weeks holding cases, oldest first. */
  weeks: BreakdownWeek[];
}

export interface BreakdownResponse {
  by: BreakdownDimension;
  /** By cases, most first, then by key (byte order, no key last). */
  groups: BreakdownGroup[];
}
