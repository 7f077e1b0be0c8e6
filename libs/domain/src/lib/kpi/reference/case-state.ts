import { byText, byTsSeq, type StoredJourneyEvent } from './stored-event';

/** Where a case stands (§1): the step it is in and the team holding it; null when nothing has named one yet. */
export interface CaseState {
  step: string | null;
  team: string | null;
}

/** The state of a case around one of its events. */
export interface StateAround {
  /** After every event strictly earlier in (ts, seq): what a survey answer belongs to (§6). */
  before: CaseState;
  /** After every event at or before the event's (ts, seq), its exact ties included: the holder of a step (§5). */
  after: CaseState;
}

const NOTHING: CaseState = { step: null, team: null };

/**
 * The state around each event of one case, given in (ts, seq) order. The holder rule, shared by §5 and §6 and by
 * their SQL facts: an `assigned` event sets the holder to its team, or to none (null) without team, since §3
 * defines that as taking the case out of every team's hands, while any other event sets it only when it carries a
 * team, since only an assignment can take the case away, so an empty team there states nothing. The step likewise:
 * an event with a step sets it, an empty step leaves it unchanged (no event clears a step).
 *
 * Exact (ts, seq) ties, possible only across overlapping files, apply together and on content (as the SQL): the
 * greatest team named by the tied events (null only when those that state a team all name none), the greatest step.
 */
export function caseStates(caseEvents: readonly StoredJourneyEvent[]): StateAround[] {
  const around: StateAround[] = [];
  let state = NOTHING;
  for (let i = 0; i < caseEvents.length; ) {
    let end = i + 1;
    while (end < caseEvents.length && byTsSeq(caseEvents[i], caseEvents[end]) === 0) end += 1;
    const tied = caseEvents.slice(i, end);
    const after = applyEvents(state, tied);
    for (let k = i; k < end; k += 1) around.push({ before: state, after });
    state = after;
    i = end;
  }
  return around;
}

/** Whether the event says who holds the case: every assignment, with or without team; any other event with one. */
export function statesTeam(e: StoredJourneyEvent): boolean {
  return e.event === 'assigned' || named(e.team) !== null;
}

function applyEvents(state: CaseState, tied: readonly StoredJourneyEvent[]): CaseState {
  const stated = tied.filter(statesTeam).map((e) => named(e.team));
  const teams = stated.filter((t): t is string => t !== null);
  const steps = tied.map((e) => named(e.step)).filter((s): s is string => s !== null);
  return {
    step: steps.length ? greatest(steps) : state.step,
    team: teams.length ? greatest(teams) : stated.length ? null : state.team,
  };
}

/** An empty field names nothing: the store keeps it as NULL. */
function named(value: string | null): string | null {
  return value === '' ? null : value;
}

function greatest(names: readonly string[]): string {
  return [...names].sort(byText)[names.length - 1];
}
