import { ev } from './fixture-events';
import { referenceSummary } from './indicators';

const PARIS = 'Europe/Paris';
const assigned = (caseId: string, ts: string, team: string | null, seq = 0) =>
  ev(caseId, ts, 'assigned', { team, agent: team && 'a1', seq });

/**
 * A: N1 → N2 → N1 (the last two at the same instant, seq decides): 2 transfers, 3 entries, 2 teams → ping-pong;
 *    reopened. B: created in no team's hands, (none) → N2: no transfer, counted for N2. C: N1 → N2 → N3 → N1 → N2:
 *    4 transfers, 5 entries, 3 teams → ping-pong. D: N3 → (none) → N2: 1 transfer. E: no `created`. G: no
 *    assignment, created in N2 by email. Latest event: G's creation, 2025-03-28 09:00Z.
 */
const EVENTS = [
  ev('A', '2025-03-24T09:00:00Z', 'created', { team: 'N1', category: 'billing' }),
  assigned('A', '2025-03-24T09:01:00Z', 'N1'),
  assigned('A', '2025-03-24T10:00:00Z', 'N1', 2),
  assigned('A', '2025-03-24T10:00:00Z', 'N2', 1),
  ev('A', '2025-03-25T09:00:00Z', 'reopened', { step: 'reopened' }),
  ev('B', '2025-03-25T09:00:00Z', 'created', { category: 'billing' }),
  assigned('B', '2025-03-25T09:05:00Z', null),
  assigned('B', '2025-03-25T09:10:00Z', 'N2'),
  ev('C', '2025-03-26T09:00:00Z', 'created', { team: 'N1', category: 'billing' }),
  ...['N1', 'N2', 'N3', 'N1', 'N2'].map((team, i) => assigned('C', `2025-03-26T09:0${i + 1}:00Z`, team)),
  ev('D', '2025-03-27T09:00:00Z', 'created', { team: 'N3', category: 'access' }),
  assigned('D', '2025-03-27T09:01:00Z', 'N3'),
  assigned('D', '2025-03-27T09:02:00Z', null),
  assigned('D', '2025-03-27T09:03:00Z', 'N2'),
  assigned('E', '2025-03-27T12:00:00Z', 'N1'),
  ev('G', '2025-03-28T09:00:00Z', 'created', { team: 'N2', channel: 'email', category: 'billing' }),
];

const summary = (repeatWindowDays: number, filters = {}) =>
  referenceSummary(EVENTS, { timeZone: PARIS, repeatWindowDays, filters });

describe('summary: transfers, repeat contact and reopen rate (§3, §4)', () => {
  it('summarises the five cases', () => {
    const s = summary(7);
    expect(s.cases).toBe(5);
    // (2 + 0 + 4 + 1 + 0) / 5; A and C went back to a team that held them before.
    expect(s.transfers).toEqual({
      mean: 1.4,
      distribution: { '0': 2, '1': 1, '2': 1, '3': 0, '4+': 1 },
      pingPongShare: 0.4,
    });
    // No customer anywhere: nothing repeats. All five were created less than 7 days before 2025-03-28 09:00Z.
    expect(s.repeatContact).toEqual({ windowDays: 7, rate: 0, repeatedCases: 0, provisionalCases: 5 });
    expect(s.reopenRate).toBe(0.2);
  });

  it('marks as provisional at 2 days only what was created after latest − 48 h (C exactly at it is judged)', () => {
    expect(summary(2).repeatContact.provisionalCases).toBe(2);
  });

  it.each([
    [{ team: 'N1' }, 2, 3, 1, 0.5],
    [{ team: 'N2' }, 2, 0, 0, 0], // B (routed to N2 first) and G
    [{ team: 'N3' }, 1, 1, 0, 0],
    [{ category: 'access' }, 1, 1, 0, 0],
    [{ channel: 'email' }, 1, 0, 0, 0],
    [{ from: '2025-03-26', to: '2025-03-27' }, 1, 4, 1, 0],
    [{ source: 'other' }, 0, 0, 0, 0],
  ])(
    'filtered by %j: %d cases, mean %d transfers, ping-pong %d, reopen %d',
    (filters, cases, mean, pingPong, reopen) => {
      const s = summary(7, filters);
      expect([s.cases, s.transfers.mean, s.transfers.pingPongShare, s.reopenRate]).toEqual([
        cases,
        mean,
        pingPong,
        reopen,
      ]);
    },
  );

  it('reports zeros, never NaN, over no case', () => {
    expect(referenceSummary([], { timeZone: PARIS, repeatWindowDays: 7 })).toEqual({
      cases: 0,
      transfers: { mean: 0, distribution: { '0': 0, '1': 0, '2': 0, '3': 0, '4+': 0 }, pingPongShare: 0 },
      repeatContact: { windowDays: 7, rate: 0, repeatedCases: 0, provisionalCases: 0 },
      reopenRate: 0,
      chasers: { total: 0, casesWithChasers: 0, perCase: 0 },
      stepDelays: [],
      satisfaction: { byStep: [], byTeam: [] },
    });
  });
});
