import { getAdapter, IMPORT_FORMATS, ImportFileError, isTimeZone, parseEventLogMapping } from '@relais/domain';

/** A request the import door refuses before anything is queued; the api answers 400, the CLI exits non-zero. */
export class InvalidImportRequest extends Error {
  override name = 'InvalidImportRequest';
}

export interface ImportRequestFields {
  format: string;
  timeZone?: string;
  /** JSON text, as sent in the multipart field or on the command line. */
  mapping?: string;
}

/** Checks the fields shared by every door to an import and returns the options stored with it. */
export function checkImportRequest(fields: ImportRequestFields): Record<string, unknown> {
  if (!getAdapter(fields.format)) {
    throw new InvalidImportRequest(`Unknown format "${fields.format}"; known formats: ${IMPORT_FORMATS.join(', ')}`);
  }
  if (fields.timeZone !== undefined && !isTimeZone(fields.timeZone)) {
    throw new InvalidImportRequest(`timezone "${fields.timeZone}" is not an IANA time zone such as Europe/Paris`);
  }
  if (fields.mapping === undefined) {
    if (fields.format === 'eventlog') throw new InvalidImportRequest('format eventlog needs a mapping naming its columns');
    return {};
  }
  let mapping: unknown;
  try {
    mapping = JSON.parse(fields.mapping);
  } catch {
    throw new InvalidImportRequest('mapping must be JSON naming the columns, e.g. {"caseId":"Case ID",...}');
  }
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw new InvalidImportRequest('mapping must be a JSON object naming the columns');
  }
  if (fields.format === 'eventlog') {
    try {
      parseEventLogMapping(mapping);
    } catch (error) {
      if (error instanceof ImportFileError) throw new InvalidImportRequest(error.message);
      throw error;
    }
  }
  return { mapping };
}
