import { DateTime } from 'luxon';

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Monday (YYYY-MM-DD) of an ISO week written YYYY-Www, or null when there is no such week (2021-W53, W00…). */
export function isoWeekStart(week: string): string | null {
  if (!ISO_WEEK.test(week)) return null;
  const monday = DateTime.fromISO(week, { zone: 'utc' });
  return monday.isValid ? monday.toISODate() : null;
}

/** The Monday `weeks` weeks after (before, when negative) the Monday `start`. */
export function shiftWeek(start: string, weeks: number): string {
  return DateTime.fromISO(start, { zone: 'utc' }).plus({ weeks }).toISODate() as string;
}

/** The ISO week label (e.g. 2025-W02) of a Monday. */
export function isoWeekLabel(start: string): string {
  const day = DateTime.fromISO(start, { zone: 'utc' });
  return `${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`;
}
