import { Transform } from 'node:stream';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';

export interface Peeked {
  /** The bytes read so far, at least what `enough` asked for unless the stream ended first. */
  head: Buffer;
  ended: boolean;
  /** The whole stream again: `head`, then the rest (single use). */
  rest: AsyncIterable<Buffer>;
}

const asBuffer = (chunk: Uint8Array) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

async function* replay(head: Buffer, chunks: AsyncIterator<Uint8Array>, ended: boolean): AsyncGenerator<Buffer> {
  let finished = ended;
  try {
    if (head.length > 0) yield head;
    while (!finished) {
      const next = await chunks.next();
      if (next.done) finished = true;
      else yield asBuffer(next.value);
    }
  } finally {
    // Stopped early (consumer closed or failed): release the underlying stream (file handle, gunzip).
    if (!finished) await chunks.return?.();
  }
}

/** Reads the start of a byte stream without losing it: sniffing happens on `head`, parsing on `rest`. */
export async function peek(chunks: AsyncIterator<Uint8Array>, enough: (head: Buffer) => boolean): Promise<Peeked> {
  const parts: Buffer[] = [];
  let head = Buffer.alloc(0);
  let ended = false;
  while (!enough(head)) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    parts.push(asBuffer(next.value));
    head = Buffer.concat(parts);
  }
  return { head, ended, rest: replay(head, chunks, ended) };
}

/**
 * UTF-8 → text with the WHATWG decoder in fatal mode (it also drops a BOM): an invalid sequence after the
 * sample that chose UTF-8 fails the file instead of turning into U+FFFD.
 */
export function strictUtf8Decoder(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const invalid = (length: number) =>
    new ImportFileError(
      ImportFileErrorCode.ENCODING,
      `The file is not valid UTF-8: an invalid byte sequence lies between bytes ${offset} and ${offset + length} ` +
        '(uncompressed). Its start was read as UTF-8; save the whole file in one encoding, UTF-8 preferably.',
    );
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        callback(invalid(chunk.length));
        return;
      }
      offset += chunk.length;
      callback(null, text);
    },
    flush(callback) {
      try {
        callback(null, decoder.decode());
      } catch {
        callback(invalid(0));
      }
    },
  });
}
