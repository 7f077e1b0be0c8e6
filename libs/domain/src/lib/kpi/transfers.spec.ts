import { transferFacts } from './transfers';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 6, 9, minute));
const assigned = (minute: number, team: string | null, seq = minute) => ({
  event: 'assigned' as const,
  team,
  ts: at(minute),
  seq,
});

describe('transferFacts', () => {
  it('counts nothing for a case without assignment', () => {
    expect(transferFacts([{ event: 'created', team: 'N1', ts: at(0), seq: 0 }])).toEqual({
      transfers: 0,
      teamEntries: 0,
      distinctTeams: 0,
    });
  });

  it('never counts the first assignment, nor a change of agent in the same team', () => {
    expect(transferFacts([assigned(1, 'N1'), assigned(2, 'N1')])).toEqual({
      transfers: 0,
      teamEntries: 1,
      distinctTeams: 1,
    });
  });

  it('counts a return to an earlier team as a transfer and an extra entry (ping-pong)', () => {
    // N1 → N2 → N1: 2 transfers, 3 entries, 2 distinct teams
    expect(transferFacts([assigned(1, 'N1'), assigned(2, 'N2'), assigned(3, 'N1')])).toEqual({
      transfers: 2,
      teamEntries: 3,
      distinctTeams: 2,
    });
  });

  it('skips an assignment to no team: X → (none) → Y is one transfer, (none) → X none', () => {
    expect(transferFacts([assigned(0, null), assigned(1, 'N1'), assigned(2, null), assigned(3, 'N2')])).toEqual({
      transfers: 1,
      teamEntries: 2,
      distinctTeams: 2,
    });
  });

  it('orders ties in ts by seq, not by array order', () => {
    // Same instant; seq says N1, N2, N2 (one transfer) where array order says N2, N1, N2 (two).
    const events = [assigned(5, 'N2', 2), assigned(5, 'N1', 1), assigned(5, 'N2', 3)];
    expect(transferFacts(events).transfers).toBe(1);
  });
});
