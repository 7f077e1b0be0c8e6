import { compareEvents, JourneyEvent } from '../journey/journey-event';

export interface TransferFacts {
  transfers: number;
  /** First assignment to a team plus every transfer. */
  teamEntries: number;
  distinctTeams: number;
}

/**
 * KPI-DEFINITIONS §3: a transfer is an `assigned` event whose team differs from the last team that held the case.
 * An assignment with no team is neither a transfer nor an entry; the next one is compared with the last real team.
 */
export function transferFacts(
  events: ReadonlyArray<Pick<JourneyEvent, 'event' | 'team' | 'ts' | 'seq'>>,
): TransferFacts {
  let lastTeam: string | null = null;
  let transfers = 0;
  let teamEntries = 0;
  const teams = new Set<string>();
  for (const e of [...events].sort(compareEvents)) {
    if (e.event !== 'assigned' || e.team === null || e.team === '') continue;
    if (lastTeam === null) teamEntries += 1;
    else if (e.team !== lastTeam) {
      transfers += 1;
      teamEntries += 1;
    }
    teams.add(e.team);
    lastTeam = e.team;
  }
  return { transfers, teamEntries, distinctTeams: teams.size };
}
