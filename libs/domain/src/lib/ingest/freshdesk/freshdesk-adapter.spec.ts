import { ImportFileErrorCode } from '../import-file-error';
import {
  countByType,
  dataset,
  errorsOf,
  eventsOf,
  expectedEvent,
  fileError,
  okFixture,
  readAll,
} from '../json/json-adapters.testing';
import { freshdeskAdapter } from './freshdesk-adapter';

// Read in place, never copied (datasets/README.md): python-freshdesk's API v2 fixtures.
const SAMPLE = (name: string) => dataset(`freshdesk-api-python-freshdesk/${name}`);

describe('freshdeskAdapter', () => {
  it('is a document adapter yielding events', () => {
    expect(freshdeskAdapter).toMatchObject({ name: 'freshdesk', input: 'bytes', requiredColumns: [] });
    expect(freshdeskAdapter.yields ?? 'events').toBe('events');
  });

  it('turns each ticket into its whole timeline from stats and embedded conversations (ok/freshdesk-tickets.json)', async () => {
    const all = await readAll(freshdeskAdapter, okFixture('freshdesk-tickets.json'));
    const holder = { team: '44', agent: '9001' };
    // Written out by hand from the fixture; events of a ticket in time order.
    expect(eventsOf(all)).toEqual([
      // 1001: created 09:00+01:00, first response, resolved, an inbound message, reopened, closed; the private
      // note is no contact; closed is also its current status (5), so nothing is added at status_updated_at.
      expectedEvent({
        caseId: '1001',
        ts: '2024-03-04T08:00:00Z',
        seq: 1,
        event: 'created',
        step: 'new',
        ...holder,
        customerId: '555',
        channel: 'email',
        category: 'Incident',
      }),
      expectedEvent({ caseId: '1001', ts: '2024-03-04T08:00:00Z', seq: 2, event: 'assigned', step: 'new', ...holder }),
      expectedEvent({
        caseId: '1001',
        ts: '2024-03-04T09:30:00Z',
        seq: 3,
        event: 'status_changed',
        step: 'in_progress',
        ...holder,
      }),
      expectedEvent({
        caseId: '1001',
        ts: '2024-03-05T10:00:00Z',
        seq: 4,
        event: 'status_changed',
        step: 'resolved',
        ...holder,
      }),
      expectedEvent({ caseId: '1001', ts: '2024-03-06T07:55:00Z', seq: 5, event: 'contact', direction: 'inbound' }),
      expectedEvent({
        caseId: '1001',
        ts: '2024-03-06T08:00:00Z',
        seq: 6,
        event: 'reopened',
        step: 'in_progress',
        ...holder,
      }),
      expectedEvent({
        caseId: '1001',
        ts: '2024-03-08T10:00:00Z',
        seq: 7,
        event: 'status_changed',
        step: 'closed',
        ...holder,
      }),
      // 1002, legacy keys: pending (3, whatever status_name says) since updated_at, no stats; phone (3).
      expectedEvent({
        caseId: '1002',
        ts: '2024-03-04T00:00:00Z',
        seq: 8,
        event: 'created',
        step: 'new',
        customerId: '556',
        channel: 'phone',
        category: 'Question',
      }),
      expectedEvent({
        caseId: '1002',
        ts: '2024-03-04T02:00:00Z',
        seq: 9,
        event: 'status_changed',
        step: 'waiting_customer',
      }),
      // 1003 deleted, 1004 spam: no case. 1008: an unknown status and source are kept as codes.
      expectedEvent({
        caseId: '1008',
        ts: '2024-03-04T13:00:00Z',
        seq: 10,
        event: 'created',
        step: 'new',
        customerId: '562',
        channel: 'source_42',
      }),
      expectedEvent({ caseId: '1008', ts: '2024-03-04T15:00:00Z', seq: 11, event: 'status_changed', step: '9' }),
    ]);
    expect(errorsOf(all)).toEqual([
      { line: 5, field: 'created_at', message: 'created_at is missing' },
      { line: 6, field: 'stats.resolved_at', message: 'stats.resolved_at is earlier than created_at' },
      { line: 7, field: 'status', message: 'status "open" is not a status code' },
    ]);
  });

  it('turns public conversations into contacts, skipping private notes (ok/freshdesk-conversations.json)', async () => {
    const all = await readAll(freshdeskAdapter, okFixture('freshdesk-conversations.json'));
    expect(eventsOf(all)).toEqual([
      expectedEvent({ caseId: '1001', ts: '2024-03-04T09:10:00Z', seq: 1, event: 'contact', direction: 'inbound' }),
      expectedEvent({ caseId: '1001', ts: '2024-03-04T09:30:00Z', seq: 2, event: 'contact', direction: 'outbound' }),
    ]);
    expect(errorsOf(all)).toEqual([{ line: 4, field: 'created_at', message: 'created_at is missing' }]);
  });

  it('turns satisfaction ratings into surveys on a 1..7 scale (ok/freshdesk-ratings.json)', async () => {
    const all = await readAll(freshdeskAdapter, okFixture('freshdesk-ratings.json'));
    // 103 → 7, -103 → 1, 100 → 4 (FRESHDESK_RATINGS); only default_question counts.
    expect(eventsOf(all)).toEqual([
      expectedEvent({ caseId: '1001', ts: '2024-03-05T11:00:00Z', seq: 1, event: 'survey', csat: 7, csatScale: 7 }),
      expectedEvent({ caseId: '1002', ts: '2024-03-05T12:00:00Z', seq: 2, event: 'survey', csat: 1, csatScale: 7 }),
      expectedEvent({ caseId: '1008', ts: '2024-03-05T13:00:00Z', seq: 3, event: 'survey', csat: 4, csatScale: 7 }),
    ]);
    expect(errorsOf(all)).toEqual([
      {
        line: 4,
        field: 'ratings.default_question',
        message: 'ratings.default_question "5" is not one of -103, -102, -101, 100, 101, 102, 103',
      },
      { line: 5, field: 'ticket_id', message: 'ticket_id is missing' },
    ]);
  });

  it('fails a truncated document with MALFORMED_DOCUMENT', async () => {
    expect(await fileError(readAll(freshdeskAdapter, { text: '[{"id": 1, "status": 2' }))).toEqual({
      code: ImportFileErrorCode.MALFORMED_DOCUMENT,
      message: "The file is not valid JSON: expected ',' at its end, after 22 bytes (uncompressed); is it truncated?",
    });
  });

  describe('python-freshdesk samples, read in place', () => {
    const read = async (name: string) => {
      const all = await readAll(freshdeskAdapter, SAMPLE(name));
      return { events: eventsOf(all), errors: errorsOf(all) };
    };

    it('v2_ticket_1.json: created, first response and resolution from stats (its status 2 adds nothing)', async () => {
      const { events, errors } = await read('v2_ticket_1.json');
      expect(events.map((e) => [e.caseId, e.ts.toISOString(), e.event, e.step, e.channel])).toEqual([
        ['1', '2016-05-18T04:36:04.000Z', 'created', 'new', 'portal'],
        ['1', '2020-06-17T20:23:43.000Z', 'status_changed', 'in_progress', null],
        ['1', '2020-07-24T15:35:21.000Z', 'status_changed', 'resolved', null],
      ]);
      expect(errors).toEqual([]);
    });

    it('v2_ticket_1_updated.json: resolved (4) at updated_at, without stats', async () => {
      const { events } = await read('v2_ticket_1_updated.json');
      expect(events.map((e) => [e.ts.toISOString(), e.event, e.step])).toEqual([
        ['2016-05-18T04:36:04.000Z', 'created', 'new'],
        ['2016-05-18T23:42:50.000Z', 'status_changed', 'resolved'],
      ]);
    });

    it('legacy lists: v2_all_tickets.json (1 ticket) and v2_search_tickets.json (2 results, both id 1)', async () => {
      const all = await read('v2_all_tickets.json');
      expect(all.events.map((e) => [e.caseId, e.ts.toISOString(), e.event, e.category])).toEqual([
        ['1', '2014-12-31T02:27:09.000Z', 'created', 'Question'], // 12:27:09+10:00, ticket_type
      ]);
      const search = await read('v2_search_tickets.json');
      expect(search.events.map((e) => [e.caseId, e.ts.toISOString(), e.event])).toEqual([
        ['1', '2014-12-31T02:27:09.000Z', 'created'],
        ['1', '2020-01-01T06:21:45.000Z', 'created'],
      ]);
    });

    it('v2_conversations.json: one private note, one outbound reply', async () => {
      const { events, errors } = await read('v2_conversations.json');
      expect(countByType(events)).toEqual({ contact: 1 });
      expect(events[0]).toMatchObject({ caseId: '1', direction: 'outbound' });
      expect(errors).toEqual([]);
    });

    it('v2_time_entries.json yields nothing; groups are refused as no ticket', async () => {
      expect(await read('v2_time_entries.json')).toEqual({ events: [], errors: [] });
      const groups = await read('v2_groups.json');
      expect(groups.events).toEqual([]);
      expect(groups.errors.map((e) => [e.line, e.field])).toEqual([
        [1, 'status'],
        [2, 'status'],
      ]);
    });
  });
});
