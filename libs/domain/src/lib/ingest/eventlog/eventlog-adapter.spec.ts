import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AdapterOutput, Observation, RowError } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { openRecords } from '../source/open-records';
import { eventlogAdapter } from './eventlog-adapter';
import { parseEventLogMapping } from './eventlog-mapping';

const fixture = (name: string) => path.join(__dirname, '..', '__fixtures__', name);
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}
// Read in place, never copied (datasets/README.md): the pm4py CSV of van der Aalst's running example.
const XES_SMOKE_CSV = path.resolve(repoRoot(__dirname), '../shared/datasets/xes-smoke/running-example.csv');
const csv = (text: string) => Readable.from([Buffer.from(text)]);

async function outputs(input: AsyncIterable<Uint8Array>, mapping: unknown, timeZone = 'UTC'): Promise<AdapterOutput[]> {
  const all: AdapterOutput[] = [];
  for await (const output of eventlogAdapter.read(await openRecords(input), { timeZone, mapping })) all.push(output);
  return all;
}
const observations = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'observation' ? [o.observation] : []));
const errors = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'rejected' ? [o.error] : []));

/** The mapping of ok/eventlog-helpdesk.csv: month-first times, the step in two columns, every optional key. */
const HELPDESK_MAPPING = {
  caseId: 'Ticket',
  customer: 'Opened by',
  timestamp: 'When',
  timestampFormat: 'MM/dd/yyyy HH:mm',
  step: ['Status', 'Substatus'],
  team: 'Queue',
  agent: 'Agent',
  channel: 'Channel',
  category: 'Topic',
  csat: 'Rating',
  csatScale: 'Scale',
};

const observation = (fields: Partial<Observation>): Observation => ({
  caseId: 'T-1',
  customerId: 'cust-a',
  ts: new Date(0),
  seq: 0,
  step: 'Open',
  team: null,
  agent: null,
  channel: null,
  category: null,
  csat: null,
  csatScale: null,
  ...fields,
});

describe('parseEventLogMapping', () => {
  const minimal = { caseId: 'Case ID', timestamp: 'Complete Timestamp', step: 'Activity' };

  it('normalises a minimal mapping: step becomes a list, unmapped columns null', () => {
    expect(parseEventLogMapping(minimal)).toEqual({
      caseId: 'Case ID',
      timestamp: 'Complete Timestamp',
      step: ['Activity'],
      team: null,
      agent: null,
      customer: null,
      channel: null,
      category: null,
      csat: null,
      csatScale: null,
      timestampFormat: null,
    });
  });

  it('trims names, keeps a step array in order and takes null as "not mapped"', () => {
    expect(
      parseEventLogMapping({
        ...minimal,
        caseId: ' Case ID ',
        step: ['Status', ' Substatus'],
        team: null,
        agent: 'Who',
      }),
    ).toMatchObject({ caseId: 'Case ID', step: ['Status', 'Substatus'], team: null, agent: 'Who' });
  });

  it.each<[string, unknown, RegExp]>([
    [
      'no mapping at all',
      undefined,
      /^The eventlog format needs a mapping naming at least the caseId, timestamp and step/,
    ],
    ['null', null, /^The eventlog format needs a mapping/],
    ['an array', ['Case ID'], /^The mapping must be a JSON object naming the columns/],
    ['a string', 'Case ID', /^The mapping must be a JSON object/],
    [
      'a typo in a key',
      { ...minimal, caseID: 'Case ID' },
      /^Unknown mapping key "caseID"; known keys: caseId, timestamp, step, team/,
    ],
    [
      'two unknown keys',
      { ...minimal, resource: 'R', lifecycle: 'L' },
      /^Unknown mapping keys "resource", "lifecycle"/,
    ],
    ['caseId missing', { timestamp: 'T', step: 'A' }, /^mapping\.caseId is required/],
    ['caseId null', { ...minimal, caseId: null }, /^mapping\.caseId is required/],
    ['timestamp empty', { ...minimal, timestamp: '  ' }, /^mapping\.timestamp must be a column name/],
    ['timestamp a number', { ...minimal, timestamp: 3 }, /^mapping\.timestamp must be a column name/],
    ['step missing', { caseId: 'C', timestamp: 'T' }, /^mapping\.step is required/],
    ['step an empty array', { ...minimal, step: [] }, /^mapping\.step must be a column name or a non-empty array/],
    ['step with a number', { ...minimal, step: ['Activity', 2] }, /^mapping\.step must be/],
    ['step an object', { ...minimal, step: { name: 'Activity' } }, /^mapping\.step must be/],
    ['team empty', { ...minimal, team: '' }, /^mapping\.team must be a column name/],
    ['agent a list', { ...minimal, agent: ['A'] }, /^mapping\.agent must be a column name/],
    ['csatScale a fixed number', { ...minimal, csatScale: 10 }, /^mapping\.csatScale must be a column name/],
    [
      'timestampFormat empty',
      { ...minimal, timestampFormat: '' },
      /^mapping\.timestampFormat must be luxon format tokens/,
    ],
  ])('refuses %s with INVALID_MAPPING naming the key', (_, mapping, message) => {
    const error = (() => {
      try {
        parseEventLogMapping(mapping);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: ImportFileErrorCode.INVALID_MAPPING });
    expect((error as Error).message).toMatch(message);
  });
});

describe('eventlogAdapter', () => {
  it('reads ok/eventlog-helpdesk.csv row by row, in file order, seq = record position', async () => {
    const all = await outputs(createReadStream(fixture('ok/eventlog-helpdesk.csv')), HELPDESK_MAPPING, 'Europe/Paris');
    expect(errors(all)).toEqual([]);
    expect(all.map((o) => (o.kind === 'observation' ? o.line : -1))).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
    // Month-first times (`01/13/2025` cannot be day-first) read as naive Europe/Paris, UTC+1 in January.
    // Rows of T-1 are scattered: its first row in time (09:00) is record 9. Records 1 and 5 tie at 11:00, as do
    // records 2 and 6 of T-2; ordering is the server's job, the adapter keeps file order.
    expect(observations(all)).toEqual([
      observation({
        seq: 1,
        ts: new Date('2025-01-13T10:00:00Z'),
        step: 'Open / In progress',
        team: 'N2',
        agent: 'carol',
      }),
      observation({
        caseId: 'T-2',
        customerId: 'cust-b',
        seq: 2,
        ts: new Date('2025-01-14T08:00:00Z'),
        step: 'New',
        team: 'Support, Paris',
        channel: 'phone',
        category: 'access',
      }),
      observation({ seq: 3, ts: new Date('2025-01-13T08:30:00Z'), step: 'Open / Triage', team: 'N1', agent: 'alice' }),
      observation({ seq: 4, ts: new Date('2025-01-13T09:00:00Z'), step: 'Open / Triage', team: 'N1', agent: 'bob' }),
      observation({ seq: 5, ts: new Date('2025-01-13T10:00:00Z'), step: 'Open / In progress' }),
      observation({
        caseId: 'T-2',
        customerId: null,
        seq: 6,
        ts: new Date('2025-01-14T08:00:00Z'),
        step: 'Open / Triage',
        team: 'N1',
        agent: 'erin',
      }),
      // ` N2 ` is trimmed.
      observation({
        seq: 7,
        ts: new Date('2025-01-14T07:00:00Z'),
        step: 'Open / Waiting customer',
        team: 'N2',
        agent: 'carol',
      }),
      // An empty Scale means the default scale of 5.
      observation({
        seq: 8,
        ts: new Date('2025-01-15T15:00:00Z'),
        step: 'Resolved',
        team: 'N1',
        agent: 'dave',
        csat: 4,
        csatScale: 5,
      }),
      observation({
        seq: 9,
        ts: new Date('2025-01-13T08:00:00Z'),
        step: 'New',
        team: 'N1',
        channel: 'email',
        category: 'billing',
      }),
      observation({
        caseId: 'T-2',
        customerId: null,
        seq: 10,
        ts: new Date('2025-01-16T09:00:00Z'),
        step: 'Resolved',
        team: 'N1',
        agent: 'erin',
        csat: 9,
        csatScale: 10,
      }),
      observation({
        caseId: 'T-2',
        customerId: null,
        seq: 11,
        ts: new Date('2025-01-16T09:05:00Z'),
        step: 'Resolved',
        team: 'N1',
        agent: 'erin',
      }),
      observation({
        caseId: 'T-3',
        seq: 12,
        ts: new Date('2025-01-20T07:00:00Z'),
        step: 'New',
        channel: 'chat',
        category: 'billing',
      }),
      observation({
        caseId: 'T-3',
        seq: 13,
        ts: new Date('2025-01-20T07:10:00Z'),
        step: 'New',
        team: 'N3',
        agent: 'frank',
      }),
    ]);
  });

  it('without timestampFormat reads day first, so month-first dates are refused naming the column', async () => {
    const dayFirst = { ...HELPDESK_MAPPING, timestampFormat: undefined };
    const all = await outputs(createReadStream(fixture('ok/eventlog-helpdesk.csv')), dayFirst, 'Europe/Paris');
    expect(observations(all)).toEqual([]);
    expect(errors(all)).toHaveLength(13);
    expect(errors(all)[0]).toEqual({
      line: 2,
      field: 'When',
      message:
        'When "01/13/2025 11:00" is not a valid date: you specified 13 (of type number) as a month, which is invalid',
    });
  });

  it('rejects bad rows with line, field (the file column) and message, and reads on', async () => {
    const text = [
      'id,client,at,act,grp,score,top',
      ',secret-customer,2025-01-06 09:00,New,N1,,', //           2: empty case id
      'C1,secret-customer,2025-02-30 09:00,New,N1,,', //         3: impossible date
      'C1,secret-customer,,New,N1,,', //                         4: empty timestamp
      'C1,secret-customer,2025-01-06 09:00, ,N1,,', //           5: empty step
      'C1,secret-customer,2025-01-06 09:00,New,N1,6,', //        6: 6 > default scale 5
      'C1,secret-customer,2025-01-06 09:00,New,N1,9,10', //      7: fine, 9 of 10
      'C1,secret-customer,2025-01-06 09:00,New,N1,3,1', //       8: a scale of 1
      'C1,secret-customer,2025-01-06 09:00,New,N1,4.5,', //      9: not an integer
      'C1,secret-customer,2025-01-06 09:00', //                 10: ragged
      'C1,secret-customer,2025-01-06 09:00,New,N1,,x', //       11: fine: no answer, so the scale is not read
      'C1,secret-customer,06/01/2025 9:05,New,,,', //           12: fine: day first by default
    ].join('\n');
    const mapping = {
      caseId: 'id',
      customer: 'client',
      timestamp: 'at',
      step: 'act',
      team: 'grp',
      csat: 'score',
      csatScale: 'top',
    };
    const all = await outputs(csv(text), mapping);
    expect(errors(all)).toEqual<RowError[]>([
      { line: 2, field: 'id', message: 'id (the case id) is empty' },
      {
        line: 3,
        field: 'at',
        message:
          'at "2025-02-30 09:00" is not a valid date: you specified 30 (of type number) as a day, which is invalid',
      },
      { line: 4, field: 'at', message: 'at (the timestamp) is empty' },
      { line: 5, field: 'act', message: 'act (the step) is empty' },
      { line: 6, field: 'score', message: 'score "6" is out of range: expected an integer from 1 to 5' },
      { line: 8, field: 'top', message: 'top "1" is not an integer of 2 or more' },
      { line: 9, field: 'score', message: 'score "4.5" is out of range: expected an integer from 1 to 5' },
      { line: 10, field: null, message: 'the row has 3 fields but the header has 7' },
    ]);
    expect(
      all.flatMap((o) =>
        o.kind === 'observation' ? [[o.line, o.observation.seq, o.observation.csat, o.observation.csatScale]] : [],
      ),
    ).toEqual([
      [7, 6, 9, 10],
      [11, 10, null, null],
      [12, 11, null, null],
    ]);
    expect(observations(all)[2].ts.toISOString()).toBe('2025-01-06T09:05:00.000Z');
    expect(JSON.stringify(errors(all))).not.toContain('secret-customer');
  });

  it('joins the non-empty parts of a step given as several columns; all empty is a rejected row', async () => {
    const text = [
      'case,ts,activity,lifecycle',
      'A,2025-01-06 09:00,Resolve,complete',
      'A,2025-01-06 09:01,Resolve,',
      'A,2025-01-06 09:02,,',
    ].join('\n');
    const all = await outputs(csv(text), { caseId: 'case', timestamp: 'ts', step: ['activity', 'lifecycle'] });
    expect(observations(all).map((o) => o.step)).toEqual(['Resolve / complete', 'Resolve']);
    expect(errors(all)).toEqual([
      { line: 4, field: 'activity', message: 'activity, lifecycle (the step) are all empty' },
    ]);
  });

  describe('refuses the whole file before reading a row', () => {
    const read = async (text: string, mapping: unknown) => {
      const source = await openRecords(csv(text));
      const close = jest.spyOn(source, 'close');
      let error: unknown;
      try {
        eventlogAdapter.read(source, { timeZone: 'UTC', mapping });
      } catch (caught) {
        error = caught;
      }
      expect(close).toHaveBeenCalled();
      return error as ImportFileError;
    };

    it('without a mapping: INVALID_MAPPING', async () => {
      const error = await read('a,b,c\n1,2,3\n', undefined);
      expect(error).toMatchObject({ code: ImportFileErrorCode.INVALID_MAPPING });
    });

    it('when mapped columns are missing: MISSING_COLUMNS listing the mapped and the found columns', async () => {
      const error = await read('Case ID,Activity,Timestamp\n1,a,2025-01-06\n', {
        caseId: 'Case ID',
        timestamp: 'Complete Timestamp',
        step: ['Activity', 'Lifecycle'],
        team: 'Resource',
      });
      expect(error).toBeInstanceOf(ImportFileError);
      expect(error.code).toBe(ImportFileErrorCode.MISSING_COLUMNS);
      expect(error.message).toBe(
        'Missing mapped columns Complete Timestamp, Lifecycle, Resource. ' +
          'Expected (from the mapping): Case ID, Complete Timestamp, Activity, Lifecycle, Resource. Found: Case ID, Activity, Timestamp.',
      );
    });

    it('when a mapped column is repeated: DUPLICATE_COLUMNS, naming the de-duplicated names to map instead', async () => {
      const header = 'Case ID,Activity,Time,Variant,Variant';
      const error = await read(`${header}\n1,a,2025-01-06,x,y\n`, {
        caseId: 'Case ID',
        timestamp: 'Time',
        step: 'Variant',
      });
      expect(error.code).toBe(ImportFileErrorCode.DUPLICATE_COLUMNS);
      expect(error.message).toMatch(/^Mapped column Variant \(read as Variant, Variant_2\) appears more than once/);
      // …and mapping the second one by that name works.
      const all = await outputs(csv(`${header}\n1,a,2025-01-06,x,y\n`), {
        caseId: 'Case ID',
        timestamp: 'Time',
        step: 'Variant_2',
      });
      expect(observations(all).map((o) => o.step)).toEqual(['y']);
    });
  });

  it('reads xes-smoke/running-example.csv (pm4py export, unnamed index column, offsets): 42 rows, 6 cases', async () => {
    const mapping = {
      caseId: 'case:concept:name',
      timestamp: 'time:timestamp',
      step: 'concept:name',
      agent: 'org:resource',
    };
    const all = await outputs(createReadStream(XES_SMOKE_CSV), mapping, 'Europe/Paris');
    expect(errors(all)).toEqual([]);
    const rows = observations(all);
    expect(rows).toHaveLength(42);
    expect(new Set(rows.map((o) => o.caseId)).size).toBe(6);
    // `0,register request,Pete,2010-12-30 14:32:00+01:00,…,3,…`: the offset wins over the import's zone.
    expect(rows[0]).toEqual(
      observation({
        caseId: '3',
        customerId: null,
        seq: 1,
        ts: new Date('2010-12-30T13:32:00Z'),
        step: 'register request',
        agent: 'Pete',
      }),
    );
  });
});
