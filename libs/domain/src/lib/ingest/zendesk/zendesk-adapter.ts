import type { DocumentImportAdapter } from '../adapter';
import type { JsonElement } from '../json/json-elements';
import {
  ElementError,
  isRecord,
  journeyEvent,
  recordAt,
  requireRecord,
  requiredTimestamp,
  stepChangeEvent,
  text,
  type JsonRecord,
} from '../json/json-values';
import { readJsonDocument, type PendingEvent } from '../json/read-json-document';

/** Zendesk's fixed statuses onto the canonical steps; a custom status name is kept as it is (see README). */
export const ZENDESK_STEPS: Readonly<Record<string, string>> = {
  new: 'new',
  open: 'in_progress',
  pending: 'waiting_customer',
  hold: 'waiting_third_party',
  solved: 'resolved',
  closed: 'closed',
};

/** `deleted` is not a journey step: a deleted ticket is not a case, and deleting or restoring one is no step. */
const DELETED = 'deleted';

/** Satisfaction on Zendesk's 2-point scale; `offered` and `unoffered` are not answers. */
const SCORES: Readonly<Record<string, number>> = { bad: 1, good: 2 };
const CSAT_SCALE = 2;

const zendeskStep = (status: string) => ZENDESK_STEPS[status.toLowerCase()] ?? status;
const isDeleted = (status: string | null) => status?.toLowerCase() === DELETED;

/** `via.channel` of tickets and audits; the incremental event export writes `via` as a plain label. */
const channelOf = (record: JsonRecord) => text(record['via']) ?? text(recordAt(record, 'via')['channel']);

function survey(caseId: string, ts: Date, score: string | null, state: Partial<PendingEvent> = {}): PendingEvent[] {
  const csat = score === null ? undefined : SCORES[score.toLowerCase()];
  return csat === undefined
    ? []
    : [journeyEvent({ ...state, caseId, ts, event: 'survey', csat, csatScale: CSAT_SCALE })];
}

/**
 * A ticket (tickets page, incremental ticket export, single ticket) is a snapshot with no history: it is
 * `created` at created_at in the state it is in now, assigned to its group, and rated when it has a good/bad
 * satisfaction rating (at updated_at, the ticket carrying no time for it). Deleted tickets are no case.
 */
function ticketEvents(ticket: JsonRecord, timeZone: string): PendingEvent[] {
  const caseId = text(ticket['id']);
  if (caseId === null) throw new ElementError('id', 'id (the ticket id) is missing');
  const status = text(ticket['status']);
  if (isDeleted(status)) return [];
  if (status === null) throw new ElementError('status', 'status is missing');
  const ts = requiredTimestamp(ticket, 'created_at', timeZone);
  const state = { step: zendeskStep(status), team: text(ticket['group_id']), agent: text(ticket['assignee_id']) };
  const events = [
    journeyEvent({
      caseId,
      ts,
      event: 'created',
      ...state,
      customerId: text(ticket['requester_id']),
      channel: channelOf(ticket),
      category: text(ticket['type']),
    }),
  ];
  if (state.team !== null) events.push(journeyEvent({ caseId, ts, event: 'assigned', ...state }));
  const score = text(recordAt(ticket, 'satisfaction_rating')['score']);
  if (score !== null && SCORES[score.toLowerCase()] !== undefined) {
    events.push(...survey(caseId, requiredTimestamp(ticket, 'updated_at', timeZone), score, state));
  }
  return events;
}

/** One field set (`Create`) or changed (`Change`) by an audit. */
interface FieldChange {
  create: boolean;
  field: string;
  value: unknown;
  previous: unknown;
}

/** Fields whose child events in the incremental event export are written `{ "<field>": value }`. */
const TRACKED_FIELDS = ['status', 'group_id', 'assignee_id', 'requester_id', 'type', 'satisfaction_score'] as const;

function fieldChange(event: JsonRecord): FieldChange | null {
  const type = text(event['type']) ?? text(event['event_type']);
  if (type !== 'Create' && type !== 'Change') return null;
  const named = text(event['field_name']);
  const field = named ?? TRACKED_FIELDS.find((name) => name in event) ?? null;
  if (field === null) return null;
  return {
    create: type === 'Create',
    field,
    value: named ? event['value'] : event[field],
    previous: event['previous_value'],
  };
}

/**
 * An audit (audits page) or an incremental ticket event (`child_events`): one update of one ticket. Only what
 * the update states is used, never state from other updates, so the same audit read from two files yields the
 * same events (KPI-DEFINITIONS §1: the server recognises them by content). The events of the update carry the
 * status, group and assignee it sets, null (not stated) for the others.
 */
function auditEvents(audit: JsonRecord, children: string, timeZone: string): PendingEvent[] {
  const caseId = text(audit['ticket_id']);
  if (caseId === null) throw new ElementError('ticket_id', 'ticket_id is missing');
  const ts = auditTime(audit, timeZone);
  const items = Array.isArray(audit[children]) ? (audit[children] as unknown[]).filter(isRecord) : [];
  const changes = items.map(fieldChange).filter((change): change is FieldChange => change !== null);
  const last = (field: string) => changes.filter((change) => change.field === field).at(-1);

  const statusChanges = changes.filter(
    (change) => change.field === 'status' && !isDeleted(text(change.value)) && !isDeleted(text(change.previous)),
  );
  const finalStatus = text(statusChanges.at(-1)?.value);
  const createdStatus = text(statusChanges.find((change) => change.create)?.value);
  const group = last('group_id');
  const assignee = last('assignee_id');
  const state = {
    step: finalStatus === null ? null : zendeskStep(finalStatus),
    team: group ? text(group.value) : null,
    agent: assignee ? text(assignee.value) : null,
  };

  const events: PendingEvent[] = [];
  if (changes.some((change) => change.create)) {
    events.push(
      journeyEvent({
        caseId,
        ts,
        event: 'created',
        ...state,
        step: createdStatus === null ? ZENDESK_STEPS['new'] : zendeskStep(createdStatus),
        customerId: text(last('requester_id')?.value),
        channel: channelOf(audit),
        category: text(last('type')?.value),
      }),
    );
  }
  // A group set or changed is an assignment (to no team when cleared); an assignee change alone is not: without
  // the group, which the update does not state, an assignment would mean "taken out of every team's hands".
  if (group && (!group.create || state.team !== null))
    events.push(journeyEvent({ caseId, ts, event: 'assigned', ...state }));
  for (const change of statusChanges.filter((c) => !c.create)) {
    const next = zendeskStep(text(change.value) ?? '');
    const previous = text(change.previous);
    const event = stepChangeEvent(previous === null ? null : zendeskStep(previous), next);
    if (next !== '') events.push(journeyEvent({ caseId, ts, event, ...state, step: next }));
  }
  const rating = items.find(
    (item) => text(item['type']) === 'SatisfactionRating' || text(item['event_type']) === 'SatisfactionRating',
  );
  const score = rating ? text(rating['score']) : text(last('satisfaction_score')?.value);
  events.push(...survey(caseId, ts, score, state));
  return events;
}

/** Audits have `created_at`; incremental ticket events have it too, or only `timestamp` (Unix seconds). */
function auditTime(audit: JsonRecord, timeZone: string): Date {
  const seconds = text(audit['timestamp']);
  if (text(audit['created_at']) === null && seconds !== null && /^\d+$/.test(seconds)) {
    return new Date(Number(seconds) * 1000);
  }
  return requiredTimestamp(audit, 'created_at', timeZone);
}

const ZENDESK_COLLECTIONS = ['tickets', 'ticket', 'audits', 'ticket_events'];

function zendeskEvents({ collection, index, value }: JsonElement, timeZone: string): PendingEvent[] {
  const element = requireRecord(value, collection, index);
  if (collection === 'audits') return auditEvents(element, 'events', timeZone);
  if (collection === 'ticket_events') return auditEvents(element, 'child_events', timeZone);
  return ticketEvents(element, timeZone);
}

/**
 * Zendesk Support API JSON: a tickets page or single ticket (snapshots), a ticket audits page or an incremental
 * ticket event export (history). See README.md for the shapes, the status mapping and what is ignored.
 */
export const zendeskAdapter: DocumentImportAdapter = {
  name: 'zendesk',
  description: 'Zendesk Support API JSON: tickets pages, ticket audits or the incremental ticket event export.',
  requiredColumns: [],
  input: 'bytes',
  read(source, { timeZone }) {
    const shapes = { collections: ZENDESK_COLLECTIONS, expected: 'tickets, ticket, audits or ticket_events' };
    return readJsonDocument(source, timeZone, shapes, (element) => zendeskEvents(element, timeZone));
  },
};
