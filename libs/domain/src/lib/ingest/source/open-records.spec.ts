import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { openRecords, type OpenRecordsOptions, type RecordSource, type SourceRecord } from './open-records';

const fixture = (name: string) => path.join(__dirname, '..', '__fixtures__', name);
const open = (name: string) => createReadStream(fixture(name));

async function* chunked(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readAll(source: RecordSource): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of source.records) records.push(record);
  return records;
}

const text = (content: string) => Readable.from([Buffer.from(content, 'utf8')]);

/** The error thrown by opening, or else by reading, the input; with the records read before it. */
async function failure(input: AsyncIterable<Uint8Array>, options?: OpenRecordsOptions) {
  const lines: number[] = [];
  try {
    const source = await openRecords(input, options);
    for await (const { line } of source.records) lines.push(line);
  } catch (error) {
    return { error, lines };
  }
  throw new Error('expected the input to fail');
}

describe('openRecords', () => {
  it('reads UTF-8 with a BOM and semicolons: the BOM is not part of the first column name', async () => {
    const source = await openRecords(open('ok/utf8-bom-semicolon.csv'));
    expect(source).toMatchObject({ encoding: 'utf-8', delimiter: ';', compression: null });
    expect(source.header.slice(0, 3)).toEqual(['case_id', 'customer_id', 'ts']);
    const records = await readAll(source);
    expect(records.map(({ line, index }) => [line, index])).toEqual([
      [2, 1],
      [3, 2],
    ]);
    expect(records[1].record).toMatchObject({ case_id: 'C-10', team: 'Équipe Réseau', agent: 'Zoé', csat: '' });
    expect(records[0].record['category']).toBe('réclamation');
  });

  it('reads Windows-1252 / Latin-1 bytes when the start is not valid UTF-8', async () => {
    const source = await openRecords(open('ok/latin1.csv'));
    expect(source).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    const [created, assigned] = await readAll(source);
    expect(created.record).toMatchObject({
      team: 'Équipe Façade',
      channel: 'téléphone',
      category: 'remboursement 50 €',
    });
    expect(assigned.record).toMatchObject({ agent: 'Hélène', category: 'l’accueil', ts: '03/03/2025 09:15' });
    expect(assigned.line).toBe(3);
  });

  describe('line numbers of quoted fields with line breaks (CRLF between records, CRLF and LF inside)', () => {
    const expected = [
      { line: 2, index: 1, category: 'Printer\r\nout of toner' },
      { line: 5, index: 2, category: 'first\nsecond\nthird' }, // line 4 is blank
      { line: 8, index: 3, category: 'a "quoted" word' },
    ];
    const summary = (records: SourceRecord[]) =>
      records.map(({ line, index, record }) => ({ line, index, category: record['category'] }));

    it('from a file stream', async () => {
      expect(summary(await readAll(await openRecords(open('ok/multiline-quoted.csv'))))).toEqual(expected);
    });

    it.each([1, 2, 3, 7])('whatever the chunk boundaries (%i-byte chunks)', async (size) => {
      const source = await openRecords(chunked(readFileSync(fixture('ok/multiline-quoted.csv')), size));
      expect(summary(await readAll(source))).toEqual(expected);
    });
  });

  it.each([1, 5, 4096])('recognises gzip by its magic bytes, not a file name (%i-byte chunks)', async (size) => {
    const gzipped = gzipSync(readFileSync(fixture('ok/canonical.csv')));
    const source = await openRecords(chunked(gzipped, size));
    expect(source).toMatchObject({ compression: 'gzip', encoding: 'utf-8', delimiter: ',' });
    const records = await readAll(source);
    expect(records.map(({ line }) => line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(records[6].record).toMatchObject({ team: 'Support, Paris', category: 'bug "urgent"' });
  });

  it('de-duplicates repeated column names and keeps the original ones', async () => {
    const source = await openRecords(
      text('Case ID, Variant ,Variant index,Variant\nCase 1,Variant 12,12,Variant 13\n'),
    );
    expect(source.header).toEqual(['Case ID', 'Variant', 'Variant index', 'Variant_2']);
    expect(source.originalHeader).toEqual(['Case ID', 'Variant', 'Variant index', 'Variant']);
    const [row] = await readAll(source);
    expect(row.record).toEqual({
      'Case ID': 'Case 1',
      Variant: 'Variant 12',
      'Variant index': '12',
      Variant_2: 'Variant 13',
    });
  });

  it('skips blank lines and blank records but keeps counting their lines', async () => {
    const source = await openRecords(text('\n\na\tb\n1\t2\n\t\n  \t \n\n3\t4'));
    expect(source.delimiter).toBe('\t');
    const records = await readAll(source);
    expect(records.map(({ line, index, record }) => [line, index, record['b']])).toEqual([
      [4, 1, '2'],
      [8, 2, '4'],
    ]);
  });

  it('reports ragged rows through fieldCount, padding missing trailing values with ""', async () => {
    const records = await readAll(await openRecords(text('a|b|c\n1|2\n1|2|3|4\n')));
    expect(records.map(({ fieldCount, record }) => [fieldCount, record])).toEqual([
      [2, { a: '1', b: '2', c: '' }],
      [4, { a: '1', b: '2', c: '3' }],
    ]);
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text")', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('team\tagent\r\nÉquipe\tZoé\r\n', 'utf16le')]);
    const source = await openRecords(chunked(bytes, 3));
    expect(source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', header: ['team', 'agent'] });
    expect((await readAll(source)).map(({ line, record }) => [line, record])).toEqual([
      [2, { team: 'Équipe', agent: 'Zoé' }],
    ]);
  });

  it('streams: it reads the first records of an endless input', async () => {
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from('case_id,ts\n');
      for (let i = 1; ; i++) yield Buffer.from(`C-${i},2025-01-06T09:00:00Z\n`);
    }
    const source = await openRecords(endless());
    const seen: string[] = [];
    for await (const { record } of source.records) {
      seen.push(record['case_id']);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['C-1', 'C-2', 'C-3']);
  });

  it('releases the input when the reader stops early or closes without reading', async () => {
    const stopped = Readable.from(chunked(readFileSync(fixture('ok/canonical.csv')), 16));
    const source = await openRecords(stopped);
    for await (const record of source.records) if (record.index === 1) break;
    expect(stopped.destroyed).toBe(true);

    const unread = open('ok/canonical.csv');
    await (await openRecords(unread)).close();
    expect(unread.destroyed).toBe(true);
  });

  describe('unreadable files', () => {
    const code = (error: unknown) => (error as ImportFileError).code;

    it.each([
      ['not-ok/empty.csv', ImportFileErrorCode.EMPTY, 'The file is empty: it has no header line.'],
      [
        'not-ok/binary.bin',
        ImportFileErrorCode.BINARY,
        'The file is binary (it contains NUL bytes in its first 20 bytes), not a CSV export.',
      ],
      ['not-ok/not-csv.json', ImportFileErrorCode.NOT_CSV, 'The file looks like JSON, not a CSV export.'],
      [
        'not-ok/header-only.csv',
        ImportFileErrorCode.EMPTY,
        'The file has a header but no data rows: there is nothing to import.',
      ],
    ])('%s → %s', async (name, expectedCode, message) => {
      const input = open(name);
      const { error } = await failure(input);
      expect(error).toBeInstanceOf(ImportFileError);
      expect(error).toMatchObject({ code: expectedCode, message });
      expect(input.destroyed).toBe(true);
    });

    it.each([
      ['blank lines only', Buffer.from(' \r\n\r\n\t\n')],
      ['a BOM only', Buffer.from([0xef, 0xbb, 0xbf])],
      ['an empty gzip', gzipSync(Buffer.alloc(0))],
    ])('%s → EMPTY', async (_, bytes) => {
      expect(code((await failure(chunked(bytes, 4))).error)).toBe(ImportFileErrorCode.EMPTY);
    });

    it('a header followed by blank lines and blank records only → EMPTY, at open', async () => {
      const { error, lines } = await failure(chunked(Buffer.from('case_id;team\r\n\r\n;\r\n  ; \r\n'), 3));
      expect(lines).toEqual([]);
      expect(error).toMatchObject({
        code: ImportFileErrorCode.EMPTY,
        message: 'The file has a header but no data rows: there is nothing to import.',
        line: null,
      });
    });

    it('a header of separators only → NOT_CSV', async () => {
      const { error } = await failure(text(',,,\n1,2,3,4\n'));
      expect(error).toMatchObject({
        code: ImportFileErrorCode.NOT_CSV,
        message: 'The header line has no column names.',
      });
    });

    it('a quote never closed → MALFORMED_CSV at the line where the record starts, after the good records', async () => {
      const { error, lines } = await failure(open('not-ok/unclosed-quote.csv'));
      expect(lines).toEqual([2]);
      expect(error).toMatchObject({
        code: ImportFileErrorCode.MALFORMED_CSV,
        line: 3,
        message: 'A quoted field in the record starting at line 3 is never closed (the file ends inside quotes).',
      });
    });

    it('a record longer than maxRecordSize → MALFORMED_CSV, without buffering the rest of the file', async () => {
      const { error } = await failure(open('not-ok/unclosed-quote.csv'), { maxRecordSize: 100 });
      expect(error).toMatchObject({
        code: ImportFileErrorCode.MALFORMED_CSV,
        line: 3,
        message: 'The record starting at line 3 is longer than 100 characters: probably a quote that is never closed.',
      });
    });

    it('a line over the default 1 MiB without any quote → MALFORMED_CSV naming the line, not a quote', async () => {
      const long = `C-2,${'x'.repeat(1024 * 1024)}\n`;
      const { error, lines } = await failure(chunked(Buffer.from(`case_id,team\nC-1,N1\n${long}C-3,N3\n`), 64 * 1024));
      expect(lines).toEqual([2]);
      expect(error).toMatchObject({
        code: ImportFileErrorCode.MALFORMED_CSV,
        line: 3,
        message: 'Line 3 is longer than 1048576 characters: too long for a row of an export.',
      });
    });

    it('truncated gzip → CORRUPT_GZIP, at open when the damage is in the sample', async () => {
      const gzipped = gzipSync(readFileSync(fixture('ok/canonical.csv')));
      const { error } = await failure(chunked(gzipped.subarray(0, gzipped.length - 12), 64));
      expect(error).toMatchObject({
        code: ImportFileErrorCode.CORRUPT_GZIP,
        message: 'The gzip data is corrupt or truncated (unexpected end of file).',
      });
    });

    it('truncated gzip → CORRUPT_GZIP, while reading when the damage is further on', async () => {
      const rows = Array.from({ length: 20_000 }, (_, i) => `C-${i},N${i % 7}\n`).join('');
      const gzipped = gzipSync(Buffer.from(`case_id,team\n${rows}`));
      const { error, lines } = await failure(chunked(gzipped.subarray(0, gzipped.length - 100), 1024));
      expect(code(error)).toBe(ImportFileErrorCode.CORRUPT_GZIP);
      expect(lines.length).toBeGreaterThan(1000);
      expect(lines.slice(0, 3)).toEqual([2, 3, 4]);
    });

    it('garbage after the gzip magic bytes → CORRUPT_GZIP', async () => {
      const { error } = await failure(chunked(Buffer.from([0x1f, 0x8b, 0x61, 0x2c, 0x62, 0x0a]), 2));
      expect(code(error)).toBe(ImportFileErrorCode.CORRUPT_GZIP);
    });

    it('invalid UTF-8 after a sample that chose UTF-8 → ENCODING, not U+FFFD', async () => {
      const bytes = Buffer.concat([
        Buffer.from('team,agent\nN1,ann\nN2,bob\n'),
        Buffer.from('N3,H\xe9l\xe8ne\n', 'latin1'),
      ]);
      // The decoder fails the stream at once: records parsed but not yet read are not delivered.
      const { error } = await failure(chunked(bytes, 8), { sampleBytes: 8 });
      expect(error).toMatchObject({
        code: ImportFileErrorCode.ENCODING,
        message:
          'The file is not valid UTF-8: an invalid byte sequence lies between bytes 24 and 32 (uncompressed). ' +
          'Its start was read as UTF-8; save the whole file in one encoding, UTF-8 preferably.',
      });
    });
  });
});
