import type { KpiFilters } from '@relais/contracts';

export interface SqlFragment {
  where: string;
  params: unknown[];
}

/**
 * Filters of every indicator, applied to case_fact (alias f). Dates are organisation-local days:
 * cases created in [from, to).
 */
export function caseFilter(filters: KpiFilters, timeZone: string, params: unknown[] = []): SqlFragment {
  const clauses: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.from)
    clauses.push(`f.created_ts >= (${add(filters.from)}::date::timestamp AT TIME ZONE ${add(timeZone)})`);
  if (filters.to) clauses.push(`f.created_ts < (${add(filters.to)}::date::timestamp AT TIME ZONE ${add(timeZone)})`);
  for (const [key, column] of [
    ['source', 'source'],
    ['team', 'team'],
    ['channel', 'channel'],
    ['category', 'category'],
  ] as const) {
    const value = filters[key];
    if (value !== undefined) clauses.push(`f.${column} = ${add(value)}`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
