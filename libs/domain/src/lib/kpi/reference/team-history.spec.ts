import fc from 'fast-check';
import { transferFacts } from '../transfers';
import { eventsByCase } from './stored-event';
import { ev } from './fixture-events';
import { journeySets } from './journey-arbitrary';
import { teamHistory } from './team-history';

const at = (minute: number) => `2025-01-06T09:${String(minute).padStart(2, '0')}:00Z`;
const assigned = (minute: number, team: string | null, extra = {}) =>
  ev('A', at(minute), 'assigned', { team, agent: 'x', ...extra });
const history = (events: ReturnType<typeof ev>[]) => teamHistory([...eventsByCase(events).values()][0]);

describe('transfers of a case (§3)', () => {
  it('has none without assignment, and none for a first assignment or an agent change in the same team', () => {
    expect(history([ev('A', at(0), 'created', { team: 'N1' })])).toEqual({
      transfers: [],
      teamEntries: 0,
      distinctTeams: 0,
    });
    const sameTeam = history([assigned(1, 'N1', { agent: 'a1' }), assigned(2, 'N1', { agent: 'a2' })]);
    expect(sameTeam).toMatchObject({ transfers: [], teamEntries: 1, distinctTeams: 1 });
  });

  it('counts X → (none) → Y as one transfer from X, and (none) → X as none', () => {
    const h = history([assigned(0, null), assigned(1, 'N1'), assigned(2, null), assigned(3, 'N2')]);
    expect(h.transfers.map((t) => [t.from, t.to])).toEqual([['N1', 'N2']]);
    expect(h).toMatchObject({ teamEntries: 2, distinctTeams: 2 });
  });

  it('counts a return to an earlier team: N1 → N2 → N1 is 2 transfers, 3 entries, 2 teams (ping-pong)', () => {
    const h = history([assigned(1, 'N1'), assigned(2, 'N2'), assigned(3, 'N1')]);
    expect(h.transfers.map((t) => [t.from, t.to])).toEqual([
      ['N1', 'N2'],
      ['N2', 'N1'],
    ]);
    expect(h).toMatchObject({ teamEntries: 3, distinctTeams: 2 });
  });

  it('orders ties by seq, not by file position or team', () => {
    // Listed N2 then N3 at the same instant; seq puts N3 (seq 1) first.
    const h = history([assigned(1, 'N1'), assigned(5, 'N2', { seq: 2 }), assigned(5, 'N3', { seq: 1 })]);
    expect(h.transfers.map((t) => [t.from, t.to])).toEqual([
      ['N1', 'N3'],
      ['N3', 'N2'],
    ]);
  });

  it('measures pickup to the next event of the case, whatever it is; none when nothing followed', () => {
    const h = history([
      assigned(1, 'N1'),
      assigned(10, 'N2'),
      ev('A', at(10), 'contact', { direction: 'inbound', seq: 1 }), // tie, later seq: picked up at once
      assigned(20, 'N3'),
      ev('A', at(50), 'status_changed', { step: 'in_progress' }), // 30 min later
      assigned(55, 'N1'),
    ]);
    expect(h.transfers.map((t) => [t.to, t.pickupSeconds])).toEqual([
      ['N2', 0],
      ['N3', 1800],
      ['N1', null],
    ]);
  });

  it('agrees with the per-case rule transferFacts on random journeys', () => {
    fc.assert(
      fc.property(journeySets(fc), ({ events }) => {
        for (const caseEvents of eventsByCase(events).values()) {
          const h = teamHistory(caseEvents);
          expect({ transfers: h.transfers.length, teamEntries: h.teamEntries, distinctTeams: h.distinctTeams }).toEqual(
            transferFacts(caseEvents),
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});
