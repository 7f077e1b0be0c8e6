import type { DocumentImportAdapter } from '../adapter';
import type { JsonElement } from '../json/json-elements';
import {
  ElementError,
  isRecord,
  journeyEvent,
  optionalTimestamp,
  recordAt,
  requireRecord,
  requiredTimestamp,
  stepChangeEvent,
  text,
  type JsonRecord,
} from '../json/json-values';
import { readJsonDocument, type PendingEvent } from '../json/read-json-document';

/**
 * Freshdesk's status codes onto the canonical steps. 6 and 7 are the "Waiting on Customer" and "Waiting on
 * Third Party" statuses most accounts have; other custom codes are kept as their number (see README).
 */
export const FRESHDESK_STEPS: Readonly<Record<string, string>> = {
  '2': 'in_progress',
  '3': 'waiting_customer',
  '4': 'resolved',
  '5': 'closed',
  '6': 'waiting_customer',
  '7': 'waiting_third_party',
};

/** Ticket `source` codes (API v2, and 4–6, 8, 11 from older accounts); an unknown code becomes `source_<n>`. */
export const FRESHDESK_CHANNELS: Readonly<Record<string, string>> = {
  '1': 'email',
  '2': 'portal',
  '3': 'phone',
  '4': 'forum',
  '5': 'twitter',
  '6': 'facebook',
  '7': 'chat',
  '8': 'mobihelp',
  '9': 'feedback_widget',
  '10': 'outbound_email',
  '11': 'ecommerce',
};

/** Satisfaction answers (103 extremely happy … -103 extremely unhappy) onto 1..7; a 3-point survey uses 103/100/-103. */
export const FRESHDESK_RATINGS: Readonly<Record<string, number>> = {
  '-103': 1,
  '-102': 2,
  '-101': 3,
  '100': 4,
  '101': 5,
  '102': 6,
  '103': 7,
};
const CSAT_SCALE = 7;

const OPEN = '2';
const freshdeskStep = (code: string) => FRESHDESK_STEPS[code] ?? code;
const isTrue = (value: unknown) => value === true;

/** Conversations embedded in a ticket (`?include=conversations`) and conversation lists alike. */
function contactEvent(conversation: JsonRecord, caseId: string, timeZone: string, path: string): PendingEvent | null {
  if (isTrue(conversation['private'])) return null; // a private note is not a contact with the customer
  const ts = requiredTimestamp(conversation, 'created_at', timeZone, `${path}created_at`);
  const direction = isTrue(conversation['incoming']) ? 'inbound' : 'outbound';
  return journeyEvent({ caseId, ts, event: 'contact', direction });
}

/** One step the ticket's `stats` dates: entered at that time, in list order when two dates are equal. */
interface StatsStep {
  key: string;
  step: string;
  reopening?: boolean;
}

const STATS_STEPS: readonly StatsStep[] = [
  { key: 'first_responded_at', step: 'in_progress' },
  { key: 'pending_since', step: 'waiting_customer' },
  { key: 'resolved_at', step: 'resolved' },
  { key: 'reopened_at', step: 'in_progress', reopening: true },
  { key: 'closed_at', step: 'closed' },
];

/**
 * A ticket is the whole case as Freshdesk keeps it: `created` as `new` at created_at, then the steps its
 * `stats` dates (first response → in_progress, pending_since, resolved_at, reopened_at, closed_at), in time
 * order, and finally its current status at stats.status_updated_at (else updated_at) when the dates did not
 * already lead there. Team and agent are the current group and responder, the only ones the ticket names.
 */
function ticketEvents(ticket: JsonRecord, timeZone: string): PendingEvent[] {
  if (isTrue(ticket['deleted']) || isTrue(ticket['spam'])) return [];
  const caseId = text(ticket['id']);
  if (caseId === null) throw new ElementError('id', 'id (the ticket id) is missing');
  const status = text(ticket['status']);
  if (status === null && !('requester_id' in ticket)) {
    throw new ElementError(
      'status',
      'the element is no ticket (no status, no requester_id), conversation or satisfaction rating',
    );
  }
  if (status === null || !/^\d+$/.test(status)) {
    throw new ElementError('status', status === null ? 'status is missing' : `status "${status}" is not a status code`);
  }
  const created = requiredTimestamp(ticket, 'created_at', timeZone);
  const stats = recordAt(ticket, 'stats');
  const holder = { team: text(ticket['group_id']), agent: text(ticket['responder_id']) };

  const dated: { ts: Date; step: string; reopening: boolean }[] = [];
  for (const { key, step, reopening } of STATS_STEPS) {
    if (key === 'pending_since' && freshdeskStep(status) !== 'waiting_customer') continue;
    const ts = optionalTimestamp(stats, key, timeZone, `stats.${key}`);
    if (ts === null) continue;
    if (ts < created) throw new ElementError(`stats.${key}`, `stats.${key} is earlier than created_at`);
    dated.push({ ts, step, reopening: reopening === true });
  }
  dated.sort((a, b) => a.ts.getTime() - b.ts.getTime()); // stable: equal dates keep the list order

  const events: PendingEvent[] = [
    journeyEvent({
      caseId,
      ts: created,
      event: 'created',
      step: 'new',
      ...holder,
      customerId: text(ticket['requester_id']),
      channel: channelOf(text(ticket['source'])),
      category: text(ticket['type']) ?? text(ticket['ticket_type']),
    }),
  ];
  if (holder.team !== null)
    events.push(journeyEvent({ caseId, ts: created, event: 'assigned', step: 'new', ...holder }));
  let step = 'new';
  for (const { ts, step: next, reopening } of dated) {
    if (next === step && !reopening) continue;
    const event = reopening ? 'reopened' : stepChangeEvent(step, next);
    events.push(journeyEvent({ caseId, ts, event, step: next, ...holder }));
    step = next;
  }
  // Open is also what a ticket nobody answered is: only a first response moves it on to in_progress.
  const current = freshdeskStep(status);
  if (current !== step && status !== OPEN) {
    const changed =
      optionalTimestamp(stats, 'status_updated_at', timeZone, 'stats.status_updated_at') ??
      optionalTimestamp(ticket, 'updated_at', timeZone);
    const last = events[events.length - 1].ts;
    if (changed !== null && changed >= last) {
      events.push(
        journeyEvent({ caseId, ts: changed, event: stepChangeEvent(step, current), step: current, ...holder }),
      );
    }
  }
  const conversations = Array.isArray(ticket['conversations']) ? ticket['conversations'] : [];
  conversations.forEach((conversation, i) => {
    if (!isRecord(conversation)) return;
    const contact = contactEvent(conversation, caseId, timeZone, `conversations[${i}].`);
    if (contact) events.push(contact);
  });
  return events.sort((a, b) => a.ts.getTime() - b.ts.getTime());
}

const channelOf = (code: string | null) => (code === null ? null : (FRESHDESK_CHANNELS[code] ?? `source_${code}`));

function ratingEvent(rating: JsonRecord, timeZone: string): PendingEvent {
  const caseId = text(rating['ticket_id']);
  if (caseId === null) throw new ElementError('ticket_id', 'ticket_id is missing');
  const ts = requiredTimestamp(rating, 'created_at', timeZone);
  const answer = text(recordAt(rating, 'ratings')['default_question']);
  const csat = answer === null ? undefined : FRESHDESK_RATINGS[answer];
  if (csat === undefined) {
    const allowed = Object.keys(FRESHDESK_RATINGS)
      .sort((a, b) => Number(a) - Number(b))
      .join(', ');
    throw new ElementError(
      'ratings.default_question',
      answer === null
        ? 'ratings.default_question is missing'
        : `ratings.default_question "${answer}" is not one of ${allowed}`,
    );
  }
  return journeyEvent({ caseId, ts, event: 'survey', csat, csatScale: CSAT_SCALE });
}

/**
 * What an element is, by its keys: a satisfaction rating has `ratings`, a conversation `ticket_id` with
 * `incoming` or `private`, a time entry `time_spent` (no journey event); anything else with `ticket_id` is not
 * understood, and an element without it is a ticket.
 */
function freshdeskEvents({ collection, index, value }: JsonElement, timeZone: string): PendingEvent[] {
  const element = requireRecord(value, collection, index);
  if ('ratings' in element) return [ratingEvent(element, timeZone)];
  if (!('ticket_id' in element)) return ticketEvents(element, timeZone);
  if ('time_spent' in element) return [];
  if (!('incoming' in element) && !('private' in element)) {
    throw new ElementError('ticket_id', 'the element has a ticket_id but is no conversation or satisfaction rating');
  }
  const caseId = text(element['ticket_id']);
  if (caseId === null) throw new ElementError('ticket_id', 'ticket_id is missing');
  const contact = contactEvent(element, caseId, timeZone, '');
  return contact ? [contact] : [];
}

/**
 * Freshdesk API v2 JSON: a ticket, a list or search result of tickets (v2 or legacy keys), conversations or
 * satisfaction ratings. See README.md for the status mapping and how stats dates become steps.
 */
export const freshdeskAdapter: DocumentImportAdapter = {
  name: 'freshdesk',
  description: 'Freshdesk API v2 JSON: tickets (with stats), conversations and satisfaction ratings.',
  requiredColumns: [],
  input: 'bytes',
  read(source, { timeZone }) {
    const shapes = {
      collections: ['results'],
      rootArray: true,
      rootObject: true,
      expected: 'ticket, search results or array of tickets, conversations or satisfaction ratings',
    };
    return readJsonDocument(source, timeZone, shapes, (element) => freshdeskEvents(element, timeZone));
  },
};
