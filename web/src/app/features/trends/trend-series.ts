import { WeeklyKpiPoint } from '@relais/contracts';
import { isoWeekLabel, sameWeekYearBefore, shiftWeeks } from '../review/iso-week';

/** Indicators of the weekly series that carry a target (GET /api/kpis/weekly has no delay between steps). */
export const TREND_INDICATORS = ['transfersMean', 'pingPongShare', 'repeatRate', 'csatShare'] as const;
export type TrendIndicator = (typeof TREND_INDICATORS)[number];

export const TREND_WEEKS = 52;

export interface TrendValue {
  week: string;
  /** null: no case that week (or fewer than 5 answers for satisfaction). */
  value: number | null;
  /** Cases, or survey answers for satisfaction. */
  basis: number;
  provisional: boolean;
}

export interface TrendPoint extends TrendValue {
  /** The same ISO week one year earlier, null when the data does not reach it. */
  yearBefore: TrendValue | null;
}

/** Satisfaction rests on the answers, the other indicators on the cases. */
export function basisOf(indicator: TrendIndicator): 'cases' | 'answers' {
  return indicator === 'csatShare' ? 'answers' : 'cases';
}

function valueOf(point: WeeklyKpiPoint | undefined, week: string, indicator: TrendIndicator): TrendValue {
  return {
    week,
    value: point ? point[indicator] : null,
    basis: point ? (basisOf(indicator) === 'answers' ? point.surveys : point.cases) : 0,
    provisional: point?.provisional ?? false,
  };
}

/**
 * The 52 ISO weeks up to the latest week with cases, weeks without cases included as gaps, each with the same
 * ISO week one year earlier (2026-W47 ← 2025-W47) when the data holds it.
 */
export function trendPoints(weeks: readonly WeeklyKpiPoint[], indicator: TrendIndicator): TrendPoint[] {
  const last = weeks.at(-1);
  if (!last) return [];
  const byWeek = new Map(weeks.map((point) => [point.week, point]));
  return Array.from({ length: TREND_WEEKS }, (_, i) => {
    const week = isoWeekLabel(shiftWeeks(last.start, i - TREND_WEEKS + 1));
    const earlier = sameWeekYearBefore(week);
    const before = earlier ? byWeek.get(earlier) : undefined;
    return {
      ...valueOf(byWeek.get(week), week, indicator),
      yearBefore: earlier && before ? valueOf(before, earlier, indicator) : null,
    };
  });
}
