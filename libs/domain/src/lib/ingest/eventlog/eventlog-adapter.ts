import { Info } from 'luxon';
import { DEFAULT_CSAT_SCALE } from '../../journey/journey-event';
import type { AdapterOptions, AdapterOutput, CsvImportAdapter, Observation } from '../adapter';
import { ImportFileError, ImportFileErrorCode } from '../import-file-error';
import type { RecordSource, SourceRecord } from '../source/open-records';
import { parseTimestamp } from '../timestamps/parse-timestamp';
import { mappedColumns, parseEventLogMapping, STEP_SEPARATOR, type EventLogMapping } from './eventlog-mapping';
import { readCsvRows } from '../source/csv-rows';

type RowResult = { ok: true; observation: Observation } | { ok: false; field: string; message: string };

const invalid = (field: string, message: string): RowResult => ({ ok: false, field, message });
const integer = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);
const plural = (count: number, word: string) => `${word}${count > 1 ? 's' : ''}`;

/**
 * Mapped columns must exist in the header (names as de-duplicated by normaliseHeader, so the second `Variant`
 * of a file can be mapped as `Variant_2`), and a mapped name the file repeats is refused as ambiguous.
 */
function checkHeader(source: RecordSource, mapping: EventLogMapping): void {
  const columns = mappedColumns(mapping);
  const found = `Found: ${source.originalHeader.join(', ')}.`;
  const missing = columns.filter((column) => !source.header.includes(column));
  if (missing.length > 0) {
    throw new ImportFileError(
      ImportFileErrorCode.MISSING_COLUMNS,
      `Missing mapped ${plural(missing.length, 'column')} ${missing.join(', ')}. Expected (from the mapping): ${columns.join(', ')}. ${found}`,
    );
  }
  const repeated = columns.filter((column) => source.originalHeader.filter((name) => name === column).length > 1);
  if (repeated.length > 0) {
    const readAs = (column: string) => source.header.filter((_, i) => source.originalHeader[i] === column).join(', ');
    throw new ImportFileError(
      ImportFileErrorCode.DUPLICATE_COLUMNS,
      `Mapped ${plural(repeated.length, 'column')} ${repeated.map((column) => `${column} (read as ${readAs(column)})`).join(', ')} ` +
        `${repeated.length > 1 ? 'appear' : 'appears'} more than once: which one holds the value is ambiguous; map one of the names read instead. ${found}`,
    );
  }
}

/**
 * Validates one row. Checked in this order, first failure wins: case id, timestamp, step, csat scale, csat.
 * `field` is the file's column name. Messages may quote a timestamp or a csat, never a customer.
 */
function toObservation({ record, index }: SourceRecord, mapping: EventLogMapping, options: AdapterOptions): RowResult {
  const value = (column: string | null): string | null =>
    column === null ? null : (record[column] ?? '').trim() || null;

  const caseId = value(mapping.caseId);
  if (caseId === null) return invalid(mapping.caseId, `${mapping.caseId} (the case id) is empty`);

  const tsText = value(mapping.timestamp);
  if (tsText === null) return invalid(mapping.timestamp, `${mapping.timestamp} (the timestamp) is empty`);
  const ts = parseTimestamp(tsText, { timeZone: options.timeZone, format: mapping.timestampFormat ?? undefined });
  if (!ts.ok) return invalid(mapping.timestamp, `${mapping.timestamp} ${ts.message}`);

  const stepParts = mapping.step.map(value).filter((part): part is string => part !== null);
  if (stepParts.length === 0) {
    const columns = mapping.step.join(', ');
    return invalid(mapping.step[0], `${columns} (the step) ${mapping.step.length > 1 ? 'are all' : 'is'} empty`);
  }

  const csatText = value(mapping.csat);
  let csat: number | null = null;
  let csatScale: number | null = null;
  if (csatText !== null && mapping.csat !== null) {
    const scaleText = value(mapping.csatScale);
    csatScale = scaleText === null ? DEFAULT_CSAT_SCALE : integer(scaleText);
    if (csatScale === null || csatScale < 2) {
      return invalid(mapping.csatScale as string, `${mapping.csatScale} "${scaleText}" is not an integer of 2 or more`);
    }
    csat = integer(csatText);
    if (csat === null || csat < 1 || csat > csatScale) {
      return invalid(
        mapping.csat,
        `${mapping.csat} "${csatText}" is out of range: expected an integer from 1 to ${csatScale}`,
      );
    }
  }

  return {
    ok: true,
    observation: {
      caseId,
      customerId: value(mapping.customer),
      ts: ts.date,
      seq: index,
      step: stepParts.join(STEP_SEPARATOR),
      team: value(mapping.team),
      agent: value(mapping.agent),
      channel: value(mapping.channel),
      category: value(mapping.category),
      csat,
      csatScale,
    },
  };
}

function readEventLog(
  source: RecordSource,
  mapping: EventLogMapping,
  options: AdapterOptions,
): AsyncGenerator<AdapterOutput> {
  return readCsvRows(source, (row) => {
    const result = toObservation(row, mapping, options);
    return result.ok ? { ok: true, observations: [result.observation] } : result;
  });
}

/**
 * Any one-row-per-event CSV (Disco, Celonis, PM4Py exports) read through a column mapping (`options.mapping`,
 * see parseEventLogMapping). Each row becomes an Observation, in file order, `seq` = the record's position;
 * values are trimmed and empty cells become null. The journey events (created, assigned, status_changed,
 * survey) depend on the rows before each one in its case, which may be anywhere in the file, so they are
 * derived once the whole file is staged (server: deriveEventLogEvents). customerId is passed through raw for
 * the caller to pseudonymise and is never validated or quoted in a message.
 */
export const eventlogAdapter: CsvImportAdapter = {
  name: 'eventlog',
  description: 'Any one-row-per-event CSV (Disco, Celonis, PM4Py) read through a column mapping.',
  requiredColumns: [],
  yields: 'observations',
  read(source, options) {
    let mapping: EventLogMapping;
    try {
      mapping = parseEventLogMapping(options.mapping);
      checkHeader(source, mapping);
      if (!Info.isValidIANAZone(options.timeZone))
        throw new RangeError(`"${options.timeZone}" is not an IANA time zone`);
    } catch (error) {
      void source.close().catch(() => undefined); // no row will be read: release the file now
      throw error;
    }
    return readEventLog(source, mapping, options);
  },
};
