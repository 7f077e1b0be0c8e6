import type { KpiFilters } from '@relais/contracts';

import type { StoredJourneyEvent } from '../../journey/journey-event';

export type { StoredJourneyEvent };

/** The filters of every indicator (API-CONTRACT "Indicators"); `from`/`to` are organisation-local days. */
export type ReferenceFilters = Omit<KpiFilters, 'repeatWindowDays'>;

export interface ReferenceOptions {
  /** Organisation time zone (IANA), e.g. Europe/Paris. */
  timeZone: string;
  /** W of §4: 2, 3, 7, 14 or 30 in practice; any positive number works. */
  repeatWindowDays: number;
  filters?: ReferenceFilters;
}

/** Order inside a case (§1): (ts, seq), never ts alone. */
export function byTsSeq(a: StoredJourneyEvent, b: StoredJourneyEvent): number {
  return a.ts.getTime() - b.ts.getTime() || a.seq - b.seq;
}

/** Text order of names and ids: code points (as PostgreSQL under the C collation). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fields that identify a stored event (§1): the same content again is a duplicate, not a new event. */
export function eventIdentity(e: StoredJourneyEvent): string {
  return JSON.stringify([e.source, e.caseId, e.ts.getTime(), e.event, e.step, e.team, e.agent, e.direction, e.csat]);
}

/**
 * What the store keeps of a batch of events (§1): the first of each identity in (ts, seq) order, the others are
 * recognised as duplicates. Returned in (source, case, ts, seq) order.
 */
export function storeEvents(events: readonly StoredJourneyEvent[]): StoredJourneyEvent[] {
  const kept = new Map<string, StoredJourneyEvent>();
  for (const e of [...events].sort(byCaseThenOrder)) {
    const identity = eventIdentity(e);
    if (!kept.has(identity)) kept.set(identity, e);
  }
  return [...kept.values()];
}

function byCaseThenOrder(a: StoredJourneyEvent, b: StoredJourneyEvent): number {
  return byText(a.source, b.source) || byText(a.caseId, b.caseId) || byTsSeq(a, b);
}

/** The events of each `(source, case_id)`, each list in (ts, seq) order. Keys come from caseKey(). */
export function eventsByCase(events: readonly StoredJourneyEvent[]): Map<string, StoredJourneyEvent[]> {
  const cases = new Map<string, StoredJourneyEvent[]>();
  for (const e of events) {
    const key = caseKey(e.source, e.caseId);
    const list = cases.get(key);
    if (list) list.push(e);
    else cases.set(key, [e]);
  }
  for (const list of cases.values()) list.sort(byTsSeq);
  return cases;
}

export function caseKey(source: string, caseId: string): string {
  return JSON.stringify([source, caseId]);
}
