import { isoWeekLabel, isoWeekStart, localToday, sameWeekYearBefore, shiftWeeks } from './iso-week';

describe('ISO weeks', () => {
  // Reference dates checked against a calendar: 2026-01-01 is a Thursday (so 2026-W01 starts 2025-12-29),
  // 2020 has a week 53 (2020-12-28 … 2021-01-03), 2024-12-30 is the Monday of 2025-W01.
  it.each([
    ['2026-W47', '2026-11-16'],
    ['2026-W01', '2025-12-29'],
    ['2025-W01', '2024-12-30'],
    ['2020-W53', '2020-12-28'],
  ])('starts %s on %s', (label, monday) => {
    expect(isoWeekStart(label)).toBe(monday);
    expect(isoWeekLabel(monday)).toBe(label);
  });

  it.each(['2025-W53', '2026-W00', '2026-W7', 'W47', ''])('refuses the label "%s"', (label) => {
    expect(isoWeekStart(label)).toBeNull();
  });

  it('labels any day by the week of its Monday', () => {
    expect(isoWeekLabel('2021-01-03')).toBe('2020-W53');
    expect(isoWeekLabel('2026-11-22')).toBe('2026-W47');
  });

  it('moves by whole weeks across years', () => {
    expect(shiftWeeks('2026-01-05', -1)).toBe('2025-12-29');
    expect(shiftWeeks('2025-12-29', 12)).toBe('2026-03-23');
  });

  it('finds the same week one year earlier, except a week 53 without a twin', () => {
    expect(sameWeekYearBefore('2026-W47')).toBe('2025-W47');
    // 2026 starts on a Thursday, so it has a week 53; 2025 has not.
    expect(isoWeekStart('2026-W53')).toBe('2026-12-28');
    expect(sameWeekYearBefore('2026-W53')).toBeNull();
    expect(sameWeekYearBefore('2021-W10')).toBe('2020-W10');
  });

  it('reads today in the browser calendar', () => {
    expect(localToday(new Date(2026, 10, 25, 23, 30))).toBe('2026-11-25');
  });
});
