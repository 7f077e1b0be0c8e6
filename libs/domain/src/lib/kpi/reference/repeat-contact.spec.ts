import { referenceCases } from './cases';
import { ev } from './fixture-events';
import { referenceSummary } from './indicators';

const PARIS = 'Europe/Paris';
const created = (caseId: string, ts: string, customerKey: string | null, category: string | null, source = 's') =>
  ev(caseId, ts, 'created', { source, customerKey, category });

describe('repeat contact (§4)', () => {
  // k1 / billing: A, then B exactly 7 × 24 h later, then C 7 × 24 h + 1 s after B. D: k1 / access (another subject).
  const events = [
    created('A', '2025-03-24T09:00:00Z', 'k1', 'billing'),
    created('B', '2025-03-31T09:00:00Z', 'k1', 'billing'), // across the DST change: still 168 h
    created('C', '2025-04-07T09:00:01Z', 'k1', 'billing'),
    created('D', '2025-03-25T09:00:00Z', 'k1', 'access'),
    // No customer: never repeated, never a repeat of anyone.
    created('E', '2025-03-24T09:00:00Z', null, 'billing'),
    created('F', '2025-03-24T10:00:00Z', null, 'billing'),
  ];
  const byId = (windowDays: number) =>
    Object.fromEntries(
      referenceCases(events, { timeZone: PARIS, repeatWindowDays: windowDays }).map((c) => [c.caseId, c]),
    );

  it('is inclusive at exactly W × 24 h and stops one second later', () => {
    const cases = byId(7);
    expect(cases['A'].nextSameSubjectMs).toBe(7 * 86_400_000);
    expect(cases['A'].repeated).toBe(true);
    expect(cases['B'].nextSameSubjectMs).toBe(7 * 86_400_000 + 1000);
    expect(cases['B'].repeated).toBe(false);
    expect(cases['C'].nextSameSubjectMs).toBeNull();
    expect(cases['D'].repeated).toBe(false);
  });

  it('never repeats a case without customer', () => {
    expect([byId(7)['E'].repeated, byId(7)['F'].repeated, byId(7)['E'].nextSameSubjectMs]).toEqual([
      false,
      false,
      null,
    ]);
  });

  it('honours the window: at 2 days nothing above repeats', () => {
    expect(Object.values(byId(2)).filter((c) => c.repeated)).toEqual([]);
  });

  it('orders cases created at the same instant by source, then case id', () => {
    const tied = [
      created('c02', '2025-03-24T09:00:00Z', 'k2', 'billing', 'alpha'),
      created('c01', '2025-03-24T09:00:00Z', 'k2', 'billing', 'beta'),
      created('c01', '2025-03-24T09:00:00Z', 'k2', 'billing', 'alpha'),
    ];
    const cases = referenceCases(tied, { timeZone: PARIS, repeatWindowDays: 2 });
    // Order alpha/c01, alpha/c02, beta/c01: the first two have a next case 0 ms later, the last none.
    expect(cases.map((c) => [c.source, c.caseId, c.nextSameSubjectMs, c.repeated])).toEqual([
      ['alpha', 'c01', 0, true],
      ['alpha', 'c02', 0, true],
      ['beta', 'c01', null, false],
    ]);
  });

  it('is provisional when created less than W days before the latest event of all stored events', () => {
    const judged = [
      created('P', '2025-03-31T09:00:00Z', 'k3', 'billing'), // exactly 7 × 24 h before the latest event
      created('Q', '2025-03-31T09:00:01Z', 'k3', 'billing'), // 1 s later
      created('R', '2025-04-05T09:00:00Z', 'k3', 'access'), // exactly 2 × 24 h before
      created('S', '2025-04-05T09:00:01Z', 'k3', 'access'),
      ev('X', '2025-04-07T09:00:00Z', 'contact'), // no `created`: not a case, still the latest event
    ];
    const provisional = (windowDays: number) =>
      referenceCases(judged, { timeZone: PARIS, repeatWindowDays: windowDays }).map((c) => [c.caseId, c.provisional]);
    expect(provisional(7)).toEqual([
      ['P', false],
      ['Q', true],
      ['R', true],
      ['S', true],
    ]);
    expect(provisional(2)).toEqual([
      ['P', false],
      ['Q', false],
      ['R', false],
      ['S', true],
    ]);
  });

  it('summarises rate, repeated and provisional cases over the filtered cases, looking across all of them', () => {
    const summary = referenceSummary(events, { timeZone: PARIS, repeatWindowDays: 7 });
    // 1 of 6 repeated (A); latest event = C's creation: C itself is provisional, B (7 d 1 s before) is not.
    expect(summary.repeatContact).toEqual({ windowDays: 7, rate: 0.166667, repeatedCases: 1, provisionalCases: 1 });
    // Filtering to A's week keeps A repeated: its repeat (B) lies outside the filter.
    const week = referenceSummary(events, {
      timeZone: PARIS,
      repeatWindowDays: 7,
      filters: { from: '2025-03-24', to: '2025-03-25', category: 'billing' },
    });
    expect(week.repeatContact).toEqual({ windowDays: 7, rate: 0.333333, repeatedCases: 1, provisionalCases: 0 });
  });
});
