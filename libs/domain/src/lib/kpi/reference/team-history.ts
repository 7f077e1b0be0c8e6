import type { StoredJourneyEvent } from './stored-event';

/** One transfer (§3): the case left `from` (the last team that held it) for `to`. */
export interface Transfer {
  from: string;
  to: string;
  ts: Date;
  seq: number;
  /** Pickup delay: whole seconds from the transfer to the next event of the case; null when none followed. */
  pickupSeconds: number | null;
}

export interface TeamHistory {
  transfers: Transfer[];
  /** First assignment to a team plus every transfer. */
  teamEntries: number;
  distinctTeams: number;
}

/**
 * §3 over the events of one case in (ts, seq) order. Only `assigned` events with a team matter: the first one is
 * an entry, never a transfer; a later one is a transfer (and an entry) when its team differs from the last team
 * that held the case; an agent change inside the team is nothing. An `assigned` event without a team is kept in
 * the log but skipped here, so X → (none) → Y is one transfer and (none) → X is none.
 */
export function teamHistory(caseEvents: readonly StoredJourneyEvent[]): TeamHistory {
  const transfers: Transfer[] = [];
  const teams = new Set<string>();
  let lastTeam: string | null = null;
  let teamEntries = 0;
  caseEvents.forEach((e, i) => {
    if (e.event !== 'assigned' || e.team === null || e.team === '') return;
    if (lastTeam === null) teamEntries += 1;
    else if (e.team !== lastTeam) {
      teamEntries += 1;
      const next = caseEvents[i + 1];
      transfers.push({
        from: lastTeam,
        to: e.team,
        ts: e.ts,
        seq: e.seq,
        pickupSeconds: next ? wholeSeconds(next.ts.getTime() - e.ts.getTime()) : null,
      });
    }
    teams.add(e.team);
    lastTeam = e.team;
  });
  return { transfers, teamEntries, distinctTeams: teams.size };
}

/** Durations are whole seconds (§5); journey timestamps carry no fraction in practice, any is dropped. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
