import { Params } from '@angular/router';
import { BreakdownGroup, KpiFilters, TransitionDelay } from '@relais/contracts';

/** Fewer cases than this make a group's rate noise, not a finding for the meeting. */
export const WORST_MIN_CASES = 5;
export const WORST_LIMIT = 5;

export type GroupMetric = 'transfersMean' | 'repeatRate';

export interface WorstGroup {
  /** null: cases without a team / category. */
  key: string | null;
  cases: number;
  transfersMean: number;
  repeatRate: number;
  /** Query params of the cases page; null when the group cannot be filtered on (no key). */
  casesLink: Params | null;
}

export interface WorstTransition {
  from: string;
  to: string;
  count: number;
  medianHours: number;
  p90Hours: number;
  casesLink: Params;
}

/** The page's filters plus the week, as the cases page reads them (empty filters left out). */
export function casesParams(week: string, filters: KpiFilters, extra: Params = {}): Params {
  const params: Params = {};
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && name !== 'from' && name !== 'to') params[name] = value;
  }
  return { ...params, week, ...extra };
}

/**
 * The groups of the week with the highest `metric` (then the other metric, then most cases, then key), among those
 * with at least WORST_MIN_CASES cases.
 */
export function worstGroups(
  groups: readonly BreakdownGroup[],
  metric: GroupMetric,
  dimension: 'team' | 'category',
  week: string,
  filters: KpiFilters,
): WorstGroup[] {
  const other: GroupMetric = metric === 'transfersMean' ? 'repeatRate' : 'transfersMean';
  return groups
    .filter((group) => group.cases >= WORST_MIN_CASES)
    .sort(
      (a, b) =>
        b[metric] - a[metric] ||
        b[other] - a[other] ||
        b.cases - a.cases ||
        (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'),
    )
    .slice(0, WORST_LIMIT)
    .map((group) => ({
      key: group.key,
      cases: group.cases,
      transfersMean: group.transfersMean,
      repeatRate: group.repeatRate,
      casesLink: group.key === null ? null : casesParams(week, filters, { [dimension]: group.key }),
    }));
}

/** The slowest tails of the week (the API's p90 ranking), each linked to its cases. */
export function worstTransitions(
  byP90: readonly TransitionDelay[],
  week: string,
  filters: KpiFilters,
): WorstTransition[] {
  return byP90.slice(0, WORST_LIMIT).map((t) => ({
    from: t.from,
    to: t.to,
    count: t.count,
    medianHours: t.medianHours,
    p90Hours: t.p90Hours,
    casesLink: casesParams(week, filters, { transition: `${t.from}>${t.to}` }),
  }));
}
