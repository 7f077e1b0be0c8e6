import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { JourneyEvent } from '../../journey/journey-event';
import type { AdapterOutput } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { openRecords } from '../source/open-records';
import { ticketsAdapter, ticketStatusStep } from './tickets-adapter';
import { parseTicketsMapping } from './tickets-mapping';

const fixture = (name: string) => path.join(__dirname, '..', '__fixtures__', name);
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}
// Read in place, never copied (datasets/README.md): the Excel re-saved copy, `dd-mm-yyyy HH:MM`, CRLF, multi-line cells.
const KAGGLE = path.resolve(
  repoRoot(__dirname),
  '../shared/datasets/kaggle-customer-support-tickets/customer_support_tickets.csv.gz',
);

async function outputs(
  input: AsyncIterable<Uint8Array>,
  mapping?: unknown,
  timeZone = 'UTC',
): Promise<AdapterOutput[]> {
  const all: AdapterOutput[] = [];
  for await (const output of ticketsAdapter.read(await openRecords(input), { timeZone, mapping })) all.push(output);
  return all;
}
const csv = (text: string) => Readable.from([Buffer.from(text)]);
const events = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'event' ? [o.event] : []));
const errors = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'rejected' ? [o.error] : []));
/** [case, event, step, ts, seq, csat, csatScale] */
const brief = (e: JourneyEvent) => [e.caseId, e.event, e.step, e.ts.toISOString(), e.seq, e.csat, e.csatScale];

describe('ticketStatusStep', () => {
  it.each([
    ['Open', 'new'],
    ['Pending Customer Response', 'waiting_customer'],
    ['pending_customer_response', 'waiting_customer'],
    ['In-Progress', 'in_progress'],
    ['On hold', 'waiting_third_party'],
    ['Solved', 'resolved'],
    ['CLOSED', 'closed'],
    ['Escalated', 'Escalated'],
  ])('maps %j to %j', (status, step) => expect(ticketStatusStep(status)).toBe(step));
});

describe('parseTicketsMapping', () => {
  it('keeps the Kaggle names by default; a key renames, null unmaps, csatScale may be a number', () => {
    const mapping = parseTicketsMapping({ ticketId: 'Case', customer: null, csatScale: 10 });
    expect(mapping.columns).toMatchObject({ ticketId: 'Case', customer: null, resolvedAt: 'Time to Resolution' });
    expect(mapping.fixedCsatScale).toBe(10);
    expect([...mapping.explicit]).toEqual(['ticketId']);
  });

  it.each<[unknown, RegExp]>([
    ['Ticket ID', /^The mapping must be a JSON object/],
    [{ ticket: 'Case' }, /^Unknown mapping key "ticket"; known keys: ticketId, customer/],
    [{ ticketId: null }, /^mapping\.ticketId must name the column/],
    [{ resolvedAt: 3 }, /^mapping\.resolvedAt must be a column name or null/],
    [{ csatScale: 1 }, /^mapping\.csatScale must be a column name or an integer of 2 or more/],
  ])('refuses %j with INVALID_MAPPING', (mapping, message) => {
    expect(() => parseTicketsMapping(mapping)).toThrow(message);
    expect(() => parseTicketsMapping(mapping)).toThrow(ImportFileError);
  });
});

describe('ticketsAdapter', () => {
  it('turns ok/tickets-helpdesk.csv into events, never out of order', async () => {
    const all = await outputs(createReadStream(fixture('ok/tickets-helpdesk.csv')), { csatScale: 'Scale' });
    expect(errors(all)).toEqual([]);
    // seq = record index × 5 + k (created 0, first response 1, resolution 2, close 3, survey 4).
    expect(events(all).map(brief)).toEqual([
      // Every instant in order; the survey goes at the resolution; `02-06-2023` is 2 June (day first).
      ['K-1', 'created', 'new', '2023-06-01T08:00:00.000Z', 5, null, null],
      ['K-1', 'status_changed', 'in_progress', '2023-06-01T09:00:00.000Z', 6, null, null],
      ['K-1', 'status_changed', 'resolved', '2023-06-01T12:15:36.000Z', 7, null, null],
      ['K-1', 'status_changed', 'closed', '2023-06-02T08:00:00.000Z', 8, null, null],
      ['K-1', 'survey', 'resolved', '2023-06-01T12:15:36.000Z', 9, 4, 5],
      // First response (12:15) after the resolution (10:00): dropped; no creation time, so the ticket starts
      // at its resolution, in that step.
      ['K-2', 'created', 'resolved', '2023-06-01T10:00:00.000Z', 12, null, null],
      ['K-2', 'survey', 'resolved', '2023-06-01T10:00:00.000Z', 14, 2, 5],
      // Still open: the first response puts it in its current status's step.
      ['K-3', 'created', 'waiting_customer', '2023-06-01T16:45:00.000Z', 16, null, null],
      // K-4 has no instant at all: nothing. K-5: `01/06/2023` is 1 June.
      ['K-5', 'created', 'new', '2023-06-01T08:00:00.000Z', 25, null, null],
      // First response before the creation: dropped. Scale 10 from the Scale column.
      ['K-6', 'created', 'new', '2023-06-03T08:00:00.000Z', 30, null, null],
      ['K-6', 'status_changed', 'resolved', '2023-06-03T10:00:00.000Z', 32, null, null],
      ['K-6', 'survey', 'resolved', '2023-06-03T10:00:00.000Z', 34, 9, 10],
      // Resolution (11:00) after the close (10:00): the close wins, the survey goes there.
      ['K-7', 'created', 'in_progress', '2023-06-01T09:00:00.000Z', 36, null, null],
      ['K-7', 'status_changed', 'closed', '2023-06-01T10:00:00.000Z', 38, null, null],
      ['K-7', 'survey', 'closed', '2023-06-01T10:00:00.000Z', 39, 5, 5],
      // An unknown status is kept as written, for the source's step mapping.
      ['K-8', 'created', 'Escalated', '2023-06-01T09:00:00.000Z', 41, null, null],
    ]);
    const created = events(all).filter((e) => e.event === 'created');
    expect(created[0]).toMatchObject({
      customerId: 'a@example.com',
      channel: 'Email',
      category: 'Billing inquiry',
      team: null,
      agent: null,
    });
    // Case attributes go on `created` only.
    expect(events(all).filter((e) => e.event !== 'created' && (e.customerId || e.channel || e.category))).toEqual([]);
  });

  it('reads naive times in the import zone', async () => {
    const all = await outputs(createReadStream(fixture('ok/tickets-helpdesk.csv')), undefined, 'Europe/Paris');
    expect(events(all)[0].ts.toISOString()).toBe('2023-06-01T06:00:00.000Z');
  });

  it('rejects bad rows naming line and column, never the customer, and reads on', async () => {
    const all = await outputs(createReadStream(fixture('not-ok/tickets-bad-rows.csv')));
    expect(errors(all)).toEqual([
      { line: 2, field: 'Ticket ID', message: 'Ticket ID (the ticket id) is empty' },
      {
        line: 3,
        field: 'First Response Time',
        message:
          'First Response Time "31-02-2023 09:00" is not a valid date: you specified 31 (of type number) as a day, which is invalid',
      },
      // Month first is never guessed: 06-13-2023 is the 6th of a 13th month.
      {
        line: 4,
        field: 'Time to Resolution',
        message:
          'Time to Resolution "06-13-2023 10:00" is not a valid date: you specified 13 (of type number) as a month, which is invalid',
      },
      {
        line: 5,
        field: 'Customer Satisfaction Rating',
        message: 'Customer Satisfaction Rating "6" is out of range: expected an integer from 1 to 5',
      },
      {
        line: 6,
        field: 'Customer Satisfaction Rating',
        message: 'Customer Satisfaction Rating "4.5" is out of range: expected an integer from 1 to 5',
      },
      { line: 7, field: null, message: 'the row has 3 fields but the header has 8' },
    ]);
    expect(events(all).map(brief)).toEqual([
      ['B-7', 'created', 'in_progress', '2023-06-01T09:00:00.000Z', 36, null, null],
      ['B-7', 'status_changed', 'resolved', '2023-06-01T10:00:00.000Z', 37, null, null],
    ]);
    expect(JSON.stringify(errors(all))).not.toContain('secret');
  });

  it('reads other column names through a mapping', async () => {
    const text = ['Case;Opened;Solved;Stars', 'Z-1;2024-03-01 09:00;2024-03-02 09:00;3'].join('\n');
    const mapping = { ticketId: 'Case', createdAt: 'Opened', resolvedAt: 'Solved', csat: 'Stars' };
    expect(events(await outputs(csv(text), mapping)).map(brief)).toEqual([
      ['Z-1', 'created', 'new', '2024-03-01T09:00:00.000Z', 5, null, null],
      ['Z-1', 'status_changed', 'resolved', '2024-03-02T09:00:00.000Z', 7, null, null],
      ['Z-1', 'survey', 'resolved', '2024-03-02T09:00:00.000Z', 9, 3, 5],
    ]);
  });

  describe('refuses the whole file before reading a row', () => {
    const refusal = async (text: string, mapping?: unknown) => {
      const source = await openRecords(csv(text));
      const close = jest.spyOn(source, 'close');
      const error = (() => {
        try {
          ticketsAdapter.read(source, { timeZone: 'UTC', mapping });
        } catch (caught) {
          return caught as ImportFileError;
        }
        return undefined;
      })();
      expect(close).toHaveBeenCalled();
      return error;
    };

    it('without the ticket id column, or a mapped column: MISSING_COLUMNS', async () => {
      expect(await refusal('Id,First Response Time\n1,2024-01-01\n')).toMatchObject({
        code: ImportFileErrorCode.MISSING_COLUMNS,
        message: 'Missing column Ticket ID. Found: Id, First Response Time.',
      });
      expect(await refusal('Ticket ID,First Response Time\n1,2024-01-01\n', { closedAt: 'Closed' })).toMatchObject({
        code: ImportFileErrorCode.MISSING_COLUMNS,
        message: 'Missing column Closed. Found: Ticket ID, First Response Time.',
      });
    });

    it('without any time column: MISSING_COLUMNS', async () => {
      const error = await refusal('Ticket ID,Ticket Status\n1,Open\n');
      expect(error?.code).toBe(ImportFileErrorCode.MISSING_COLUMNS);
      expect(error?.message).toMatch(/^No time column: expected at least one of Creation Time, First Response Time/);
    });

    it('with a used column twice: DUPLICATE_COLUMNS', async () => {
      const error = await refusal('Ticket ID,Time to Resolution,Time to Resolution\n1,2024-01-01,2024-01-02\n');
      expect(error?.code).toBe(ImportFileErrorCode.DUPLICATE_COLUMNS);
    });
  });

  it('reads the Kaggle sample: 8,469 tickets, 2,769 rated, no negative delay', async () => {
    const all = await outputs(createReadStream(KAGGLE));
    expect(errors(all)).toEqual([]);
    const list = events(all);
    // Counted with a throwaway script (csv.DictReader over the gunzipped file): 2,819 `Open` tickets have no
    // time at all and yield nothing; 2,881 `Pending Customer Response` have a first response only (1 event);
    // of the 2,769 `Closed`, 1,404 have first response ≤ resolution (2 ones tie) → created, resolved, survey,
    // and 1,365 answer after resolving → first response dropped: created (resolved) and survey.
    // 2,881 + 1,404 × 3 + 1,365 × 2 = 9,823.
    expect(list).toHaveLength(9823);
    const count = (pick: (e: JourneyEvent) => string) =>
      list.reduce<Record<string, number>>((acc, e) => ({ ...acc, [pick(e)]: (acc[pick(e)] ?? 0) + 1 }), {});
    expect(count((e) => `${e.event} ${e.step}`)).toEqual({
      'created waiting_customer': 2881,
      'created in_progress': 1404,
      'created resolved': 1365,
      'status_changed resolved': 1404,
      'survey resolved': 2769,
    });
    expect(new Set(list.map((e) => e.caseId)).size).toBe(2881 + 2769);
    // Ratings of the 2,769 Closed tickets (same script): 1 → 553, 2 → 549, 3 → 580, 4 → 543, 5 → 544.
    expect(count((e) => (e.event === 'survey' ? `${e.csat}/${e.csatScale}` : 'none'))).toEqual({
      none: 7054,
      '1/5': 553,
      '2/5': 549,
      '3/5': 580,
      '4/5': 543,
      '5/5': 544,
    });
    // Per case, events come in (ts, seq) order with no step going back in time.
    const byCase = new Map<string, JourneyEvent[]>();
    for (const e of list) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const caseEvents of byCase.values()) {
      caseEvents.forEach(
        (e, i) => i > 0 && expect(e.ts.getTime()).toBeGreaterThanOrEqual(caseEvents[i - 1].ts.getTime()),
      );
    }
    // Ticket 4 (`01-06-2023 07:29` first response, `01-06-2023 01:57` resolution, rated 3) starts on line 19
    // (grep -n '^4,'): the descriptions above it span several lines.
    expect(
      all
        .filter((o) => o.kind === 'event' && o.event.caseId === '4')
        .map((o) => o.kind === 'event' && [o.line, ...brief(o.event)]),
    ).toEqual([
      [19, '4', 'created', 'resolved', '2023-06-01T01:57:00.000Z', 22, null, null],
      [19, '4', 'survey', 'resolved', '2023-06-01T01:57:00.000Z', 24, 3, 5],
    ]);
  }, 60_000);
});
