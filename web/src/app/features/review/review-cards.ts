import {
  ReviewIndicator,
  ReviewSeriesPoint,
  TargetDirection,
  TargetIndicator,
  TargetStatus,
  TransitionDelaysResponse,
  WeeklyReview,
} from '@relais/contracts';

/** The four questions of the review: clear responsibilities, answers that get through, time, experience. */
export const REVIEW_CARD_KEYS = ['transfersMean', 'repeatRate', 'stepDelay', 'csatShare'] as const;
export type ReviewCardKey = (typeof REVIEW_CARD_KEYS)[number];

/** What a card's number rests on: cases, survey answers, or completed transitions between steps. */
export type ReviewBasis = 'cases' | 'answers' | 'transitions';

/** One card: a ReviewIndicator, or its equivalent computed here for the delay between steps (no target yet). */
export interface ReviewCard {
  key: ReviewCardKey;
  value: number | null;
  target: number | null;
  alertLevel: number | null;
  direction: TargetDirection;
  status: TargetStatus | null;
  previous: { week: string | null; value: number | null; change: number | null };
  fourWeekAverage: { value: number | null; weeks: number; change: number | null };
  provisional: boolean;
  basis: ReviewBasis;
  /** Cases, answers or transitions of the week. */
  count: number;
  series: ReviewSeriesPoint[];
}

/** Week-over-week averages use the 4 weeks before the reviewed one, like the API (REVIEW_AVERAGE_WEEKS). */
const AVERAGE_WEEKS = 4;

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function fromIndicator(key: ReviewCardKey, indicator: ReviewIndicator, basis: ReviewBasis): ReviewCard {
  return {
    key,
    value: indicator.value,
    target: indicator.target,
    alertLevel: indicator.alertLevel,
    direction: indicator.direction,
    status: indicator.status,
    previous: indicator.previous,
    fourWeekAverage: indicator.fourWeekAverage,
    provisional: indicator.provisional,
    basis,
    count: indicator.cases,
    series: indicator.series,
  };
}

/**
 * Mean hours between two steps per week (KPI-DEFINITIONS §5): all completed transitions of the week's cases,
 * Σ total hours / Σ count, to 4 decimals. `responses[i]` answers the week `weeks[i]`; the last week is reviewed.
 * Changes follow the API's rules: against the week before, and against the mean of the 4 weeks before that have
 * a value.
 */
export function stepDelayCard(
  weeks: readonly Pick<ReviewSeriesPoint, 'week' | 'start' | 'provisional'>[],
  responses: readonly TransitionDelaysResponse[],
): ReviewCard {
  const series: ReviewSeriesPoint[] = weeks.map((week, i) => {
    const transitions = responses[i]?.transitions ?? [];
    const count = transitions.reduce((sum, t) => sum + t.count, 0);
    const hours = transitions.reduce((sum, t) => sum + t.totalHours, 0);
    return { ...week, value: count ? round(hours / count, 4) : null, status: null, cases: count };
  });
  const current = series.at(-1);
  const previous = series.at(-2);
  const before = series
    .slice(-1 - AVERAGE_WEEKS, -1)
    .map((point) => point.value)
    .filter((value): value is number => value !== null);
  const average = before.length ? round(before.reduce((sum, v) => sum + v, 0) / before.length, 4) : null;
  const value = current?.value ?? null;
  const change = (reference: number | null) =>
    value === null || reference === null ? null : round(value - reference, 4);
  return {
    key: 'stepDelay',
    value,
    target: null,
    alertLevel: null,
    direction: 'lower',
    status: null,
    previous: { week: previous?.week ?? null, value: previous?.value ?? null, change: change(previous?.value ?? null) },
    fourWeekAverage: { value: average, weeks: before.length, change: change(average) },
    provisional: current?.provisional ?? false,
    basis: 'transitions',
    count: current?.cases ?? 0,
    series,
  };
}

const FROM_REVIEW: Partial<Record<ReviewCardKey, { indicator: TargetIndicator; basis: ReviewBasis }>> = {
  transfersMean: { indicator: 'transfersMean', basis: 'cases' },
  repeatRate: { indicator: 'repeatRate', basis: 'cases' },
  csatShare: { indicator: 'csatShare', basis: 'answers' },
};

/** The four cards in review order; an indicator the API left out (no target row) has no card. */
export function reviewCards(review: WeeklyReview, stepDelay: ReviewCard): ReviewCard[] {
  return REVIEW_CARD_KEYS.flatMap((key) => {
    if (key === 'stepDelay') return [stepDelay];
    const source = FROM_REVIEW[key];
    const indicator = review.indicators.find((candidate) => candidate.indicator === source?.indicator);
    return indicator && source ? [fromIndicator(key, indicator, source.basis)] : [];
  });
}

/** Whether a change moves the indicator the good way (null: no change to judge). */
export function changeIsBetter(change: number | null, direction: TargetDirection): boolean | null {
  if (change === null || change === 0) return null;
  return direction === 'lower' ? change < 0 : change > 0;
}
