import { WeeklyKpiPoint } from '@relais/contracts';
import { isoWeekStart, shiftWeeks } from './iso-week';

/**
 * The week the review opens on: the one in the URL when it is a real ISO week; otherwise the latest week with cases
 * that has fully ended by `today` (a week still running would be judged on half its cases), or the latest week
 * with cases when none has ended yet. null: no data.
 */
export function reviewWeek(
  asked: string | null,
  weeks: readonly Pick<WeeklyKpiPoint, 'week' | 'start'>[],
  today: string,
): string | null {
  if (asked && isoWeekStart(asked) !== null) return asked;
  const ended = weeks.filter((week) => shiftWeeks(week.start, 1) <= today);
  return (ended.at(-1) ?? weeks.at(-1))?.week ?? null;
}
