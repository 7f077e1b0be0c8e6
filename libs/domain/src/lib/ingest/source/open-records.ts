import { CsvError, parse } from 'csv-parse';
import { decodeStream } from 'iconv-lite';
import { pipeline, Transform, type Readable } from 'node:stream';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { peek, strictUtf8Decoder } from './byte-streams';
import { normaliseHeader } from './header';
import { DEFAULT_MAX_INFLATED_BYTES, gunzipWithin } from './inflate';
import {
  assertNotBinary,
  decodeSample,
  detectDelimiter,
  detectEncoding,
  isGzip,
  type Delimiter,
  type SourceEncoding,
} from './sniff';

export interface SourceRecord {
  /** Physical line (1-based) where the record starts in the uncompressed file; the header is line 1. */
  line: number;
  /** Position among the data records, 1-based, in file order (blank records are skipped and not counted). */
  index: number;
  /** Raw (untrimmed) values by header name; a short row gets '' for its missing trailing columns. */
  record: Record<string, string>;
  /** Fields the row really has; differs from `header.length` for a ragged row (adapters decide). */
  fieldCount: number;
}

export interface RecordSource {
  /** Column names, trimmed and de-duplicated (see normaliseHeader): the keys of every record. */
  header: string[];
  /** Column names, trimmed, as in the file (may repeat). */
  originalHeader: string[];
  encoding: SourceEncoding;
  delimiter: Delimiter;
  compression: 'gzip' | null;
  /** Single use. Throws ImportFileError (ENCODING, CORRUPT_GZIP, MALFORMED_CSV) when the file breaks midway. */
  records: AsyncIterable<SourceRecord>;
  /** Stops reading and releases the input; needed only when `records` is not iterated to its end. */
  close(): Promise<void>;
}

export interface OpenRecordsOptions {
  /** Bytes (uncompressed) inspected for binary content, encoding and delimiter. */
  sampleBytes?: number;
  /** A record longer than this (in characters) fails the file: usually a quote that is never closed. */
  maxRecordSize?: number;
  /** A gzip input fails with TOO_LARGE once it has inflated to more than this many bytes. */
  maxInflatedBytes?: number;
}

const DEFAULT_SAMPLE_BYTES = 64 * 1024;
const MAX_HEADER_BYTES = 1024 * 1024;
const DEFAULT_MAX_RECORD_SIZE = 1024 * 1024;

interface ParsedRow {
  record: string[];
  raw: string;
}

const countLineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
const ignore = () => undefined;

/** `raw` is the text csv-parse had buffered for the failing record (never quoted in the message). */
function malformed(error: CsvError, raw: string, line: number, maxRecordSize: number): ImportFileError {
  // csv-parse messages quote cell contents, which may be personal data: only its code is kept.
  const where = `the record starting at line ${line}`;
  const message =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `A quoted field in ${where} is never closed (the file ends inside quotes).`
      : error.code === 'CSV_INVALID_CLOSING_QUOTE'
        ? `A closing quote in ${where} is followed by other characters: quotes inside a quoted field must be doubled.`
        : error.code === 'CSV_MAX_RECORD_SIZE'
          ? raw.includes('"')
            ? `${where[0].toUpperCase()}${where.slice(1)} is longer than ${maxRecordSize} characters: probably a quote that is never closed.`
            : `Line ${line} is longer than ${maxRecordSize} characters: too long for a row of an export.`
          : `The CSV is malformed in ${where} (${error.code}).`;
  return new ImportFileError(ImportFileErrorCode.MALFORMED_CSV, message, line);
}

function toImportFileError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new ImportFileError(
      ImportFileErrorCode.CORRUPT_GZIP,
      `The gzip data is corrupt or truncated (${(error as Error).message}).`,
    );
  }
  return error;
}

/**
 * Passes text to the parser until `failed()` holds, then ends the parser's input and stops pulling: csv-parse skips
 * a bad record and parses on, so an endless line (or a quote never closed) would otherwise be read to its end.
 */
function untilFailure(failed: () => boolean): Transform {
  let ended = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!failed()) return callback(null, chunk);
      // The callback is never called: nothing more is read; close() tears the stalled pipeline down.
      if (!ended) this.push(null);
      ended = true;
    },
  });
}

function toRecord(header: readonly string[], values: readonly string[]): Record<string, string> {
  // No prototype: a column named `constructor` or `__proto__` is an ordinary key.
  const record: Record<string, string> = Object.create(null);
  header.forEach((name, i) => (record[name] = values[i] ?? ''));
  return record;
}

/**
 * Opens an export as a stream of keyed records. The caller opens the file and passes its raw bytes; gzip is
 * recognised by its magic bytes, then encoding and delimiter are sniffed on the first `sampleBytes` (see
 * detectEncoding, detectDelimiter) and the rest is streamed through csv-parse, so memory stays bounded by the
 * sample and the longest record. Resolves once the header and the first data record are read; an unreadable
 * start rejects with ImportFileError (EMPTY — no header, or a header but no data rows —, BINARY, NOT_CSV,
 * ENCODING, CORRUPT_GZIP, MALFORMED_CSV).
 */
export async function openRecords(
  input: AsyncIterable<Uint8Array>,
  options: OpenRecordsOptions = {},
): Promise<RecordSource> {
  const sampleBytes = options.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
  const maxRecordSize = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
  const raw = input[Symbol.asyncIterator]();
  let gunzip: Readable | undefined;
  let rows: AsyncIterator<ParsedRow> | undefined;
  let nextLine = 1;
  let rowsRead = 0;
  /** A CSV error is reported in order, once the records before it are read: streams would drop them. */
  let csvFailure: { error: CsvError; raw: string; rowsBefore: number } | undefined;

  const close = async () => {
    await rows?.return?.();
    gunzip?.destroy();
    await raw.return?.();
  };
  const nextRow = async (): Promise<ParsedRow | undefined> => {
    let next: IteratorResult<ParsedRow>;
    try {
      next = await (rows as AsyncIterator<ParsedRow>).next();
    } catch (error) {
      throw toImportFileError(error);
    }
    if (csvFailure && rowsRead >= csvFailure.rowsBefore) {
      const line = nextLine + countLineBreaks(/^[\r\n]*/.exec(csvFailure.raw)?.[0] ?? '');
      throw malformed(csvFailure.error, csvFailure.raw, line, maxRecordSize);
    }
    if (next.done) return undefined;
    rowsRead++;
    return next.value;
  };
  /** Physical start line of a record: csv-parse's own count is off for CRLF inside quotes, so lines are counted here. */
  const startLine = (row: ParsedRow) => {
    const skippedBlankLines = countLineBreaks(/^[\r\n]*/.exec(row.raw)?.[0] ?? '');
    const start = nextLine + skippedBlankLines;
    nextLine += countLineBreaks(row.raw);
    return start;
  };

  try {
    const magic = await peek(raw, (head) => head.length >= 2);
    let compression: RecordSource['compression'] = null;
    let bytes: AsyncIterator<Uint8Array> = magic.rest[Symbol.asyncIterator]();
    if (isGzip(magic.head)) {
      compression = 'gzip';
      gunzip = gunzipWithin(magic.rest, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES);
      bytes = gunzip[Symbol.asyncIterator]();
    }

    const hasLineBreak = (head: Buffer) => head.includes(0x0a) || head.includes(0x0d);
    const sample = await peek(
      bytes,
      (head) => head.length >= sampleBytes && (hasLineBreak(head) || head.length >= MAX_HEADER_BYTES),
    );
    const encoding = detectEncoding(sample.head, sample.ended);
    const text = decodeSample(sample.head, encoding);
    assertNotBinary(sample.head, text, encoding);
    if (text.replace(/^\uFEFF/, '').trim() === '') {
      throw new ImportFileError(ImportFileErrorCode.EMPTY, 'The file is empty: it has no header line.');
    }
    const delimiter = detectDelimiter(text);

    const decoder = encoding === 'utf-8' ? strictUtf8Decoder() : decodeStream(encoding);
    const parser = parse({
      delimiter,
      raw: true,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: maxRecordSize,
      skip_records_with_error: true,
      on_skip: (error, raw) => {
        // `records` (csv-parse context) counts the records emitted before this one, header included.
        if (error instanceof CsvError) csvFailure ??= { error, raw: raw ?? '', rowsBefore: Number(error['records']) };
      },
    });
    const untilCsvFailure = untilFailure(() => csvFailure !== undefined);
    pipeline(sample.rest, decoder, untilCsvFailure, parser, ignore);
    rows = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRow>;

    const first = await nextRow();
    if (!first) throw new ImportFileError(ImportFileErrorCode.EMPTY, 'The file is empty: it has no header line.');
    const headerLine = startLine(first);
    const originalHeader = first.record.map((name) => name.trim());
    if (originalHeader.every((name) => name === '')) {
      throw new ImportFileError(ImportFileErrorCode.NOT_CSV, 'The header line has no column names.', headerLine);
    }
    const header = normaliseHeader(originalHeader);

    let index = 0;
    /** The next data record, blank ones skipped; undefined at the end of the file. */
    const nextRecord = async (): Promise<SourceRecord | undefined> => {
      for (let row = await nextRow(); row; row = await nextRow()) {
        const line = startLine(row);
        if (row.record.every((value) => value.trim() === '')) continue;
        index++;
        return { line, index, record: toRecord(header, row.record), fieldCount: row.record.length };
      }
      return undefined;
    };
    // The first data record is read before resolving (only it is held), so a header-only file fails at open.
    const firstRecord = await nextRecord();
    if (!firstRecord) {
      throw new ImportFileError(
        ImportFileErrorCode.EMPTY,
        'The file has a header but no data rows: there is nothing to import.',
      );
    }

    async function* records(): AsyncGenerator<SourceRecord> {
      try {
        for (let record = firstRecord; record; record = await nextRecord()) yield record;
      } finally {
        await close();
      }
    }

    return { header, originalHeader, encoding, delimiter, compression, records: records(), close };
  } catch (error) {
    await close().catch(ignore);
    throw toImportFileError(error);
  }
}
