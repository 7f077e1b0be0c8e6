import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { AdapterOutput, CsvImportAdapter, Observation } from '../adapter';
import { eventlogAdapter } from '../eventlog/eventlog-adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { openBytes } from '../source/open-bytes';
import { openRecords } from '../source/open-records';
import { xesAdapter } from './xes-adapter';
import { parseXesMapping } from './xes-mapping';

const fixture = (name: string) => path.join(__dirname, '..', '__fixtures__', name);
function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}
// Read in place, never copied (datasets/README.md).
const DATASETS = path.resolve(repoRoot(__dirname), '../shared/datasets');
const RUNNING_EXAMPLE = path.join(DATASETS, 'xes-smoke/running-example.xes');
const HELPDESK_XES = path.join(DATASETS, 'helpdesk-italian-4tu/helpdesk.xes.gz');
const HELPDESK_CSV = path.join(DATASETS, 'helpdesk-italian-4tu/finale.csv.gz');

async function outputs(
  input: AsyncIterable<Uint8Array>,
  mapping?: unknown,
  timeZone = 'UTC',
): Promise<AdapterOutput[]> {
  const all: AdapterOutput[] = [];
  for await (const output of xesAdapter.read(await openBytes(input), { timeZone, mapping })) all.push(output);
  return all;
}
// The registry types every adapter as the union ImportAdapter; eventlog reads records.
const csvAdapter = eventlogAdapter as CsvImportAdapter;
const xes = (text: string) => Readable.from([Buffer.from(text)]);
const observations = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'observation' ? [o.observation] : []));
const errors = (all: AdapterOutput[]) => all.flatMap((o) => (o.kind === 'rejected' ? [o.error] : []));

async function failure(input: AsyncIterable<Uint8Array>): Promise<ImportFileError> {
  try {
    await outputs(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('expected the document to be refused');
}

const observation = (fields: Partial<Observation>): Observation => ({
  caseId: 'T-1',
  customerId: 'cust-a',
  ts: new Date(0),
  seq: 0,
  step: 'New',
  team: null,
  agent: null,
  channel: 'email',
  category: null,
  csat: null,
  csatScale: null,
  ...fields,
});

const CUSTOMER_MAPPING = { customer: 'customer', channel: 'channel', category: 'category' };

describe('parseXesMapping', () => {
  it('defaults to the Organizational extension: team = org:group, agent = org:resource', () => {
    expect(parseXesMapping(undefined)).toEqual({
      team: 'org:group',
      agent: 'org:resource',
      customer: null,
      channel: null,
      category: null,
    });
  });

  it('overrides key by key; null stops reading a field', () => {
    expect(parseXesMapping({ team: ' org:resource ', agent: null })).toMatchObject({
      team: 'org:resource',
      agent: null,
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['an array', ['org:group'], /^The mapping must be a JSON object/],
    ['an unknown key', { caseId: 'concept:name' }, /^Unknown mapping key "caseId"; known keys: team, agent/],
    ['an empty key name', { team: ' ' }, /^mapping\.team must be an XES attribute key/],
    ['a number', { channel: 3 }, /^mapping\.channel must be an XES attribute key/],
  ])('refuses %s with INVALID_MAPPING', (_, mapping, message) => {
    expect(() => parseXesMapping(mapping)).toThrow(message);
    expect(() => parseXesMapping(mapping)).toThrow(ImportFileError);
  });
});

describe('xesAdapter', () => {
  it('reads ok/xes-journeys.xes: completed events only, direct attributes only, trace attributes as fallback', async () => {
    const all = await outputs(createReadStream(fixture('ok/xes-journeys.xes')), CUSTOMER_MAPPING, 'Europe/Paris');
    expect(errors(all)).toEqual([]);
    // Lines of the six <event> tags (grep -n); seq 2 is the `start` of Triage, skipped but counted.
    expect(all.map((o) => (o.kind === 'observation' ? o.line : -1))).toEqual([23, 35, 45, 56, 61]);
    expect(observations(all)).toEqual([
      // <global> defaults (team "default team") are not applied, and the <list> of the trace is not read.
      observation({ seq: 1, ts: new Date('2025-01-13T07:00:00Z'), team: 'N1', category: 'billing' }),
      // org:group nested inside org:resource is not the team.
      observation({ seq: 3, ts: new Date('2025-01-13T07:30:00Z'), step: 'Triage', team: 'N1', agent: 'alice' }),
      // Naive `2025-01-13 10:00:00` is read in Europe/Paris; the <container>'s org:group is not the team.
      observation({ seq: 4, ts: new Date('2025-01-13T09:00:00Z'), step: 'In progress', team: 'N2' }),
      // T-2 names itself (and its channel) after its events; the customer is an event attribute of seq 5 only.
      observation({
        caseId: 'T-2',
        customerId: 'cust-b',
        seq: 5,
        ts: new Date('2025-01-14T08:00:00Z'),
        channel: 'phone',
      }),
      observation({
        caseId: 'T-2',
        customerId: null,
        seq: 6,
        ts: new Date('2025-01-16T09:00:00Z'),
        step: 'Resolved',
        team: 'N1',
        agent: 'erin',
        channel: 'phone',
      }),
    ]);
  });

  it('without a mapping reads no customer, channel or category', async () => {
    const rows = observations(await outputs(createReadStream(fixture('ok/xes-journeys.xes'))));
    expect(rows.map((o) => [o.customerId, o.channel, o.category])).toEqual(Array(5).fill([null, null, null]));
  });

  it('rejects events it cannot read with the line of <event> and the attribute key, and reads on', async () => {
    const all = await outputs(createReadStream(fixture('not-ok/xes-bad-events.xes')));
    expect(errors(all)).toEqual([
      { line: 9, field: 'time:timestamp', message: 'time:timestamp (the timestamp) is missing' },
      {
        line: 12,
        field: 'time:timestamp',
        message:
          'time:timestamp "2025-02-30T08:00:00Z" is not a valid date: you specified 30 (of type number) as a day, which is invalid',
      },
      { line: 16, field: 'concept:name', message: 'concept:name (the activity) is missing' },
      { line: 19, field: 'concept:name', message: 'concept:name (the activity) is missing' },
      { line: 25, field: 'concept:name', message: 'its <trace> has no concept:name (the case id)' },
    ]);
    expect(observations(all).map((o) => [o.caseId, o.seq, o.step])).toEqual([
      ['B-1', 1, 'New'],
      ['B-3', 7, 'Done'],
    ]);
  });

  // saxes reports a doctype once it has read it whole: the line is that of its closing `]>`.
  it.each([
    ['not-ok/xes-xxe.xes', 4],
    ['not-ok/xes-billion-laughs.xes', 13],
  ])('refuses %s (a DOCTYPE) with MALFORMED_DOCUMENT, expanding nothing', async (name, line) => {
    const error = await failure(createReadStream(fixture(name)));
    expect(error).toMatchObject({ code: ImportFileErrorCode.MALFORMED_DOCUMENT, line });
    expect(error.message).toBe(
      'The document declares a DOCTYPE: XES has no DTD, and entity declarations (external files, entity expansion) are refused.',
    );
  });

  it('an undeclared entity reference is not expanded either: MALFORMED_DOCUMENT', async () => {
    const text = '<log><trace><string key="concept:name" value="&xxe;"/></trace></log>';
    const error = await failure(xes(text));
    expect(error.code).toBe(ImportFileErrorCode.MALFORMED_DOCUMENT);
    expect(error.message).toMatch(/^The XES document is not well-formed XML \(.*undefined entity/);
  });

  it('fails a truncated document with MALFORMED_DOCUMENT after the traces before the break', async () => {
    const read: AdapterOutput[] = [];
    const source = await openBytes(createReadStream(fixture('not-ok/xes-truncated.xes')));
    const error = await (async () => {
      try {
        for await (const output of xesAdapter.read(source, { timeZone: 'UTC' })) read.push(output);
      } catch (caught) {
        return caught as ImportFileError;
      }
      return undefined;
    })();
    expect(observations(read).map((o) => o.caseId)).toEqual(['C-1']);
    expect(error).toMatchObject({ code: ImportFileErrorCode.MALFORMED_DOCUMENT });
    expect(error?.message).toMatch(/^The XES document is not well-formed XML \(.*unclosed tag/);
  });

  it.each([
    ['not-ok/xes-not-a-log.xes', /^This is not an XES log: the root element is <cases>, not <log>\.$/],
    ['not-ok/missing-columns.csv', /^The XES document is not well-formed XML/],
  ])('refuses %s with MALFORMED_DOCUMENT', async (name, message) => {
    const error = await failure(createReadStream(fixture(name)));
    expect(error.code).toBe(ImportFileErrorCode.MALFORMED_DOCUMENT);
    expect(error.message).toMatch(message);
  });

  it('refuses bytes that are not UTF-8 with ENCODING', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('<log><trace><string key="concept:name" value="caf'),
      Buffer.from([0xe9]),
    ]);
    const error = await failure(Readable.from([latin1, Buffer.from('"/></trace></log>')]));
    expect(error.code).toBe(ImportFileErrorCode.ENCODING);
  });

  it('refuses a bad mapping before reading, closing the source', async () => {
    const source = await openBytes(createReadStream(fixture('ok/xes-journeys.xes')));
    const close = jest.spyOn(source, 'close');
    expect(() => xesAdapter.read(source, { timeZone: 'UTC', mapping: { group: 'org:group' } })).toThrow(
      expect.objectContaining({ code: ImportFileErrorCode.INVALID_MAPPING }),
    );
    expect(close).toHaveBeenCalled();
  });

  it('reads xes-smoke/running-example.xes: 42 events, 6 cases, the same rows as its pm4py CSV', async () => {
    const rows = observations(await outputs(createReadStream(RUNNING_EXAMPLE)));
    expect(rows).toHaveLength(42);
    expect(new Set(rows.map((o) => o.caseId)).size).toBe(6);
    // First <event> of trace "3": `register request` by Pete at 2010-12-30T14:32:00.000+01:00; no org:group.
    expect(rows[0]).toEqual({
      ...observation({ caseId: '3', customerId: null, channel: null }),
      seq: 1,
      ts: new Date('2010-12-30T13:32:00Z'),
      step: 'register request',
      agent: 'Pete',
    });
    // Mapped like the eventlog spec maps its CSV; both files list the 42 events in the same order.
    const csv: Observation[] = [];
    const mapping = {
      caseId: 'case:concept:name',
      timestamp: 'time:timestamp',
      step: 'concept:name',
      agent: 'org:resource',
    };
    const records = await openRecords(createReadStream(path.join(DATASETS, 'xes-smoke/running-example.csv')));
    for await (const output of csvAdapter.read(records, { timeZone: 'UTC', mapping })) {
      if (output.kind === 'observation') csv.push(output.observation);
    }
    expect(rows).toEqual(csv);
  });

  it('reads helpdesk.xes.gz like the eventlog adapter reads finale.csv.gz: 21,348 events, 4,580 cases', async () => {
    const fromXes = observations(await outputs(createReadStream(HELPDESK_XES), { team: 'org:resource' }));
    const fromCsv: Observation[] = [];
    const mapping = { caseId: 'Case ID', timestamp: 'Complete Timestamp', step: 'Activity', team: 'Resource' };
    const records = await openRecords(createReadStream(HELPDESK_CSV));
    for await (const output of csvAdapter.read(records, { timeZone: 'UTC', mapping })) {
      expect(output.kind).toBe('observation');
      if (output.kind === 'observation') fromCsv.push(output.observation);
    }
    expect(fromXes).toHaveLength(21348);
    expect(new Set(fromXes.map((o) => o.caseId)).size).toBe(4580);
    // The XES lists traces in text order (Case 1, Case 10, Case 100…), the CSV in number order (Case 1, Case 2…);
    // inside a case both keep the same event order. Sorting by case id (stable) lines them up.
    const key = ({ caseId, ts, step, team }: Observation) => `${caseId}|${ts.toISOString()}|${step}|${team}`;
    const byCase = (rows: Observation[]) =>
      rows.map(key).sort((a, b) => {
        const [caseA, caseB] = [a.slice(0, a.indexOf('|')), b.slice(0, b.indexOf('|'))];
        return caseA < caseB ? -1 : caseA > caseB ? 1 : 0;
      });
    expect(byCase(fromXes)).toEqual(byCase(fromCsv));
  }, 60_000);
});
