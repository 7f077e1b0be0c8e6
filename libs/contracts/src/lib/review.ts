import type { KpiFilters } from './kpis';
import type { TargetDirection, TargetIndicator } from './settings';

/**
 * Status of a weekly value against its target (T) and alert level (A), A on the bad side of T:
 * - lower is better: ok when value ≤ T; alert when value ≥ A; warning in between (T < value < A).
 * - higher is better: ok when value ≥ T; alert when value ≤ A; warning in between (A < value < T).
 * Exactly on the target is ok; exactly on the alert level is alert (ok wins when T = A). No value: null.
 */
export type TargetStatus = 'ok' | 'warning' | 'alert';

/** Query of GET /api/kpis/review: the indicator filters plus the ISO week to review. */
export interface ReviewQuery extends KpiFilters {
  /** ISO week, e.g. 2025-W02; default: the latest week with cases (of the filters). */
  week?: string;
}

/** One week of an indicator's sparkline. */
export interface ReviewSeriesPoint {
  week: string;
  /** Monday of the week, YYYY-MM-DD, organisation time zone. */
  start: string;
  /** null: no case (or fewer than 5 answers for satisfaction) that week. */
  value: number | null;
  status: TargetStatus | null;
  cases: number;
  provisional: boolean;
}

/** One indicator of the review. Changes are value − reference, null when either side is null. */
export interface ReviewIndicator {
  indicator: TargetIndicator;
  value: number | null;
  target: number;
  alertLevel: number;
  direction: TargetDirection;
  /** csatMean of a week whose answers mix scales is a normalised 0–1 score: no status then. */
  status: TargetStatus | null;
  /** The ISO week before. */
  previous: { week: string | null; value: number | null; change: number | null };
  /**
   * Mean of the weekly values of the 4 weeks before (weeks with a value only; `weeks` says how many);
   * null when none has one.
   */
  fourWeekAverage: { value: number | null; weeks: number; change: number | null };
  /** The week's flag (KPI-DEFINITIONS §4): some cases cannot be judged for repeat contact yet. */
  provisional: boolean;
  /** Cases of the week (surveys for csatMean and csatShare: what the value rests on). */
  cases: number;
  /** 12 weeks, oldest first, the reviewed week last; weeks without cases included. */
  series: ReviewSeriesPoint[];
}

/** GET /api/kpis/review: the weekly review of the targets, from the weekly indicators of the same filters. */
export interface WeeklyReview {
  /** null only when no case matches the filters and no week was asked for. */
  week: string | null;
  start: string | null;
  cases: number;
  surveys: number;
  provisional: boolean;
  repeatWindowDays: number;
  indicators: ReviewIndicator[];
}
