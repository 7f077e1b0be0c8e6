/** Canonical journey model, KPI-DEFINITIONS §1. */
export const EVENT_TYPES = ['created', 'assigned', 'status_changed', 'reopened', 'contact', 'survey'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Steps after which a case enters a new step (KPI-DEFINITIONS §5). */
export const STEP_ENTRY_EVENTS: readonly EventType[] = ['created', 'status_changed', 'reopened'];

export const DEFAULT_CSAT_SCALE = 5;

/**
 * One event as an adapter reads it, before pseudonymisation: `customerId` is the raw value and must never
 * leave the import job (it becomes `customerKey`, see pseudonymise()).
 */
export interface JourneyEvent {
  caseId: string;
  customerId: string | null;
  ts: Date;
  /** Position of the row in the import file; breaks ties in `ts` inside a case. */
  seq: number;
  event: EventType;
  step: string | null;
  team: string | null;
  agent: string | null;
  channel: string | null;
  category: string | null;
  direction: Direction | null;
  csat: number | null;
  csatScale: number | null;
}

/**
 * One event as the journey log stores it: the import's source attached and the customer already a pseudonym
 * (`customerKey`). The SQL facts and the TypeScript reference both read this shape.
 */
export type StoredJourneyEvent = Omit<JourneyEvent, 'customerId'> & { source: string; customerKey: string | null };

/** Order inside a case: (ts, seq), never ts alone. */
export function compareEvents(a: Pick<JourneyEvent, 'ts' | 'seq'>, b: Pick<JourneyEvent, 'ts' | 'seq'>): number {
  return a.ts.getTime() - b.ts.getTime() || a.seq - b.seq;
}
