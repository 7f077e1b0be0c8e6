import type { StepDelay } from '@relais/contracts';
import { STEP_ENTRY_EVENTS } from '../../journey/journey-event';
import { caseStates } from './case-state';
import { byText, type StoredJourneyEvent } from './stored-event';
import { mean, percentileCont, roundHours } from './rounding';
import { wholeSeconds } from './team-history';

/** One completed stay in a step (§5): the case entered `from`, then entered `to` `seconds` later. */
export interface Transition {
  from: string | null;
  to: string | null;
  seconds: number;
  /** The team holding the case when it entered `from` (caseStates); null when it was in no team's hands. */
  team: string | null;
}

/**
 * §5 over the events of one case in (ts, seq) order: the step-entry events (`created`, `status_changed`,
 * `reopened`) taken pairwise. An open case contributes the transitions it completed; the last step has no end yet.
 * The team is the holder after the entry into `from` (its exact (ts, seq) ties included): a reassignment during
 * the step does not move the step's time, the next step starts with it.
 */
export function caseTransitions(caseEvents: readonly StoredJourneyEvent[]): Transition[] {
  const states = caseStates(caseEvents);
  const entries = caseEvents
    .map((e, i) => ({ e, team: states[i].after.team }))
    .filter(({ e }) => STEP_ENTRY_EVENTS.includes(e.event));
  return entries.slice(1).map((cur, i) => {
    const prev = entries[i];
    return {
      from: prev.e.step,
      to: cur.e.step,
      seconds: wholeSeconds(cur.e.ts.getTime() - prev.e.ts.getTime()),
      team: prev.team,
    };
  });
}

const HOUR_SECONDS = 3600;

/**
 * Per transition `from → to` over the given cases: count, median and p90 (percentile_cont over seconds) and mean,
 * in hours to 4 decimals. A transition out of or into an unnamed step cannot be named and is left out. Ordered by
 * count (most frequent first), then from and to names.
 */
export function stepDelays(cases: ReadonlyArray<{ transitions: readonly Transition[] }>): StepDelay[] {
  const groups = new Map<string, { from: string; to: string; seconds: number[] }>();
  for (const t of cases.flatMap((c) => c.transitions)) {
    if (t.from === null || t.to === null) continue;
    const key = JSON.stringify([t.from, t.to]);
    const group = groups.get(key) ?? { from: t.from, to: t.to, seconds: [] };
    group.seconds.push(t.seconds);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ from, to, seconds }) => ({
      from,
      to,
      count: seconds.length,
      medianHours: roundHours((percentileCont(seconds, 0.5) ?? 0) / HOUR_SECONDS),
      p90Hours: roundHours((percentileCont(seconds, 0.9) ?? 0) / HOUR_SECONDS),
      meanHours: roundHours(mean(seconds) / HOUR_SECONDS),
    }))
    .sort((a, b) => b.count - a.count || byText(a.from, b.from) || byText(a.to, b.to));
}
