import { parse } from 'csv-parse/sync';
import { decode } from 'iconv-lite';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type SourceEncoding = (typeof ENCODINGS)[number];

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * The encoding rule, applied to the first bytes of the (decompressed) file:
 * 1. a byte-order mark decides: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE (Excel "Unicode text");
 * 2. otherwise UTF-8 when the sample decodes as strict UTF-8 (a multi-byte character cut at the end of an
 *    incomplete sample is not an error);
 * 3. otherwise Windows-1252, the superset of Latin-1 that Excel and Windows tools write (`€`, `’` in 0x80–0x9F).
 * An ASCII-only start followed by Latin-1 bytes later is read as UTF-8 and then fails with ENCODING, rather than
 * filling names with U+FFFD: a silently altered team or category name would split it in two in every KPI.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): SourceEncoding {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(sample, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(sample, [0xfe, 0xff])) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Decodes a sample for sniffing only (the records are decoded by a stream, see openRecords). */
export function decodeSample(sample: Uint8Array, encoding: SourceEncoding): string {
  return encoding === 'utf-8'
    ? new TextDecoder('utf-8').decode(sample, { stream: true })
    : decode(Buffer.from(sample), encoding);
}

/** Binary = a NUL byte in the sample; UTF-16 text legitimately has them, so it is checked once decoded. */
export function assertNotBinary(sample: Uint8Array, decoded: string, encoding: SourceEncoding): void {
  const hasNul = encoding.startsWith('utf-16') ? decoded.includes('\0') : sample.includes(0);
  if (!hasNul) return;
  const hint = startsWith(sample, [0x50, 0x4b, 0x03, 0x04])
    ? ' It looks like a ZIP archive or an Excel .xlsx workbook: export the sheet as CSV.'
    : startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0])
      ? ' It looks like an Excel .xls workbook: export the sheet as CSV.'
      : '';
  throw new ImportFileError(
    ImportFileErrorCode.BINARY,
    `The file is binary (it contains NUL bytes in its first ${sample.length} bytes), not a CSV export.${hint}`,
  );
}

function fieldsInFirstRecord(text: string, delimiter: Delimiter, relaxQuotes: boolean): number {
  try {
    const [first] = parse(text, {
      delimiter,
      to: 1,
      relax_quotes: relaxQuotes,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    return first?.length ?? 0;
  } catch {
    return 0;
  }
}

/** `{`, `<`, or `[` opening an array (`[{`, `["`, `[[`, `[]`): no CSV header starts like that; JSON and XML do. */
const STRUCTURED_START = /^(?:[{<]|\[\s*[[{"\]])/;

/**
 * The delimiter is the candidate that splits the header (first non-empty record, parsed by csv-parse, so
 * delimiters inside quotes do not count) into the most fields; ties go to the earlier of `,` `;` tab `|`.
 * Strict quoting first (a wrong delimiter usually breaks the quoting), lenient quoting if no candidate parses.
 */
export function detectDelimiter(text: string): Delimiter {
  const structured = STRUCTURED_START.exec(text.trimStart());
  if (structured) {
    const kind = structured[0] === '<' ? 'XML or HTML' : 'JSON';
    throw new ImportFileError(ImportFileErrorCode.NOT_CSV, `The file looks like ${kind}, not a CSV export.`, 1);
  }
  let best: Delimiter = DELIMITERS[0];
  let bestFields = 0;
  for (const relaxQuotes of [false, true]) {
    for (const delimiter of DELIMITERS) {
      const fields = fieldsInFirstRecord(text, delimiter, relaxQuotes);
      if (fields > bestFields) [best, bestFields] = [delimiter, fields];
    }
    if (bestFields > 0) break;
  }
  if (bestFields === 0) {
    throw new ImportFileError(ImportFileErrorCode.NOT_CSV, 'The first line of the file is not a CSV header.', 1);
  }
  return best;
}
