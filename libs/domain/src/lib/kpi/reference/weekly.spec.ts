import { answers, ev } from './fixture-events';
import { referenceWeekly } from './indicators';

const PARIS = 'Europe/Paris';
const created = (caseId: string, ts: string, customerKey: string, category: string) =>
  ev(caseId, ts, 'created', { customerKey, category, team: 'N1' });

/**
 * Weeks around the 2025-03-30 DST change in Paris. O: Sunday 23:59:59 CET → W12; 4 answers on scale 5 (not enough).
 * P: Sunday 23:59:59 CEST → W13; N1 → N2; 5 answers on scale 5. Q: one second later, Monday 00:00 CEST → W14;
 * 4 answers on scale 10. R: W14, N1 → N2 → N1; 1 answer on scale 5. O, P, Q: customer k1 / billing, 6 d 23 h
 * then 1 s apart. Latest event: R's answer, 2025-04-02 10:00Z.
 */
const EVENTS = [
  created('O', '2025-03-23T22:59:59Z', 'k1', 'billing'),
  ...answers('O', '2025-03-25T10:00:00Z', [5, 5, 4, 1], 5),
  created('P', '2025-03-30T21:59:59Z', 'k1', 'billing'),
  ev('P', '2025-03-30T22:10:00Z', 'assigned', { team: 'N1' }),
  ev('P', '2025-03-31T08:00:00Z', 'assigned', { team: 'N2' }),
  ...answers('P', '2025-03-31T12:00:00Z', [5, 4, 3, 2, 1], 5),
  created('Q', '2025-03-30T22:00:00Z', 'k1', 'billing'),
  ...answers('Q', '2025-04-01T09:00:00Z', [10, 9, 1, 5], 10),
  created('R', '2025-04-01T08:00:00Z', 'k2', 'access'),
  ...['N1', 'N2', 'N1'].map((team, i) =>
    ev('R', `2025-04-01T${String(8 + i).padStart(2, '0')}:01:00Z`, 'assigned', { team }),
  ),
  ...answers('R', '2025-04-02T10:00:00Z', [4], 5),
];

describe('weekly points (§2, §4, §6)', () => {
  it('groups cases by ISO week in Paris time and attributes later events to the week of their case', () => {
    expect(referenceWeekly(EVENTS, { timeZone: PARIS, repeatWindowDays: 7 }).weeks).toEqual([
      // 4 answers: "not enough answers".
      {
        week: '2025-W12',
        start: '2025-03-17',
        cases: 1,
        transfersMean: 0,
        pingPongShare: 0,
        repeatRate: 1,
        provisional: false,
        surveys: 4,
        csatMean: null,
        csatShare: null,
      },
      // One scale: mean on it, (5 + 4 + 3 + 2 + 1) / 5 = 3; top two (5, 4): 2 / 5. Created after latest − 7 d.
      {
        week: '2025-W13',
        start: '2025-03-24',
        cases: 1,
        transfersMean: 1,
        pingPongShare: 0,
        repeatRate: 1,
        provisional: true,
        surveys: 5,
        csatMean: 3,
        csatShare: 0.4,
      },
      // Scales 10 and 5: normalised mean (1 + 8/9 + 0 + 4/9 + 3/4) / 5 = 0.616667; top two 10, 9 and 4: 3 / 5.
      {
        week: '2025-W14',
        start: '2025-03-31',
        cases: 2,
        transfersMean: 1,
        pingPongShare: 0.5,
        repeatRate: 0,
        provisional: true,
        surveys: 5,
        csatMean: 0.6167,
        csatShare: 0.6,
      },
    ]);
  });

  it('honours the repeat window and its provisional edge at 2 days', () => {
    const weeks = referenceWeekly(EVENTS, { timeZone: PARIS, repeatWindowDays: 2 }).weeks;
    // O → P is 6 d 23 h: no repeat at 2 days; P → Q 1 s still is. Latest − 48 h = 2025-03-31 10:00Z: only R after.
    expect(weeks.map((w) => [w.week, w.repeatRate, w.provisional])).toEqual([
      ['2025-W12', 0, false],
      ['2025-W13', 1, false],
      ['2025-W14', 0, true],
    ]);
  });

  it('keeps only the weeks of the filtered cases', () => {
    const weeks = referenceWeekly(EVENTS, { timeZone: PARIS, repeatWindowDays: 7, filters: { category: 'access' } });
    expect(weeks.weeks.map((w) => [w.week, w.cases, w.surveys, w.csatMean])).toEqual([['2025-W14', 1, 1, null]]);
  });
});
