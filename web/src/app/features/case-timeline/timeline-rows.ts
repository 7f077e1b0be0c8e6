import { CaseDetail, CaseEvent } from '@relais/contracts';

export interface TimelineTransfer {
  from: string;
  to: string;
  /** Hours to the next event of the case (from the API's handoffs); null while nothing has happened since. */
  pickupHours: number | null;
}

export interface TimelineRow {
  event: CaseEvent;
  /** Set on an assignment that is a transfer (KPI-DEFINITIONS §3). */
  transfer: TimelineTransfer | null;
}

export interface StepStay {
  step: string | null;
  enteredAt: string;
  /** Calendar hours to the next step entry, whole seconds (§5); null for the step the case is still in. */
  hours: number | null;
}

const STEP_ENTRY = new Set(['created', 'status_changed', 'reopened']);

/**
 * §3: an `assigned` event is a transfer when its team differs from the team of the previous assignment; the first
 * assignment is not one, nor a change of agent in the same team, and an assignment without a team is neither a
 * transfer nor a reference: the next one is compared with the last team that held the case. Events are expected in
 * (ts, seq) order, as the API returns them.
 */
export function timelineRows(detail: Pick<CaseDetail, 'events' | 'handoffs'>): TimelineRow[] {
  let holder: string | null = null;
  let transfers = 0;
  return detail.events.map((event) => {
    if (event.event !== 'assigned' || event.team === null) return { event, transfer: null };
    const previous = holder;
    holder = event.team;
    if (previous === null || previous === event.team) return { event, transfer: null };
    // The API lists the same transfers, in the same order, with their pickup delay.
    const handoff = detail.handoffs[transfers++];
    return { event, transfer: { from: previous, to: event.team, pickupHours: handoff?.pickupHours ?? null } };
  });
}

/** §5: consecutive step entries; the time between two is the time spent in the first one's step. */
export function stepStays(events: readonly CaseEvent[]): StepStay[] {
  const entries = events.filter((event) => STEP_ENTRY.has(event.event));
  return entries.map((entry, index) => {
    const next = entries[index + 1];
    const seconds = next ? Math.floor((Date.parse(next.ts) - Date.parse(entry.ts)) / 1000) : null;
    return {
      step: entry.step,
      enteredAt: entry.ts,
      hours: seconds === null ? null : Math.round((seconds / 3600) * 10_000) / 10_000,
    };
  });
}
