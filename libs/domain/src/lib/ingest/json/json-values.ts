import type { EventType, JourneyEvent } from '../../journey/journey-event';
import { parseTimestamp } from '../timestamps/parse-timestamp';

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The record at `key`, or an empty one: optional sub-objects (`via`, `stats`) read like absent ones. */
export const recordAt = (record: JsonRecord, key: string): JsonRecord => {
  const value = record[key];
  return isRecord(value) ? value : {};
};

/**
 * An id or a label as text: numbers arrive as their digits (see streamJsonElements), strings are trimmed, and
 * null, '' and anything else (objects, arrays, booleans) stand for "not stated".
 */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Why an element cannot become events: the JSON field at fault (a dotted path inside the element). */
export class ElementError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A required instant. Messages name the field and may quote the timestamp (never an identifier). Offsets
 * without a colon (`-0500`, Jira) are read as such; naive values in `timeZone`.
 */
export function requiredTimestamp(record: JsonRecord, key: string, timeZone: string, path = key): Date {
  const value = text(record[key]);
  if (value === null) throw new ElementError(path, `${path} is missing`);
  const parsed = parseTimestamp(value, { timeZone });
  if (!parsed.ok) throw new ElementError(path, `${path} ${parsed.message}`);
  return parsed.date;
}

/** An optional instant: null when absent, an ElementError when present but unreadable. */
export function optionalTimestamp(record: JsonRecord, key: string, timeZone: string, path = key): Date | null {
  return text(record[key]) === null ? null : requiredTimestamp(record, key, timeZone, path);
}

/** Canonical steps after which a move to another step is a reopening (KPI-DEFINITIONS §4, reopen rate). */
const FINISHED_STEPS = new Set(['resolved', 'closed']);

/** A status change out of resolved/closed into an open step is a `reopened` event; any other one `status_changed`. */
export function stepChangeEvent(previous: string | null, next: string): EventType {
  const reopening = previous !== null && FINISHED_STEPS.has(previous) && !FINISHED_STEPS.has(next);
  return reopening || next === 'reopened' ? 'reopened' : 'status_changed';
}

/** A journey event with every field not given set to null. */
export function journeyEvent(
  fields: Pick<JourneyEvent, 'caseId' | 'ts' | 'event'> & Partial<Omit<JourneyEvent, 'seq'>>,
): Omit<JourneyEvent, 'seq'> {
  return {
    customerId: null,
    step: null,
    team: null,
    agent: null,
    channel: null,
    category: null,
    direction: null,
    csat: null,
    csatScale: null,
    ...fields,
  };
}

/** Why the element at `index` of `collection` is refused when it is not an object. */
export function requireRecord(value: unknown, collection: string, index: number): JsonRecord {
  if (isRecord(value)) return value;
  const where = collection === '' ? 'the document' : collection;
  throw new ElementError(collection, `element ${index} of ${where} is not an object`);
}
