import type { StoredJourneyEvent } from './stored-event';

/**
 * Builds readable fixture events for the reference specs: `ev('A', '2025-01-06T09:00:00Z', 'created', {...})`.
 * Source `s`, no customer and seq 0 unless given.
 */
export function ev(
  caseId: string,
  ts: string,
  event: StoredJourneyEvent['event'],
  extra: Partial<StoredJourneyEvent> = {},
): StoredJourneyEvent {
  return {
    source: 's',
    caseId,
    customerKey: null,
    ts: new Date(ts),
    seq: 0,
    event,
    step: null,
    team: null,
    agent: null,
    channel: null,
    category: null,
    direction: null,
    csat: null,
    csatScale: null,
    ...extra,
  };
}

/** Survey answers `csats` of case `caseId` on one scale, one minute apart from `ts`. */
export function answers(
  caseId: string,
  ts: string,
  csats: readonly number[],
  csatScale: number,
  extra: Partial<StoredJourneyEvent> = {},
): StoredJourneyEvent[] {
  const start = Date.parse(ts);
  return csats.map((csat, i) =>
    ev(caseId, new Date(start + i * 60_000).toISOString(), 'survey', { csat, csatScale, ...extra }),
  );
}
