import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { openBytes } from './open-bytes';
import { openRecords, type OpenRecordsOptions } from './open-records';

/**
 * Hostile inputs that must stop early with an ImportFileError, never by exhausting memory or disk: every input is
 * generated lazily and counts the bytes it handed out, so each test asserts how little was read.
 */
const MB = 1024 * 1024;

/** Yields `chunk` up to `times` times, counting what the reader really pulled. */
function lazy(chunks: (i: number) => Buffer, times: number): { input: AsyncIterable<Buffer>; consumed: () => number } {
  let consumed = 0;
  async function* generate() {
    for (let i = 0; i < times; i++) {
      const chunk = chunks(i);
      consumed += chunk.length;
      yield chunk;
    }
  }
  return { input: generate(), consumed: () => consumed };
}

/** The ImportFileError opening or reading to the end fails with. */
async function csvFailure(input: AsyncIterable<Buffer>, options: OpenRecordsOptions): Promise<ImportFileError> {
  try {
    const source = await openRecords(input, options);
    for await (const record of source.records) void record;
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected the input to fail');
}

describe('gzip bomb', () => {
  // One gzip member of 64 MiB of CSV rows compresses to ~160 KB (400:1); gunzip reads concatenated members as one
  // stream, so 160 of them are 10 GiB inflated from ~26 MB, handed out on demand (zeros would compress better
  // but are refused as BINARY before any limit is reached).
  const rows = Buffer.from('C1,2025-01-06T10:00:00Z,created\n'.repeat(2 * MB)); // 32 bytes × 2 Mi = 64 MiB
  const member = gzipSync(rows, { level: 9 });
  const header = gzipSync('case_id,ts,event\n');
  const bomb = () => lazy((i) => (i === 0 ? header : member), 161);
  const limit = 1 * MB;

  it('is what the test claims: 10 GiB inflated from less than 30 MB', () => {
    expect(160 * rows.length).toBe(10 * 1024 * MB);
    expect(161 * member.length).toBeLessThan(30 * MB);
  });

  it('stops a CSV import with TOO_LARGE once the inflated size passes the limit, reading one member at most', async () => {
    const { input, consumed } = bomb();
    const error = await csvFailure(input, { maxInflatedBytes: limit });
    expect(error.code).toBe(ImportFileErrorCode.TOO_LARGE);
    expect(error.message).toMatch(/inflates to more than 1 MB/);
    // The header member and the first 64 MiB member; a few more at most through the stream buffers.
    expect(consumed()).toBeLessThanOrEqual(header.length + 3 * member.length);
  });

  it('stops a document the same way (openBytes)', async () => {
    const { input, consumed } = bomb();
    const source = await openBytes(input, { maxInflatedBytes: limit });
    let inflated = 0;
    const read = async () => {
      for await (const chunk of source.bytes) inflated += chunk.length;
    };
    await expect(read()).rejects.toMatchObject({ code: ImportFileErrorCode.TOO_LARGE });
    expect(inflated).toBeLessThanOrEqual(limit);
    expect(consumed()).toBeLessThanOrEqual(header.length + 3 * member.length);
  });

  it('reads a gzip under the limit whole', async () => {
    const { input } = lazy((i) => (i === 0 ? header : gzipSync('C1,2025-01-06T10:00:00Z,created\n')), 3);
    const source = await openRecords(input, { maxInflatedBytes: limit });
    let records = 0;
    for await (const record of source.records) records += record.record['case_id'] === 'C1' ? 1 : 0;
    // One header member, then two members of one row each.
    expect(records).toBe(2);
  });
});

describe('a 2 GB line', () => {
  const maxRecordSize = 1 * MB;
  const chunk = Buffer.alloc(64 * 1024, 'x');
  /** A header, then 2 GiB of one line (32,768 chunks of 64 KiB), never held in memory. */
  const endless = (start: string) =>
    lazy((i) => (i === 0 ? Buffer.from(`case_id,ts,event\n${start}`) : chunk), 32 * 1024 + 1);

  it.each([
    ['an unquoted line', 'C1,', /Line 2 is longer than 1048576 characters/],
    ['a quote never closed', 'C1,"', /starting at line 2 is longer than 1048576 characters: probably a quote/],
  ])('fails %s with MALFORMED_CSV at the record size limit, having read little more', async (_, start, message) => {
    const { input, consumed } = endless(start);
    const error = await csvFailure(input, { maxRecordSize });
    expect(error).toMatchObject({ code: ImportFileErrorCode.MALFORMED_CSV, line: 2 });
    expect(error.message).toMatch(message);
    // The record limit, the 64 KiB sniffing sample and the stream buffers between reader and parser.
    expect(consumed()).toBeGreaterThan(maxRecordSize);
    expect(consumed()).toBeLessThan(maxRecordSize + 1 * MB);
  });
});

describe('formula-like cells', () => {
  it('are read as the text they are, never evaluated or altered', async () => {
    const csv =
      'case_id,team,agent\nC1,=1+1,@SUM(A1:A9)\nC2,+33 6 00,-2+3\nC3,"=HYPERLINK(""http://x"")",=cmd|\' /C calc\'!A0\n';
    const source = await openRecords(Readable.from([Buffer.from(csv)]));
    const values: string[] = [];
    for await (const { record } of source.records) values.push(record['team'], record['agent']);
    expect(values).toEqual(['=1+1', '@SUM(A1:A9)', '+33 6 00', '-2+3', '=HYPERLINK("http://x")', "=cmd|' /C calc'!A0"]);
  });
});
