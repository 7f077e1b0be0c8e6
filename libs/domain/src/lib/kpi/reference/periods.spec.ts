import { isoWeekOf, matchesFilters, startOfLocalDay } from './periods';

const PARIS = 'Europe/Paris';

describe('ISO week of an instant in the organisation time zone (§2)', () => {
  // Paris is UTC+1 until Sunday 2025-03-30 02:00 local (01:00Z), UTC+2 after.
  it.each([
    ['2025-03-23T22:59:59Z', 'Sunday 23:59:59 CET', '2025-W12', '2025-03-17'],
    ['2025-03-23T23:00:00Z', 'Monday 00:00 CET', '2025-W13', '2025-03-24'],
    ['2025-03-30T00:59:59Z', 'Sunday 01:59:59 CET, just before the change', '2025-W13', '2025-03-24'],
    ['2025-03-30T01:00:00Z', 'Sunday 03:00 CEST, just after it', '2025-W13', '2025-03-24'],
    ['2025-03-30T21:59:59Z', 'Sunday 23:59:59 CEST', '2025-W13', '2025-03-24'],
    ['2025-03-30T22:00:00Z', 'Monday 00:00 CEST (still Sunday in UTC)', '2025-W14', '2025-03-31'],
    ['2024-12-29T23:00:00Z', 'Monday 2024-12-30 00:00: ISO week-year 2025', '2025-W01', '2024-12-30'],
    ['2021-01-03T12:00:00Z', 'Sunday 2021-01-03: last week of ISO year 2020', '2020-W53', '2020-12-28'],
  ])('%s (%s) is in %s starting %s', (ts, _local, week, start) => {
    expect(isoWeekOf(new Date(ts), PARIS)).toEqual({ week, start });
  });

  it('uses the given zone, not the process one', () => {
    expect(isoWeekOf(new Date('2025-03-30T22:00:00Z'), 'UTC')).toEqual({ week: '2025-W13', start: '2025-03-24' });
  });
});

describe('period and attribute filters', () => {
  it('starts a local day at local midnight, on both sides of the DST change', () => {
    expect(startOfLocalDay('2025-03-30', PARIS).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(startOfLocalDay('2025-03-31', PARIS).toISOString()).toBe('2025-03-30T22:00:00.000Z');
  });

  const c = {
    createdTs: new Date('2025-03-30T22:00:00Z'),
    source: 'alpha',
    team: 'N1',
    channel: 'phone',
    category: null,
  };

  it.each([
    [{}, true],
    [{ from: '2025-03-31' }, true], // from is inclusive: created at the first instant of the day
    [{ to: '2025-03-31' }, false], // to is exclusive
    [{ from: '2025-03-30', to: '2025-03-31' }, false],
    [{ source: 'alpha', team: 'N1', channel: 'phone' }, true],
    [{ team: 'N2' }, false],
    [{ category: 'billing' }, false], // no category never matches a value
  ])('%j keeps the case: %s', (filters, kept) => {
    expect(matchesFilters(c, filters, PARIS)).toBe(kept);
  });
});
