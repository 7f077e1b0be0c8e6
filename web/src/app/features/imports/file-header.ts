/** How much of the chosen file is read to find its header: enough for any real header, never the whole export. */
export const HEADER_SAMPLE_BYTES = 64 * 1024;

/** The delimiters the server's sniffer tries, in the same order (ties go to the earlier one). */
export const HEADER_DELIMITERS = [',', ';', '\t', '|'] as const;
export type HeaderDelimiter = (typeof HEADER_DELIMITERS)[number];

export type FileHeader =
  | { kind: 'columns'; delimiter: HeaderDelimiter; columns: string[]; compressed: boolean }
  /** A gzip file and a browser without DecompressionStream: the mapping has to be typed. */
  | { kind: 'gzip-unreadable' }
  /** No header line could be found (empty, binary, or not text). */
  | { kind: 'no-header' };

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The first record of `text` (up to its first line break outside quotes), without a byte-order mark. */
export function firstRecord(text: string): string {
  const body = text.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\r?\n)+/, '');
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) return body.slice(0, i);
  }
  return body;
}

/** Splits one CSV record: quotes protect delimiters, `""` inside quotes is a quote. */
export function splitRecord(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const char = record[i];
    if (quoted) {
      if (char === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

/** The candidate that splits the header into the most fields; ties go to the earlier of `,` `;` tab `|`. */
export function detectDelimiter(record: string): HeaderDelimiter {
  let best: HeaderDelimiter = HEADER_DELIMITERS[0];
  let bestFields = 0;
  for (const delimiter of HEADER_DELIMITERS) {
    const fields = splitRecord(record, delimiter).length;
    if (fields > bestFields) [best, bestFields] = [delimiter, fields];
  }
  return best;
}

/**
 * Column names as the server's adapters see them (normaliseHeader): trimmed, an empty name becomes
 * `column_<position>`, a repeated name gets `_2`, `_3`… without reusing a name the file has. A mapping must
 * name these, so the second `Variant` of a file is offered as `Variant_2`.
 */
export function normaliseColumns(names: readonly string[]): string[] {
  const trimmed = names.map((name, i) => name.trim() || `column_${i + 1}`);
  const taken = new Set(trimmed);
  const used = new Set<string>();
  return trimmed.map((name) => {
    let unique = name;
    for (let k = 2; used.has(unique) || (unique !== name && taken.has(unique)); k++) unique = `${name}_${k}`;
    used.add(unique);
    return unique;
  });
}

/** The header of a decoded text sample. */
export function headerOf(text: string, compressed: boolean): FileHeader {
  const record = firstRecord(text);
  if (record.trim() === '' || record.includes('\0')) return { kind: 'no-header' };
  const delimiter = detectDelimiter(record);
  return { kind: 'columns', delimiter, columns: normaliseColumns(splitRecord(record, delimiter)), compressed };
}

/** Decompresses the start of a gzip sample; a truncated stream still yields what it could inflate. */
async function gunzipStart(sample: Blob): Promise<Uint8Array> {
  const reader = sample.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < HEADER_SAMPLE_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // The sample cuts the gzip stream short: the bytes read until then are what we need.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** FileReader rather than Blob.arrayBuffer(): the same code runs in every browser and in jsdom. */
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Excel's "Unicode text" is UTF-16 with a byte-order mark; everything else is read as UTF-8. */
function decode(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * Reads the header of the chosen file in the browser, from its first 64 KiB only (File.slice). Gzip files
 * (by magic bytes) go through DecompressionStream when the browser has it. The text is decoded as UTF-8 (or
 * UTF-16 after its byte-order mark), which keeps ASCII column names right even in a Windows-1252 file.
 */
export async function readFileHeader(file: Blob): Promise<FileHeader> {
  const sample = file.slice(0, HEADER_SAMPLE_BYTES);
  const head = await readBytes(sample);
  if (!isGzip(head)) return headerOf(decode(head), false);
  if (typeof DecompressionStream === 'undefined') return { kind: 'gzip-unreadable' };
  const inflated = await gunzipStart(sample);
  return inflated.length === 0 ? { kind: 'gzip-unreadable' } : headerOf(decode(inflated), true);
}
