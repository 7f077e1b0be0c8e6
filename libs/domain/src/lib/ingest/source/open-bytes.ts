import type { Readable } from 'node:stream';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import { peek } from './byte-streams';
import { DEFAULT_MAX_INFLATED_BYTES, gunzipWithin } from './inflate';
import { isGzip } from './sniff';

export interface ByteSource {
  compression: 'gzip' | null;
  /** The uncompressed bytes, single use. A corrupt gzip fails with ImportFileError (CORRUPT_GZIP) midway. */
  bytes: AsyncIterable<Buffer>;
  /** Stops reading and releases the input; needed only when `bytes` is not iterated to its end. */
  close(): Promise<void>;
}

export interface OpenBytesOptions {
  /** A gzip input fails with TOO_LARGE once it has inflated to more than this many bytes. */
  maxInflatedBytes?: number;
}

const ignore = () => undefined;

async function* rethrowGzipErrors(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* chunks;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new ImportFileError(
        ImportFileErrorCode.CORRUPT_GZIP,
        `The gzip data is corrupt or truncated (${(error as Error).message}).`,
      );
    }
    throw error;
  }
}

/**
 * Opens a document export (JSON, XML) for an adapter that parses bytes itself: gzip recognised by its magic
 * bytes (never by the file name), an empty file refused at once (EMPTY). Nothing is buffered beyond the first
 * chunk, so a multi-gigabyte document streams like a CSV does.
 */
export async function openBytes(input: AsyncIterable<Uint8Array>, options: OpenBytesOptions = {}): Promise<ByteSource> {
  const raw = input[Symbol.asyncIterator]();
  let gunzip: Readable | undefined;
  const close = async () => {
    gunzip?.destroy();
    await raw.return?.();
  };
  try {
    const magic = await peek(raw, (head) => head.length >= 2);
    let bytes: AsyncIterable<Buffer> = magic.rest;
    let compression: ByteSource['compression'] = null;
    if (isGzip(magic.head)) {
      compression = 'gzip';
      gunzip = gunzipWithin(magic.rest, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES);
      bytes = rethrowGzipErrors(gunzip);
    }
    const start = await peek(bytes[Symbol.asyncIterator](), (head) => head.toString('utf8').trim() !== '');
    if (start.ended && start.head.toString('utf8').replace(/^\uFEFF/, '').trim() === '') {
      throw new ImportFileError(ImportFileErrorCode.EMPTY, 'The file is empty.');
    }
    return { compression, bytes: start.rest, close };
  } catch (error) {
    await close().catch(ignore);
    throw error;
  }
}
