/**
 * ISO weeks on calendar dates (YYYY-MM-DD strings, computed in UTC so the browser's time zone never shifts a day).
 * The API already labels its weeks in the organisation's time zone; these helpers only move between labels.
 */
const DAY_MS = 86_400_000;
const WEEK_LABEL = /^(\d{4})-W(\d{2})$/;

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `day` moved by whole weeks. */
export function shiftWeeks(day: string, weeks: number): string {
  return toDay(new Date(toDate(day).getTime() + weeks * 7 * DAY_MS));
}

/** Monday of an ISO week label such as 2026-W47; null when the label is malformed or the week does not exist. */
export function isoWeekStart(label: string): string | null {
  const match = WEEK_LABEL.exec(label);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // 4 January is always in week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const start = toDay(new Date(mondayOfWeek1 + (week - 1) * 7 * DAY_MS));
  return week >= 1 && isoWeekLabel(start) === label ? start : null;
}

/** ISO week label of the week holding `day`. */
export function isoWeekLabel(day: string): string {
  const date = toDate(day);
  // The Thursday of the week decides its ISO year.
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The same ISO week one year earlier (2026-W47 → 2025-W47); W53 has none in a 52-week year. */
export function sameWeekYearBefore(label: string): string | null {
  const match = WEEK_LABEL.exec(label);
  if (!match) return null;
  const earlier = `${Number(match[1]) - 1}-W${match[2]}`;
  return isoWeekStart(earlier) === null ? null : earlier;
}

/** Today's calendar date in the browser, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
