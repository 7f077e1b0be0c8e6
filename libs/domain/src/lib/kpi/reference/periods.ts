import { DateTime } from 'luxon';
import type { ReferenceFilters } from './stored-event';

export interface IsoWeek {
  /** ISO week label, 'YYYY-"W"WW' with the ISO week-year, e.g. 2025-W14. */
  week: string;
  /** The Monday that starts it, YYYY-MM-DD. */
  start: string;
}

/** §2: the ISO week (Monday 00:00) an instant falls in, in the organisation's time zone. */
export function isoWeekOf(ts: Date, timeZone: string): IsoWeek {
  const local = DateTime.fromJSDate(ts, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`isoWeekOf: ${local.invalidExplanation ?? 'invalid instant or zone'}`);
  return {
    week: `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`,
    start: local.startOf('week').toISODate() as string,
  };
}

/** The instant a local day (YYYY-MM-DD) starts in the organisation's time zone. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const start = DateTime.fromISO(day, { zone: timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`startOfLocalDay: not a day: ${day}`);
  return start.toJSDate();
}

/** The case attributes filters look at. */
export interface FilterableCase {
  createdTs: Date;
  source: string;
  team: string | null;
  channel: string | null;
  category: string | null;
}

/**
 * §2 / API-CONTRACT: cases created in [from, to) (organisation-local days) with the given source, team (held at
 * creation), channel and category. A missing attribute never matches a filter value.
 */
export function matchesFilters(c: FilterableCase, filters: ReferenceFilters, timeZone: string): boolean {
  if (filters.from && c.createdTs < startOfLocalDay(filters.from, timeZone)) return false;
  if (filters.to && c.createdTs >= startOfLocalDay(filters.to, timeZone)) return false;
  return (
    (filters.source === undefined || c.source === filters.source) &&
    (filters.team === undefined || c.team === filters.team) &&
    (filters.channel === undefined || c.channel === filters.channel) &&
    (filters.category === undefined || c.category === filters.category)
  );
}
