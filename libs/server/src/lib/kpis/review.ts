import type { KpiTarget, ReviewIndicator, ReviewSeriesPoint, TargetIndicator, WeeklyReview } from '@relais/contracts';
import { targetStatus } from '../targets/target-status';
import { isoWeekLabel, shiftWeek } from './iso-week';
import type { WeeklyDetail } from './kpi.service';
import { rate, score } from './rounding';

export const REVIEW_SERIES_WEEKS = 12;
export const REVIEW_AVERAGE_WEEKS = 4;

/**
 * The weekly review of `start` (a Monday) from the weekly points of the same filters: per target, the week's value
 * and status, the change against the week before and against the mean of the 4 weeks before, and 12 weeks of
 * values. A week without cases has no value; csatMean and csatShare have none below 5 answers.
 */
export function buildReview(
  weeks: readonly WeeklyDetail[],
  targets: readonly KpiTarget[],
  start: string | null,
  repeatWindowDays: number,
): WeeklyReview {
  const byStart = new Map(weeks.map((w) => [w.start, w]));
  const current = start === null ? undefined : byStart.get(start);
  return {
    week: start === null ? null : isoWeekLabel(start),
    start,
    cases: current?.cases ?? 0,
    surveys: current?.surveys ?? 0,
    provisional: current?.provisional ?? false,
    repeatWindowDays,
    indicators: targets.map((t) => (start === null ? emptyIndicator(t) : indicator(t, start, byStart))),
  };
}

function indicator(t: KpiTarget, start: string, byStart: ReadonlyMap<string, WeeklyDetail>): ReviewIndicator {
  const round = t.indicator === 'csatMean' ? score : rate;
  const point = (offset: number): ReviewSeriesPoint => {
    const weekStart = shiftWeek(start, offset);
    const week = byStart.get(weekStart);
    const value = week ? valueOf(t.indicator, week) : null;
    return {
      week: isoWeekLabel(weekStart),
      start: weekStart,
      value,
      status: week && statusApplies(t.indicator, week) ? targetStatus(value, t) : null,
      cases: week ? basisOf(t.indicator, week) : 0,
      provisional: week?.provisional ?? false,
    };
  };
  const series = Array.from({ length: REVIEW_SERIES_WEEKS }, (_, i) => point(i - REVIEW_SERIES_WEEKS + 1));
  const current = series[series.length - 1];
  const previous = series[series.length - 2];
  const before = series
    .slice(-1 - REVIEW_AVERAGE_WEEKS, -1)
    .map((p) => p.value)
    .filter((v): v is number => v !== null);
  const average = before.length ? round(before.reduce((sum, v) => sum + v, 0) / before.length) : null;
  const change = (reference: number | null) =>
    current.value === null || reference === null ? null : round(current.value - reference);
  return {
    indicator: t.indicator,
    value: current.value,
    target: t.target,
    alertLevel: t.alertLevel,
    direction: t.direction,
    status: current.status,
    previous: { week: previous.week, value: previous.value, change: change(previous.value) },
    fourWeekAverage: { value: average, weeks: before.length, change: change(average) },
    provisional: current.provisional,
    cases: current.cases,
    series,
  };
}

function emptyIndicator(t: KpiTarget): ReviewIndicator {
  return {
    indicator: t.indicator,
    value: null,
    target: t.target,
    alertLevel: t.alertLevel,
    direction: t.direction,
    status: null,
    previous: { week: null, value: null, change: null },
    fourWeekAverage: { value: null, weeks: 0, change: null },
    provisional: false,
    cases: 0,
    series: [],
  };
}

function valueOf(indicator: TargetIndicator, week: WeeklyDetail): number | null {
  return week[indicator];
}

/** Satisfaction values rest on the week's answers, the others on its cases. */
function basisOf(indicator: TargetIndicator, week: WeeklyDetail): number {
  return indicator === 'csatMean' || indicator === 'csatShare' ? week.surveys : week.cases;
}

/** A csatMean on the normalised 0–1 score (answers on mixed scales) cannot be held against a target on a scale. */
function statusApplies(indicator: TargetIndicator, week: WeeklyDetail): boolean {
  return indicator !== 'csatMean' || week.csatScale !== null;
}
