import type { EventType } from '@relais/domain';
import type { DataSource } from 'typeorm';
import type { StoredEvent } from '../imports/event-store';
import { importJourneyEvents } from '../kpis/parity-load';

/** A fixture event: `seq` defaults to its position in the fixture, as file order gives it in a real import. */
export type FixtureEvent = Omit<StoredEvent, 'seq'> & { seq?: number };

/**
 * Builds the events of one source; fields not given are empty, as an adapter leaves them. `defaults` apply to every
 * event of the builder (e.g. one `seq` for all), `extra` to one event and wins over them.
 */
export function eventsOf(source: string, defaults: Partial<FixtureEvent> = {}) {
  return (caseId: string, ts: string, event: EventType, extra: Partial<FixtureEvent> = {}): FixtureEvent => ({
    source,
    caseId,
    customerKey: null,
    ts: new Date(ts),
    event,
    step: null,
    team: null,
    agent: null,
    channel: null,
    category: null,
    direction: null,
    csat: null,
    csatScale: null,
    ...defaults,
    ...extra,
  });
}

/**
 * The import path without a file: staging, merge and per-case facts in one transaction (importJourneyEvents, the
 * parity load). `seq` is filled in from the position where the fixture leaves it out. Returns events stored.
 */
export function importFixture(
  dataSource: DataSource,
  events: FixtureEvent[],
  timeZone = 'Europe/Paris',
): Promise<number> {
  return importJourneyEvents(
    dataSource,
    events.map((e, i): StoredEvent => ({ ...e, seq: e.seq ?? i + 1 })),
    timeZone,
  );
}
