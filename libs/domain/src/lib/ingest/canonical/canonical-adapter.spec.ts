import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { JourneyEvent } from '../../journey/journey-event';
import type { AdapterOutput, RowError } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { openRecords } from '../source/open-records';
import { canonicalAdapter } from './canonical-adapter';

const fixture = (name: string) => path.join(__dirname, '..', '__fixtures__', name);
const options = { timeZone: 'Europe/Paris' };

async function outputs(input: AsyncIterable<Uint8Array>): Promise<AdapterOutput[]> {
  const all: AdapterOutput[] = [];
  for await (const output of canonicalAdapter.read(await openRecords(input), options)) all.push(output);
  return all;
}
const events = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'event' ? [o.event] : []));
const errors = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'rejected' ? [o.error] : []));

const event = (fields: Partial<JourneyEvent>): JourneyEvent => ({
  caseId: 'C-1',
  customerId: 'cust-001',
  ts: new Date(0),
  seq: 0,
  event: 'created',
  step: null,
  team: null,
  agent: null,
  channel: null,
  category: null,
  direction: null,
  csat: null,
  csatScale: null,
  ...fields,
});

describe('canonicalAdapter', () => {
  it('reads every row of ok/canonical.csv as an event, trimmed, empty → null, seq = file order', async () => {
    const all = await outputs(createReadStream(fixture('ok/canonical.csv')));
    expect(errors(all)).toEqual([]);
    expect(all.map((o) => (o.kind === 'event' ? o.line : -1))).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(events(all)).toEqual([
      event({
        seq: 1,
        ts: new Date('2025-01-06T09:00:00.000Z'),
        step: 'new',
        team: 'N1',
        channel: 'email',
        category: 'billing',
      }),
      event({
        seq: 2,
        ts: new Date('2025-01-06T09:05:00.000Z'),
        event: 'assigned',
        step: 'triage',
        team: 'N1',
        agent: 'alice',
      }),
      event({
        seq: 3,
        ts: new Date('2025-01-06T10:00:00.000Z'),
        event: 'contact',
        step: 'triage',
        team: 'N1',
        agent: 'alice',
        direction: 'inbound',
      }),
      event({
        seq: 4,
        ts: new Date('2025-01-06T11:00:00.250Z'),
        event: 'assigned',
        step: 'in_progress',
        team: 'N2',
        agent: 'bob',
      }),
      event({
        seq: 5,
        ts: new Date('2025-01-07T08:00:00.000Z'),
        event: 'status_changed',
        step: 'resolved',
        team: 'N2',
        agent: 'bob',
      }),
      // Naive `2025-01-07 09:30` is read in the import's zone (Europe/Paris, UTC+1 in January).
      event({
        seq: 6,
        ts: new Date('2025-01-07T08:30:00.000Z'),
        event: 'survey',
        step: 'resolved',
        team: 'N2',
        agent: 'bob',
        csat: 4,
        csatScale: 5,
      }),
      event({
        caseId: 'C-2',
        customerId: 'cust-002',
        seq: 7,
        ts: new Date('2025-01-08T12:00:00.000Z'),
        step: 'new',
        team: 'Support, Paris',
        channel: 'phone',
        category: 'bug "urgent"',
      }),
      event({
        caseId: 'C-2',
        customerId: null,
        seq: 8,
        ts: new Date('2025-01-09T12:00:00.000Z'),
        event: 'survey',
        step: 'new',
        team: 'Support, Paris',
        csat: 9,
        csatScale: 10,
      }),
    ]);
  });

  it('reads the same events from the gzipped file', async () => {
    const plain = events(await outputs(createReadStream(fixture('ok/canonical.csv'))));
    const gzipped = events(await outputs(Readable.from([gzipSync(readFileSync(fixture('ok/canonical.csv')))])));
    expect(gzipped).toEqual(plain);
    expect(gzipped).toHaveLength(8);
  });

  it.each([
    ['ok/utf8-bom-semicolon.csv', 'Équipe Réseau', 'Zoé', '2025-03-03T09:00:00.000Z'],
    // Latin-1, day-first naive times in Europe/Paris.
    ['ok/latin1.csv', 'Équipe Façade', 'Hélène', '2025-03-03T08:15:00.000Z'],
  ])('decodes %s', async (name, team, agent, ts) => {
    const [created, assigned] = events(await outputs(createReadStream(fixture(name))));
    expect(created).toMatchObject({ event: 'created', team, seq: 1 });
    expect(assigned).toMatchObject({ event: 'assigned', team, agent, seq: 2 });
    expect(assigned.ts.toISOString()).toBe(ts);
  });

  it('keeps multi-line quoted values and reports the line where each record starts', async () => {
    const all = await outputs(createReadStream(fixture('ok/multiline-quoted.csv')));
    expect(all.map((o) => (o.kind === 'event' ? [o.line, o.event.seq, o.event.category] : o))).toEqual([
      [2, 1, 'Printer\r\nout of toner'],
      [5, 2, 'first\nsecond\nthird'],
      [8, 3, 'a "quoted" word'],
    ]);
  });

  describe('rejected rows: line, field and message', () => {
    const allowed = 'created, assigned, status_changed, reopened, contact, survey';
    it.each<[string, RowError[], number]>([
      [
        'not-ok/invalid-date.csv',
        [
          {
            line: 3,
            field: 'ts',
            message:
              'ts "31/02/2025 10:00" is not a valid date: you specified 31 (of type number) as a day, which is invalid',
          },
          {
            line: 4,
            field: 'ts',
            message: expect.stringMatching(/^ts "yesterday" is not a recognised timestamp \(expected ISO-8601/),
          },
          { line: 5, field: 'ts', message: 'ts is empty' },
        ],
        1,
      ],
      [
        'not-ok/unknown-event.csv',
        [
          { line: 2, field: 'event', message: `event "closed" is not one of ${allowed}` },
          { line: 3, field: 'event', message: `event is empty (one of ${allowed})` },
        ],
        0,
      ],
      [
        'not-ok/csat-out-of-range.csv',
        [
          { line: 2, field: 'csat', message: 'csat "6" is out of range: expected an integer from 1 to 5' },
          { line: 3, field: 'csat', message: 'csat "0" is out of range: expected an integer from 1 to 5' },
          { line: 4, field: 'csat', message: 'csat "4.5" is out of range: expected an integer from 1 to 5' },
          { line: 5, field: 'csat', message: 'csat "11" is out of range: expected an integer from 1 to 10' },
        ],
        0,
      ],
      [
        'not-ok/csat-misplaced.csv',
        [
          { line: 2, field: 'csat', message: 'csat is only allowed on survey events, not on created' },
          { line: 3, field: 'csat', message: 'csat is empty: a survey event needs an answer' },
        ],
        0,
      ],
      [
        'not-ok/bad-csat-scale.csv',
        [
          { line: 2, field: 'csat_scale', message: 'csat_scale "1" is not an integer of 2 or more' },
          { line: 3, field: 'csat_scale', message: 'csat_scale "five" is not an integer of 2 or more' },
        ],
        0,
      ],
      [
        'not-ok/bad-direction.csv',
        [
          { line: 2, field: 'direction', message: 'direction is only allowed on contact events, not on assigned' },
          { line: 3, field: 'direction', message: 'direction "incoming" is not one of inbound, outbound' },
        ],
        0,
      ],
      ['not-ok/empty-case-id.csv', [{ line: 2, field: 'case_id', message: 'case_id is empty' }], 0],
      [
        'not-ok/ragged-row.csv',
        [
          { line: 2, field: null, message: 'the row has 9 fields but the header has 10' },
          { line: 3, field: null, message: 'the row has 11 fields but the header has 10' },
        ],
        0,
      ],
    ])('%s', async (name, expected, validEvents) => {
      const all = await outputs(createReadStream(fixture(name)));
      expect(errors(all)).toEqual(expected);
      expect(events(all)).toHaveLength(validEvents);
    });

    it('keeps seq as the record position even around rejected rows', async () => {
      const input = [
        'case_id,customer_id,ts,event,step,team,agent,channel,category,csat',
        'C-1,c,2025-01-06T09:00:00Z,created,new,N1,,,,',
        'C-1,c,2025-01-06T09:00:00Z,oops,new,N1,,,,',
        'C-1,c,2025-01-06T09:00:00Z,assigned,new,N2,,,,',
      ].join('\n');
      const all = await outputs(Readable.from([Buffer.from(input)]));
      expect(
        all.map((o) =>
          o.kind === 'rejected' ? `rejected line ${o.error.line}` : o.kind === 'event' ? o.event.seq : o,
        ),
      ).toEqual([1, 'rejected line 3', 3]);
    });

    it('never puts customer_id in a message', async () => {
      const input =
        'case_id,customer_id,ts,event,step,team,agent,channel,category,csat\n,jane@example.com,x,?,,,,,,7\n';
      const [output] = await outputs(Readable.from([Buffer.from(input)]));
      expect(output).toEqual({ kind: 'rejected', error: { line: 2, field: 'case_id', message: 'case_id is empty' } });
    });
  });

  describe('unusable headers, before any row is read', () => {
    it('missing columns → MISSING_COLUMNS listing the missing, expected and found columns; the file is released', async () => {
      const input = createReadStream(fixture('not-ok/missing-columns.csv'));
      const source = await openRecords(input);
      expect(() => canonicalAdapter.read(source, options)).toThrow(
        new ImportFileError(
          ImportFileErrorCode.MISSING_COLUMNS,
          'Missing columns channel, csat. ' +
            'Expected: case_id, customer_id, ts, event, step, team, agent, channel, category, csat ' +
            '(optional: direction, csat_scale). Found: case_id, customer_id, ts, event, step, team, agent, category.',
        ),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(input.destroyed).toBe(true);
    });

    it('a repeated canonical column → DUPLICATE_COLUMNS', async () => {
      const source = await openRecords(createReadStream(fixture('not-ok/duplicate-columns.csv')));
      expect(() => canonicalAdapter.read(source, options)).toThrow(
        expect.objectContaining({
          code: ImportFileErrorCode.DUPLICATE_COLUMNS,
          message: expect.stringMatching(/^Column ts appears more than once/),
        }),
      );
      await source.close();
    });

    it('an unknown time zone is a caller error', async () => {
      const source = await openRecords(createReadStream(fixture('ok/canonical.csv')));
      expect(() => canonicalAdapter.read(source, { timeZone: 'Paris' })).toThrow(
        new RangeError('"Paris" is not an IANA time zone'),
      );
      await source.close();
    });
  });
});
