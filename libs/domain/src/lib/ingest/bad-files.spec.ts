import { createReadStream, readdirSync } from 'node:fs';
import path from 'node:path';
import type { RowError } from './adapter';
import { ImportFileError, ImportFileErrorCode } from './import-file-error';
import { getAdapter, IMPORT_FORMATS } from './registry';
import { openRecords, type OpenRecordsOptions } from './source/open-records';

/**
 * The corpus of bad files (issue "Imports"): every file of __fixtures__/not-ok, read the way an import reads it
 * (openRecords → canonical adapter), with the exact outcome an admin sees. A file that cannot be read fails as a
 * whole (ImportFileError: code, message, line); a bad row is rejected ({ line, field, message }) and the rest of
 * the file is read.
 */
const fixture = (name: string) => path.join(__dirname, '__fixtures__', 'not-ok', name);

const EXPECTED_COLUMNS =
  'Expected: case_id, customer_id, ts, event, step, team, agent, channel, category, csat ' +
  '(optional: direction, csat_scale).';
const EVENTS = 'created, assigned, status_changed, reopened, contact, survey';

interface FileFailure {
  code: ImportFileErrorCode;
  message: string;
  line: number | null;
  /** Rows read (as events) before the failure: a failure midway comes after the records that precede it. */
  eventsBefore?: number;
}

interface RowFailures {
  rejected: RowError[];
  /** Rows of the file that are fine and still become events. */
  events: number;
}

interface Case {
  /** Options of openRecords (small limits stand for the real ones where the fixture would otherwise be huge). */
  options?: OpenRecordsOptions & { chunkBytes?: number };
  expected: FileFailure | RowFailures;
}

/** Reads a fixture to the end through openRecords and the canonical adapter, as ImportRunner does. */
async function importFile(name: string, { chunkBytes, ...options }: Case['options'] = {}) {
  const outcome = { error: undefined as unknown, events: 0, rejected: [] as RowError[] };
  try {
    const source = await openRecords(createReadStream(fixture(name), { highWaterMark: chunkBytes }), options);
    const adapter = getAdapter('canonical');
    if (!adapter || adapter.input === 'bytes') throw new Error('no canonical CSV adapter');
    for await (const output of adapter.read(source, { timeZone: 'Europe/Paris' })) {
      if (output.kind === 'rejected') outcome.rejected.push(output.error);
      else outcome.events++;
    }
  } catch (error) {
    outcome.error = error;
  }
  return outcome;
}

const CORPUS: [string, Case][] = [
  // ---- the file as a whole cannot be read
  [
    'empty.csv',
    { expected: { code: ImportFileErrorCode.EMPTY, message: 'The file is empty: it has no header line.', line: null } },
  ],
  [
    'header-only.csv',
    {
      expected: {
        code: ImportFileErrorCode.EMPTY,
        message: 'The file has a header but no data rows: there is nothing to import.',
        line: null,
      },
    },
  ],
  [
    'binary.bin',
    {
      expected: {
        code: ImportFileErrorCode.BINARY,
        message: 'The file is binary (it contains NUL bytes in its first 20 bytes), not a CSV export.',
        line: null,
      },
    },
  ],
  [
    'not-csv.json',
    {
      expected: { code: ImportFileErrorCode.NOT_CSV, message: 'The file looks like JSON, not a CSV export.', line: 1 },
    },
  ],
  [
    'truncated.csv.gz',
    {
      expected: {
        code: ImportFileErrorCode.CORRUPT_GZIP,
        message: 'The gzip data is corrupt or truncated (unexpected end of file).',
        line: null,
      },
    },
  ],
  [
    // UTF-8 in the sniffed start (the first 128 bytes here), Latin-1 "Hélène" on line 4. The decoder fails the
    // stream at once: line 2 was read, line 3 was parsed from the same chunk as the bad bytes and is lost.
    'utf8-then-latin1.csv',
    {
      options: { sampleBytes: 64, chunkBytes: 64 },
      expected: {
        code: ImportFileErrorCode.ENCODING,
        message:
          'The file is not valid UTF-8: an invalid byte sequence lies between bytes 192 and 256 (uncompressed). ' +
          'Its start was read as UTF-8; save the whole file in one encoding, UTF-8 preferably.',
        line: null,
        eventsBefore: 1,
      },
    },
  ],
  [
    // Wrong delimiter: every line quoted as a whole (a CSV saved inside a CSV), so ';' splits nothing.
    'wrong-delimiter-quoted-lines.csv',
    {
      expected: {
        code: ImportFileErrorCode.MISSING_COLUMNS,
        message:
          'Missing columns case_id, customer_id, ts, event, step, team, agent, channel, category, csat. ' +
          `${EXPECTED_COLUMNS} Found: case_id;customer_id;ts;event;step;team;agent;channel;category;csat.`,
        line: null,
      },
    },
  ],
  [
    // Wrong delimiter in one place: "customer_id;ts" is one column for a comma-separated file.
    'wrong-delimiter-mixed.csv',
    {
      expected: {
        code: ImportFileErrorCode.MISSING_COLUMNS,
        message:
          `Missing columns customer_id, ts. ${EXPECTED_COLUMNS} ` +
          'Found: case_id, customer_id;ts, event, step, team, agent, channel, category, csat.',
        line: null,
      },
    },
  ],
  [
    // Wrong columns: channel and csat are absent.
    'missing-columns.csv',
    {
      expected: {
        code: ImportFileErrorCode.MISSING_COLUMNS,
        message:
          `Missing columns channel, csat. ${EXPECTED_COLUMNS} ` +
          'Found: case_id, customer_id, ts, event, step, team, agent, category.',
        line: null,
      },
    },
  ],
  [
    'duplicate-columns.csv',
    {
      expected: {
        code: ImportFileErrorCode.DUPLICATE_COLUMNS,
        message:
          'Column ts appears more than once: which one holds the value is ambiguous. ' +
          'Found: case_id, customer_id, ts, event, step, team, agent, channel, category, csat, ts.',
        line: null,
      },
    },
  ],
  // ---- the file breaks midway: the rows before the break are read, then the whole file fails
  [
    'unclosed-quote.csv',
    {
      expected: {
        code: ImportFileErrorCode.MALFORMED_CSV,
        message: 'A quoted field in the record starting at line 3 is never closed (the file ends inside quotes).',
        line: 3,
        eventsBefore: 1,
      },
    },
  ],
  [
    // Line 3 is 418 characters long; 256 stands for the default limit of 1 MiB.
    'long-line.csv',
    {
      options: { maxRecordSize: 256 },
      expected: {
        code: ImportFileErrorCode.MALFORMED_CSV,
        message: 'Line 3 is longer than 256 characters: too long for a row of an export.',
        line: 3,
        eventsBefore: 1,
      },
    },
  ],
  // ---- bad rows: rejected one by one, the other rows are read
  [
    'invalid-date.csv',
    {
      expected: {
        events: 1,
        rejected: [
          {
            line: 3,
            field: 'ts',
            message:
              'ts "31/02/2025 10:00" is not a valid date: you specified 31 (of type number) as a day, which is invalid',
          },
          {
            line: 4,
            field: 'ts',
            message:
              'ts "yesterday" is not a recognised timestamp (expected ISO-8601 such as 2024-01-23T13:26:08+01:00, ' +
              'yyyy-mm-dd HH:MM:SS, yyyy/mm/dd HH:MM:SS, dd/mm/yyyy HH:MM or dd-mm-yyyy HH:MM)',
          },
          { line: 5, field: 'ts', message: 'ts is empty' },
        ],
      },
    },
  ],
  [
    'unknown-event.csv',
    {
      expected: {
        events: 0,
        rejected: [
          { line: 2, field: 'event', message: `event "closed" is not one of ${EVENTS}` },
          { line: 3, field: 'event', message: `event is empty (one of ${EVENTS})` },
        ],
      },
    },
  ],
  [
    'ragged-row.csv',
    {
      expected: {
        events: 0,
        rejected: [
          { line: 2, field: null, message: 'the row has 9 fields but the header has 10' },
          { line: 3, field: null, message: 'the row has 11 fields but the header has 10' },
        ],
      },
    },
  ],
  [
    'empty-case-id.csv',
    { expected: { events: 0, rejected: [{ line: 2, field: 'case_id', message: 'case_id is empty' }] } },
  ],
  [
    'bad-direction.csv',
    {
      expected: {
        events: 0,
        rejected: [
          { line: 2, field: 'direction', message: 'direction is only allowed on contact events, not on assigned' },
          { line: 3, field: 'direction', message: 'direction "incoming" is not one of inbound, outbound' },
        ],
      },
    },
  ],
  [
    'bad-csat-scale.csv',
    {
      expected: {
        events: 0,
        rejected: [
          { line: 2, field: 'csat_scale', message: 'csat_scale "1" is not an integer of 2 or more' },
          { line: 3, field: 'csat_scale', message: 'csat_scale "five" is not an integer of 2 or more' },
        ],
      },
    },
  ],
  [
    'csat-misplaced.csv',
    {
      expected: {
        events: 0,
        rejected: [
          { line: 2, field: 'csat', message: 'csat is only allowed on survey events, not on created' },
          { line: 3, field: 'csat', message: 'csat is empty: a survey event needs an answer' },
        ],
      },
    },
  ],
  [
    'csat-out-of-range.csv',
    {
      expected: {
        events: 0,
        rejected: [
          { line: 2, field: 'csat', message: 'csat "6" is out of range: expected an integer from 1 to 5' },
          { line: 3, field: 'csat', message: 'csat "0" is out of range: expected an integer from 1 to 5' },
          { line: 4, field: 'csat', message: 'csat "4.5" is out of range: expected an integer from 1 to 5' },
          { line: 5, field: 'csat', message: 'csat "11" is out of range: expected an integer from 1 to 10' },
        ],
      },
    },
  ],
];

describe('the corpus of bad files (openRecords → canonical adapter)', () => {
  it('covers every file of __fixtures__/not-ok', () => {
    // Bad files of the other adapters are named after their format and tested by those adapters' specs.
    const otherFormats = IMPORT_FORMATS.filter((format) => format !== 'canonical');
    const canonicalFiles = readdirSync(fixture('.')).filter(
      (name) => !otherFormats.some((format) => name.startsWith(`${format}-`)),
    );
    expect(CORPUS.map(([name]) => name).sort()).toEqual(canonicalFiles.sort());
  });

  it.each(CORPUS)('%s', async (name, { options, expected }) => {
    const outcome = await importFile(name, options);
    if ('code' in expected) {
      expect(outcome.error).toBeInstanceOf(ImportFileError);
      const error = outcome.error as ImportFileError;
      expect(error.code).toBe(expected.code);
      expect(error.message).toBe(expected.message);
      expect(error.line).toBe(expected.line);
      expect(outcome.events).toBe(expected.eventsBefore ?? 0);
      expect(outcome.rejected).toEqual([]);
    } else {
      expect(outcome.error).toBeUndefined();
      expect(outcome.rejected).toEqual(expected.rejected);
      expect(outcome.events).toBe(expected.events);
    }
  });
});
