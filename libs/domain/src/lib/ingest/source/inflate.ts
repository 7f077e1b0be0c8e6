import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';

/** 20 GiB: the default of the server's RELAIS_IMPORT_MAX_INFLATED_MB (20480), far above any real export. */
export const DEFAULT_MAX_INFLATED_BYTES = 20480 * 1024 * 1024;

const ignore = () => undefined;
const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 100) / 100;

/**
 * Inflates a gzip stream and fails it with TOO_LARGE as soon as the inflated bytes pass `maxInflatedBytes`:
 * a gzip bomb (gigabytes of zeros in a few megabytes) stops at the limit instead of filling the disk or the
 * database. Only a bounded amount (one input chunk's worth of output) is ever inflated past the limit.
 * Destroying the returned stream releases the gunzip and the input.
 */
export function gunzipWithin(compressed: AsyncIterable<Buffer>, maxInflatedBytes: number): Readable {
  let inflated = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      inflated += chunk.length;
      if (inflated <= maxInflatedBytes) return callback(null, chunk);
      callback(
        new ImportFileError(
          ImportFileErrorCode.TOO_LARGE,
          `The gzip file inflates to more than ${megabytes(maxInflatedBytes)} MB uncompressed, the limit ` +
            '(RELAIS_IMPORT_MAX_INFLATED_MB): it is not read further. Split the export, or raise the limit.',
        ),
      );
    },
  });
  pipeline(compressed, createGunzip(), limit, ignore);
  return limit;
}
