import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { JourneyEvent } from '../../journey/journey-event';
import type { AdapterOutput } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { openRecords } from '../source/open-records';
import { salesforceAdapter, salesforceStatusStep } from './salesforce-adapter';

const fixture = (name: string) => path.join(__dirname, '..', '__fixtures__', name);
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}
// Read in place, never copied (datasets/README.md): UTF-8 BOM, `+0000` offsets, booleans `1`/empty.
const SAMPLES = path.resolve(repoRoot(__dirname), '../shared/datasets/salesforce-case-export-sfdc-assets');

async function outputs(input: AsyncIterable<Uint8Array>, timeZone = 'UTC'): Promise<AdapterOutput[]> {
  const all: AdapterOutput[] = [];
  for await (const output of salesforceAdapter.read(await openRecords(input), { timeZone })) all.push(output);
  return all;
}
const events = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'event' ? [o.event] : []));
const errors = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'rejected' ? [o.error] : []));
/** [line, case (last 4 characters of the Id), event, step, ts, seq, team, agent] */
const brief = (all: AdapterOutput[]) =>
  all.flatMap((o) =>
    o.kind === 'event'
      ? [
          [
            o.line,
            o.event.caseId.slice(-4),
            o.event.event,
            o.event.step,
            o.event.ts.toISOString(),
            o.event.seq,
            o.event.team,
            o.event.agent,
          ],
        ]
      : [],
  );
const count = (list: JourneyEvent[], pick: (e: JourneyEvent) => string | null) =>
  list.reduce<Record<string, number>>((acc, e) => ({ ...acc, [String(pick(e))]: (acc[String(pick(e))] ?? 0) + 1 }), {});

const QUEUE_1 = '00G000000000001AAA';
const QUEUE_2 = '00G000000000002AAA';
const QUEUE_3 = '00G000000000003AAA';
const USER_1 = '005000000000001AAA';
const USER_2 = '005000000000002AAA';

describe('salesforceStatusStep', () => {
  it.each([
    ['New', 'new'],
    ['open', 'new'],
    ['Working', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['Escalated', 'in_progress'],
    ['Waiting on Customer', 'waiting_customer'],
    ['On Hold', 'waiting_third_party'],
    ['Closed', 'closed'],
    ['Closed - Duplicate', 'Closed - Duplicate'],
  ])('maps %j to %j', (status, step) => expect(salesforceStatusStep(status)).toBe(step));
});

describe('salesforceAdapter', () => {
  it('reads ok/salesforce-case.csv (BOM, +0000): created, and a close at ClosedDate when IsClosed', async () => {
    const all = await outputs(createReadStream(fixture('ok/salesforce-case.csv')));
    // seq = record index × 2 + k (created 0, close 1).
    expect(brief(all)).toEqual([
      // A queue owner (00G…) is the team.
      [2, '1AAA', 'created', 'new', '2024-01-08T09:00:00.000Z', 2, QUEUE_1, null],
      [2, '1AAA', 'status_changed', 'closed', '2024-01-10T16:00:00.000Z', 3, null, null],
      // A user owner (005…) is the agent; IsClosed empty = open, no step change without a time.
      [3, '2AAA', 'created', 'new', '2024-01-09T10:00:00.000Z', 4, null, USER_1],
      // An org's own closed status is kept as written, for the source's step mapping.
      [4, '3AAA', 'created', 'new', '2024-01-09T11:00:00.000Z', 6, QUEUE_2, null],
      [4, '3AAA', 'status_changed', 'Closed - Duplicate', '2024-01-09T11:30:00.000Z', 7, null, null],
      // Closed before it was created: no close, never a negative delay.
      [5, '4AAA', 'created', 'new', '2024-01-11T09:00:00.000Z', 8, QUEUE_1, null],
    ]);
    expect(events(all)[0]).toMatchObject({ customerId: '003000000000001AAA', channel: 'Email', category: 'Problem' });
    // Type empty: Reason is the category.
    expect(events(all)[2]).toMatchObject({
      customerId: '003000000000002AAA',
      channel: 'Phone',
      category: 'Instructions not clear',
    });
    expect(errors(all)).toEqual([
      { line: 6, field: 'Id', message: 'Id (the case id) is empty' },
      { line: 7, field: 'IsClosed', message: 'IsClosed "yes" is not a boolean (1, true, 0, false or empty)' },
    ]);
  });

  it('reads ok/salesforce-case-history.csv: Status and Owner changes, other fields ignored', async () => {
    const all = await outputs(createReadStream(fixture('ok/salesforce-case-history.csv')));
    expect(brief(all)).toEqual([
      // Queue → queue: the queue handing on is stated first (k 0), so even the first change is a transfer.
      [3, '1AAA', 'assigned', null, '2024-01-08T10:00:00.000Z', 4, QUEUE_1, null],
      [3, '1AAA', 'assigned', null, '2024-01-08T10:00:00.000Z', 5, QUEUE_3, null],
      // Line 4 repeats the change with display names: skipped.
      [5, '1AAA', 'status_changed', 'in_progress', '2024-01-08T10:05:00.000Z', 9, null, null],
      // Queue → user: the agent, the team kept. Line 7 (user → user) states no team: nothing.
      [6, '1AAA', 'assigned', null, '2024-01-08T10:30:00.000Z', 11, QUEUE_3, USER_2],
      [8, '1AAA', 'status_changed', 'waiting_customer', '2024-01-09T09:00:00.000Z', 15, null, null],
      // Same content as Case.csv's close of this case: the server keeps one.
      [9, '1AAA', 'status_changed', 'closed', '2024-01-10T16:00:00.000Z', 17, null, null],
      // Out of an ended step: reopened. Line 11 (Priority) is ignored.
      [10, '1AAA', 'reopened', 'in_progress', '2024-01-11T09:00:00.000Z', 19, null, null],
      // User → queue: the first assignment of case 2, no queue to state before it.
      [15, '2AAA', 'assigned', null, '2024-01-09T11:00:00.000Z', 29, QUEUE_2, null],
    ]);
    expect(errors(all)).toEqual([
      { line: 12, field: 'CaseId', message: 'CaseId (the case id) is empty' },
      { line: 13, field: 'NewValue', message: 'NewValue (the new status) is empty' },
      {
        line: 14,
        field: 'CreatedDate',
        message: expect.stringMatching(/^CreatedDate "09\/01\/2024 25:00" is not a valid date/),
      },
    ]);
  });

  it('reads the demo-org Case.csv in place: 40 cases, 14 closed at the load instant', async () => {
    const list = events(await outputs(createReadStream(path.join(SAMPLES, 'Case.csv'))));
    // Counted with a throwaway csv.DictReader script: Status open 15, in_progress 11, Closed 14 (IsClosed 1,
    // ClosedDate = CreatedDate); one OwnerId, a user; 31 distinct ContactIds; Origin and Reason empty.
    expect(count(list, (e) => `${e.event} ${e.step}`)).toEqual({ 'created new': 40, 'status_changed closed': 14 });
    const created = list.filter((e) => e.event === 'created');
    expect(count(created, (e) => e.agent)).toEqual({ '005Ec000004oBPNIA2': 40 });
    expect(count(created, (e) => e.team)).toEqual({ null: 40 });
    expect(count(created, (e) => e.channel)).toEqual({ null: 40 });
    expect(new Set(created.map((e) => e.customerId)).size).toBe(31);
    expect(count(created, (e) => e.category)).toMatchObject({ 'Customer Feedback': 9, 'Transaction issue': 6 });
    expect(new Set(list.map((e) => e.ts.toISOString()))).toEqual(new Set(['2024-01-23T13:26:08.000Z']));
    // The BOM is not part of the first column's name: the Id is read.
    expect(list[0].caseId).toBe('500Ec000009YUY8IAO');
  });

  it('reads the gen-ai-demo Case.csv in place (other columns): 40 cases, 32 closed', async () => {
    const all = await outputs(createReadStream(path.join(SAMPLES, 'Case.gen-ai-demo.csv')));
    expect(errors(all)).toEqual([]);
    const list = events(all);
    // Same script: Status Closed 32 (IsClosed 1, ClosedDate = CreatedDate), Escalated 4, New 4; Origin Phone 36,
    // Email 2, Web 2; Type Problem 36, Question 4; ContactId empty on 2 cases.
    expect(count(list, (e) => `${e.event} ${e.step}`)).toEqual({ 'created new': 40, 'status_changed closed': 32 });
    const created = list.filter((e) => e.event === 'created');
    expect(count(created, (e) => e.channel)).toEqual({ Phone: 36, Email: 2, Web: 2 });
    expect(count(created, (e) => e.category)).toEqual({ Problem: 36, Question: 4 });
    expect(created.filter((e) => e.customerId === null)).toHaveLength(2);
  });

  describe('refuses the whole file before reading a row', () => {
    const refusal = async (text: string) => {
      const source = await openRecords(Readable.from([Buffer.from(text)]));
      const close = jest.spyOn(source, 'close');
      const error = (() => {
        try {
          salesforceAdapter.read(source, { timeZone: 'UTC' });
        } catch (caught) {
          return caught as ImportFileError;
        }
        return undefined;
      })();
      expect(close).toHaveBeenCalled();
      return error;
    };

    it('neither a Case nor a CaseHistory export: MISSING_COLUMNS naming both shapes', async () => {
      const error = await refusal('Id,Subject,Priority\n1,Hello,High\n');
      expect(error).toMatchObject({ code: ImportFileErrorCode.MISSING_COLUMNS });
      expect(error?.message).toBe(
        'Missing columns Status, CreatedDate. Expected a Data Loader Case.csv (Id, Status, CreatedDate; optional ' +
          'OwnerId, ContactId, Origin, Type, Reason, ClosedDate, IsClosed) or CaseHistory.csv (CaseId, Field, ' +
          'OldValue, NewValue, CreatedDate). Found: Id, Subject, Priority.',
      );
    });

    it('a CaseHistory export without NewValue: MISSING_COLUMNS', async () => {
      const error = await refusal('CaseId,Field,OldValue,CreatedDate\n1,Status,New,2024-01-01\n');
      expect(error?.message).toMatch(/^This looks like a CaseHistory export but lacks NewValue\./);
    });

    it('a used column twice: DUPLICATE_COLUMNS', async () => {
      const error = await refusal('Id,Status,CreatedDate,Status\n1,New,2024-01-01,Closed\n');
      expect(error?.code).toBe(ImportFileErrorCode.DUPLICATE_COLUMNS);
    });
  });
});
