import { ImportFileErrorCode } from '../import-file-error';
import {
  contentKey,
  countByType,
  dataset,
  errorsOf,
  eventsOf,
  expectedEvent,
  fileError,
  okFixture,
  readAll,
} from '../json/json-adapters.testing';
import { zendeskAdapter } from './zendesk-adapter';

// Read in place, never copied (datasets/README.md): zenpy's recorded Zendesk API responses, one page each.
const ZENPY = (name: string) => dataset(`zendesk-api-zenpy-cassettes/${name}`);

describe('zendeskAdapter', () => {
  it('is a document adapter yielding events', () => {
    expect(zendeskAdapter).toMatchObject({ name: 'zendesk', input: 'bytes', requiredColumns: [] });
    expect(zendeskAdapter.yields ?? 'events').toBe('events');
  });

  describe('audits (ok/zendesk-audits.json)', () => {
    it('turns each audit into the events it states, one case state per audit', async () => {
      const all = await readAll(zendeskAdapter, okFixture('zendesk-audits.json'));
      // Written out by hand from the fixture, audit by audit (line = the audit's position in `audits`).
      expect(eventsOf(all)).toEqual([
        // 1: the creation audit; the group it sets is the first assignment.
        expectedEvent({
          caseId: '101',
          ts: '2024-03-04T09:00:00Z',
          seq: 1,
          event: 'created',
          step: 'new',
          team: '11',
          customerId: '555',
          channel: 'email',
          category: 'question',
        }),
        expectedEvent({
          caseId: '101',
          ts: '2024-03-04T09:00:00Z',
          seq: 2,
          event: 'assigned',
          step: 'new',
          team: '11',
        }),
        // 2: an assignee change alone states no team: no event.
        // 3: group, assignee and status change together.
        expectedEvent({
          caseId: '101',
          ts: '2024-03-04T10:00:00Z',
          seq: 3,
          event: 'assigned',
          step: 'in_progress',
          team: '22',
          agent: '9002',
        }),
        expectedEvent({
          caseId: '101',
          ts: '2024-03-04T10:00:00Z',
          seq: 4,
          event: 'status_changed',
          step: 'in_progress',
          team: '22',
          agent: '9002',
        }),
        // 4, 5, 6: solved, rated good (2 of 2), reopened by the customer.
        expectedEvent({ caseId: '101', ts: '2024-03-04T12:00:00Z', seq: 5, event: 'status_changed', step: 'resolved' }),
        expectedEvent({ caseId: '101', ts: '2024-03-04T13:00:00Z', seq: 6, event: 'survey', csat: 2, csatScale: 2 }),
        expectedEvent({ caseId: '101', ts: '2024-03-05T08:00:00Z', seq: 7, event: 'reopened', step: 'in_progress' }),
        // 7: created open with an agent and no group; `offered` is no answer. 8: deletion is no step.
        expectedEvent({
          caseId: '102',
          ts: '2024-03-04T11:00:00Z',
          seq: 8,
          event: 'created',
          step: 'in_progress',
          agent: '9003',
          customerId: '777',
          channel: 'api',
        }),
        // 12: the group cleared: an assignment to no team.
        expectedEvent({ caseId: '101', ts: '2024-03-05T09:00:00Z', seq: 9, event: 'assigned' }),
      ]);
      expect(all.filter((o) => o.kind === 'event').map((o) => o.line)).toEqual([1, 1, 3, 3, 4, 5, 6, 7, 12]);
      expect(errorsOf(all)).toEqual([
        { line: 9, field: 'created_at', message: 'created_at is missing' },
        { line: 10, field: 'ticket_id', message: 'ticket_id is missing' },
        {
          line: 11,
          field: 'created_at',
          message: expect.stringMatching(/^created_at "2024-02-31T10:00:00Z" is not a valid date/),
        },
      ]);
    });
  });

  it('reads a tickets page as snapshots, skipping sideloads and deleted tickets (ok/zendesk-tickets.json)', async () => {
    const all = await readAll(zendeskAdapter, okFixture('zendesk-tickets.json'));
    expect(eventsOf(all)).toEqual([
      expectedEvent({
        caseId: '201',
        ts: '2024-03-01T08:00:00Z',
        seq: 1,
        event: 'created',
        step: 'resolved',
        team: '11',
        agent: '9001',
        customerId: '555',
        channel: 'web',
        category: 'incident',
      }),
      expectedEvent({
        caseId: '201',
        ts: '2024-03-01T08:00:00Z',
        seq: 2,
        event: 'assigned',
        step: 'resolved',
        team: '11',
        agent: '9001',
      }),
      // `bad` is 1 on the 2-point scale, dated updated_at (the ticket has no time for its rating).
      expectedEvent({
        caseId: '201',
        ts: '2024-03-02T17:45:00Z',
        seq: 3,
        event: 'survey',
        step: 'resolved',
        team: '11',
        agent: '9001',
        csat: 1,
        csatScale: 2,
      }),
      expectedEvent({
        caseId: '202',
        ts: '2024-03-01T08:00:00Z',
        seq: 4,
        event: 'created',
        step: 'waiting_customer',
        customerId: '556',
        channel: 'email',
      }),
      // A custom status is kept for the source's step mapping.
      expectedEvent({
        caseId: '205',
        ts: '2024-03-01T12:00:00Z',
        seq: 5,
        event: 'created',
        step: 'custom_waiting_for_parts',
        customerId: '558',
        channel: 'api',
      }),
    ]);
    expect(errorsOf(all)).toEqual([{ line: 4, field: 'id', message: 'id (the ticket id) is missing' }]);
  });

  it('reads the incremental ticket event export, child events keyed by field (ok/zendesk-ticket-events.json)', async () => {
    const all = await readAll(zendeskAdapter, okFixture('zendesk-ticket-events.json'));
    expect(eventsOf(all)).toEqual([
      // timestamp 1709542800 = 2024-03-04T09:00:00Z (`date -u -d @1709542800`).
      expectedEvent({
        caseId: '301',
        ts: '2024-03-04T09:00:00Z',
        seq: 1,
        event: 'created',
        step: 'new',
        customerId: '555',
        channel: 'Web form',
      }),
      expectedEvent({
        caseId: '301',
        ts: '2024-03-04T10:00:00Z',
        seq: 2,
        event: 'assigned',
        step: 'waiting_third_party',
        team: '33',
      }),
      expectedEvent({
        caseId: '301',
        ts: '2024-03-04T10:00:00Z',
        seq: 3,
        event: 'status_changed',
        step: 'waiting_third_party',
        team: '33',
      }),
    ]);
    expect(errorsOf(all)).toEqual([]);
  });

  it('reads a single ticket and keeps ids of any length exactly', async () => {
    const text =
      '{"ticket":{"id":12345678901234567890,"created_at":"2024-03-01T08:00:00Z","status":"closed","group_id":7}}';
    expect(eventsOf(await readAll(zendeskAdapter, { text })).map((e) => [e.caseId, e.event, e.step, e.team])).toEqual([
      ['12345678901234567890', 'created', 'closed', '7'],
      ['12345678901234567890', 'assigned', 'closed', '7'],
    ]);
  });

  it('fails a malformed document with MALFORMED_DOCUMENT and the byte range', async () => {
    expect(await fileError(readAll(zendeskAdapter, { text: '{"tickets": [{"id": 1,}]}' }))).toEqual({
      code: ImportFileErrorCode.MALFORMED_DOCUMENT,
      message: "The file is not valid JSON: unexpected token '}' between bytes 0 and 25 (uncompressed).",
    });
  });

  it('fails a document of another shape', async () => {
    expect(await fileError(readAll(zendeskAdapter, { text: '{"users": []}' }))).toEqual({
      code: ImportFileErrorCode.MALFORMED_DOCUMENT,
      message: 'The document holds no tickets, ticket, audits or ticket_events.',
    });
  });

  describe('zenpy recordings, read in place', () => {
    it('tickets_list.json: 91 tickets, 1 with a group', async () => {
      const all = await readAll(zendeskAdapter, ZENPY('tickets_list.json'));
      // Counted with a throwaway Python script over `tickets` (statuses: 82 new, 8 pending, 1 open; one group_id).
      expect(countByType(eventsOf(all))).toEqual({ created: 91, assigned: 1 });
      expect(errorsOf(all)).toEqual([]);
    });

    it('incremental_tickets.json.gz: 1,000 tickets of which 515 deleted are no case', async () => {
      const all = await readAll(zendeskAdapter, ZENPY('incremental_tickets.json.gz'));
      // 485 `new` + 515 `deleted` (datasets/README.md, and counted in Python); no group, no rating.
      expect(countByType(eventsOf(all))).toEqual({ created: 485 });
      expect(new Set(eventsOf(all).map((e) => e.caseId)).size).toBe(485);
      expect(errorsOf(all)).toEqual([]);
    });

    it('two audit pages: Create audits become cases, the 70 shared audits yield identical events', async () => {
      const page1 = eventsOf(await readAll(zendeskAdapter, ZENPY('ticket_audits_page1.json')));
      const values = eventsOf(await readAll(zendeskAdapter, ZENPY('ticket_audits_values.json')));
      // Python over `audits[].events[]`: page1 has 99 audits with Create events, 2 of them a group_id Create;
      // values 86 and 1. Its 2 status Changes are open → deleted → open: no step.
      expect(countByType(page1)).toEqual({ created: 99, assigned: 2 });
      expect(countByType(values)).toEqual({ created: 86, assigned: 1 });
      // The 70 shared audits (same ids, same JSON) are 69 creations and 1 group Create: 70 events in both files,
      // so the union holds 101 + 87 − 70 = 118 distinct events, 116 cases.
      const keys1 = new Set(page1.map(contentKey));
      const shared = values.filter((e) => keys1.has(contentKey(e)));
      expect(shared).toHaveLength(70);
      expect(new Set([...page1, ...values].map(contentKey)).size).toBe(118);
      expect(new Set([...page1, ...values].filter((e) => e.event === 'created').map((e) => e.caseId)).size).toBe(116);
    });
  });
});
