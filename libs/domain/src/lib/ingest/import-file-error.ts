/** Why a whole file cannot be imported (as opposed to a rejected row, see RowError). */
export enum ImportFileErrorCode {
  EMPTY = 'EMPTY',
  BINARY = 'BINARY',
  NOT_CSV = 'NOT_CSV',
  ENCODING = 'ENCODING',
  CORRUPT_GZIP = 'CORRUPT_GZIP',
  /** A gzip file that inflates past the configured limit (a gzip bomb, or an export too large to import). */
  TOO_LARGE = 'TOO_LARGE',
  MALFORMED_CSV = 'MALFORMED_CSV',
  /** A document format (XML, JSON) that does not parse, or declares a DTD (entities are never expanded). */
  MALFORMED_DOCUMENT = 'MALFORMED_DOCUMENT',
  MISSING_COLUMNS = 'MISSING_COLUMNS',
  DUPLICATE_COLUMNS = 'DUPLICATE_COLUMNS',
  /** The column mapping of the import (eventlog) is missing or malformed. */
  INVALID_MAPPING = 'INVALID_MAPPING',
}

/** Messages are shown to the admin who uploaded the file: they name lines and columns, never cell values. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    /** Physical line (1-based) where the problem starts, when one line is to blame. */
    readonly line: number | null = null,
  ) {
    super(message);
  }
}
