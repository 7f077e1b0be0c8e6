import { ParamMap, Params } from '@angular/router';

/** The trends' filters, in the order of the form; each is also a query parameter of the page and of /cases. */
export const TREND_FILTER_KEYS = ['team', 'channel', 'category', 'source'] as const;
export type TrendFilterKey = (typeof TREND_FILTER_KEYS)[number];
export type TrendFilters = Partial<Record<TrendFilterKey, string>>;

export function filtersFromParams(params: ParamMap): TrendFilters {
  const filters: TrendFilters = {};
  for (const key of TREND_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** Every filter key, null for the unset ones: merged into the URL, null removes the parameter. */
export function filtersToParams(filters: TrendFilters): Params {
  return Object.fromEntries(TREND_FILTER_KEYS.map((key) => [key, filters[key] || null]));
}
