import { Params } from '@angular/router';
import { CASES_PAGE_SIZE_MAX, CaseListQuery } from '@relais/contracts';

/** The drill-down filters a chart may link to, in the order the chips show them (API-CONTRACT "Cases"). */
export const CASE_FILTER_KEYS = [
  'from',
  'to',
  'week',
  'source',
  'team',
  'channel',
  'category',
  'minTransfers',
  'repeated',
  'transition',
  'handoff',
] as const;
export type CaseFilterKey = (typeof CASE_FILTER_KEYS)[number];
/** As the query string holds them: every value a non-empty string that the API accepts. */
export type CaseFilters = Partial<Record<CaseFilterKey, string>>;

export const PAGE_SIZES = [25, 50, 100, 500] as const;
export const DEFAULT_PAGE_SIZE = 50;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const PAIR = /^[^>]*[^>\s][^>]*>[^>]*[^>\s][^>]*$/;

/**
 * A hand-edited or stale link must not turn the page into a 400: a value the API would refuse is dropped (and so
 * shows no chip), the rest of the filters still apply.
 */
const VALID: Record<CaseFilterKey, (value: string) => boolean> = {
  from: (value) => DATE.test(value),
  to: (value) => DATE.test(value),
  week: (value) => WEEK.test(value),
  source: (value) => value.length <= 200,
  team: (value) => value.length <= 200,
  channel: (value) => value.length <= 200,
  category: (value) => value.length <= 200,
  minTransfers: (value) => /^\d{1,6}$/.test(value),
  repeated: (value) => value === 'true' || value === 'false',
  transition: (value) => value.length <= 400 && PAIR.test(value),
  handoff: (value) => value.length <= 400 && PAIR.test(value),
};

function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first : undefined;
}

export function filtersFromParams(params: Params): CaseFilters {
  const filters: CaseFilters = {};
  for (const key of CASE_FILTER_KEYS) {
    const value = single(params[key]);
    if (value !== undefined && VALID[key](value)) filters[key] = value;
  }
  return filters;
}

export interface CasePaging {
  /** From 1, as the API counts. */
  page: number;
  pageSize: number;
}

export function pagingFromParams(params: Params): CasePaging {
  const page = Number(single(params['page']));
  const pageSize = Number(single(params['pageSize']));
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
    pageSize:
      Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= CASES_PAGE_SIZE_MAX ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function toCaseListQuery(filters: CaseFilters, paging: CasePaging): CaseListQuery {
  const { minTransfers, repeated, ...text } = filters;
  return {
    ...text,
    ...(minTransfers !== undefined ? { minTransfers: Number(minTransfers) } : {}),
    ...(repeated !== undefined ? { repeated: repeated === 'true' } : {}),
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

/** Query params that remove one filter and go back to the first page (the old page may no longer exist). */
export function paramsWithout(key: CaseFilterKey): Params {
  return { [key]: null, page: null };
}

/** `/cases` query params of a chart click: the page's own filters plus the one of the clicked mark. */
export function casesLinkParams(base: CaseFilters, extra: CaseFilters): Params {
  return { ...base, ...extra };
}

/** `from>to` as the API reads a transition or a handoff; the arrow form is what people read. */
export function pairParam(from: string, to: string): string {
  return `${from}>${to}`;
}

export function pairLabel(value: string): string {
  return value
    .split('>')
    .map((part) => part.trim())
    .join(' → ');
}
