import type { StoredJourneyEvent } from '@relais/domain';

/**
 * Journey sets on which the SQL and the reference once disagreed (shrunk counterexamples of parity.spec.ts), and
 * hand-made ones for rules random sets rarely reach. The properties run them first, every time: a disagreement
 * found by chance once stays checked for good, as a cheap regression example once both sides agree.
 */
const event = (
  seq: number,
  ts: string,
  type: StoredJourneyEvent['event'],
  extra: Partial<StoredJourneyEvent> = {},
): StoredJourneyEvent => ({
  source: 'alpha',
  caseId: 'c01',
  customerKey: null,
  ts: new Date(ts),
  seq,
  event: type,
  step: 'new',
  team: null,
  agent: 'a1',
  channel: null,
  category: null,
  direction: null,
  csat: null,
  csatScale: null,
  ...extra,
});

/**
 * §4 chasers, order (ts, seq): the second inbound contact (seq 4) and the closing status change (seq 5) share a
 * ts; by seq the contact came before the case was closed, so it is a chaser (1).
 */
export const CHASER_AT_RESOLUTION_INSTANT: StoredJourneyEvent[] = [
  event(1, '2025-03-23T22:59:59Z', 'created', { channel: 'phone' }),
  event(2, '2025-03-23T23:00:59Z', 'contact', { direction: 'inbound' }),
  event(4, '2025-03-23T23:01:59Z', 'contact', { direction: 'inbound' }),
  event(5, '2025-03-23T23:01:59Z', 'status_changed', { step: 'closed' }),
];

/**
 * §6 with §3: N1 takes the case, then an assignment without team takes it out of every team's hands; the answer
 * after that belongs to step `new` and to no team (the SQL once kept N1, the last team named).
 */
export const SURVEY_AFTER_UNASSIGNMENT: StoredJourneyEvent[] = [
  event(1, '2025-03-23T22:59:59Z', 'created', { channel: 'phone' }),
  event(2, '2025-03-23T23:00:59Z', 'assigned', { team: 'N1' }),
  event(3, '2025-03-23T23:01:59Z', 'assigned'),
  event(4, '2025-03-23T23:02:59Z', 'survey', { csat: 1, csatScale: 5 }),
];

/**
 * The holder rule (§5, §6): status changes and a contact recorded without team state nothing, so N1, which created
 * the case, holds every step and the answer; the contact without step leaves the case in triage.
 */
export const STATUS_WITHOUT_TEAM: StoredJourneyEvent[] = [
  event(1, '2025-03-23T22:59:59Z', 'created', { channel: 'phone', team: 'N1' }),
  event(2, '2025-03-23T23:00:59Z', 'status_changed', { step: 'triage' }),
  event(3, '2025-03-23T23:01:59Z', 'contact', { step: null, direction: 'inbound' }),
  event(4, '2025-03-23T23:02:59Z', 'survey', { step: null, csat: 5, csatScale: 5 }),
  event(5, '2025-03-23T23:03:59Z', 'status_changed', { step: 'resolved' }),
];

/**
 * An exact (ts, seq) tie, as two overlapping files give: an assignment without team and one to N2 at the same
 * (ts, seq) as the move to triage. The tie is broken on content, a team named beating none: N2 holds triage and
 * the answer after it.
 */
export const HOLDER_TIE: StoredJourneyEvent[] = [
  event(1, '2025-03-23T22:59:59Z', 'created', { channel: 'phone', team: 'N1' }),
  event(2, '2025-03-23T23:00:59Z', 'assigned'),
  event(2, '2025-03-23T23:00:59Z', 'assigned', { team: 'N2' }),
  event(2, '2025-03-23T23:00:59Z', 'status_changed', { step: 'triage' }),
  event(3, '2025-03-23T23:01:59Z', 'survey', { csat: 4, csatScale: 5 }),
  event(4, '2025-03-23T23:02:59Z', 'status_changed', { step: 'resolved' }),
];
