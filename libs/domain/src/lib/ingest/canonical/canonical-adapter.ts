import { Info } from 'luxon';
import {
  DEFAULT_CSAT_SCALE,
  DIRECTIONS,
  EVENT_TYPES,
  type Direction,
  type EventType,
  type JourneyEvent,
} from '../../journey/journey-event';
import type { AdapterOptions, AdapterOutput, CsvImportAdapter } from '../adapter';
import type { RecordSource, SourceRecord } from '../source/open-records';
import { parseTimestamp } from '../timestamps/parse-timestamp';
import { readCsvRows } from '../source/csv-rows';
import { checkKnownColumns } from '../source/header';

/** KPI-DEFINITIONS §8. */
export const CANONICAL_REQUIRED_COLUMNS = [
  'case_id',
  'customer_id',
  'ts',
  'event',
  'step',
  'team',
  'agent',
  'channel',
  'category',
  'csat',
] as const;
export const CANONICAL_OPTIONAL_COLUMNS = ['direction', 'csat_scale'] as const;

type Column = (typeof CANONICAL_REQUIRED_COLUMNS)[number] | (typeof CANONICAL_OPTIONAL_COLUMNS)[number];
type RowResult = { ok: true; event: JourneyEvent } | { ok: false; field: Column; message: string };

const invalid = (field: Column, message: string): RowResult => ({ ok: false, field, message });
const isEventType = (value: string | null): value is EventType => EVENT_TYPES.some((type) => type === value);
const isDirection = (value: string): value is Direction => DIRECTIONS.some((direction) => direction === value);
const integer = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);

function checkHeader(source: RecordSource): void {
  checkKnownColumns(source.originalHeader, CANONICAL_REQUIRED_COLUMNS, CANONICAL_OPTIONAL_COLUMNS, 'optional');
}

/** Validates one row. Checked in this order, first failure wins: case_id, ts, event, direction, csat_scale, csat. */
function toEvent({ record, index }: SourceRecord, options: AdapterOptions): RowResult {
  const value = (column: Column): string | null => (record[column] ?? '').trim() || null;

  const caseId = value('case_id');
  if (caseId === null) return invalid('case_id', 'case_id is empty');

  const tsText = value('ts');
  if (tsText === null) return invalid('ts', 'ts is empty');
  const ts = parseTimestamp(tsText, { timeZone: options.timeZone });
  if (!ts.ok) return invalid('ts', `ts ${ts.message}`);

  const event = value('event');
  if (!isEventType(event)) {
    const allowed = EVENT_TYPES.join(', ');
    return invalid(
      'event',
      event === null ? `event is empty (one of ${allowed})` : `event "${event}" is not one of ${allowed}`,
    );
  }

  const directionText = value('direction');
  if (directionText !== null && event !== 'contact') {
    return invalid('direction', `direction is only allowed on contact events, not on ${event}`);
  }
  if (directionText !== null && !isDirection(directionText)) {
    return invalid('direction', `direction "${directionText}" is not one of ${DIRECTIONS.join(', ')}`);
  }

  const scaleText = value('csat_scale');
  const scale = scaleText === null ? DEFAULT_CSAT_SCALE : integer(scaleText);
  if (scale === null || scale < 2)
    return invalid('csat_scale', `csat_scale "${scaleText}" is not an integer of 2 or more`);

  const csatText = value('csat');
  if (event !== 'survey' && csatText !== null) {
    return invalid('csat', `csat is only allowed on survey events, not on ${event}`);
  }
  if (event === 'survey' && csatText === null) return invalid('csat', 'csat is empty: a survey event needs an answer');
  const csat = csatText === null ? null : integer(csatText);
  if (csatText !== null && (csat === null || csat < 1 || csat > scale)) {
    return invalid('csat', `csat "${csatText}" is out of range: expected an integer from 1 to ${scale}`);
  }

  return {
    ok: true,
    event: {
      caseId,
      customerId: value('customer_id'),
      ts: ts.date,
      seq: index,
      event,
      step: value('step'),
      team: value('team'),
      agent: value('agent'),
      channel: value('channel'),
      category: value('category'),
      direction: directionText,
      csat,
      csatScale: event === 'survey' ? scale : null,
    },
  };
}

function readCanonical(source: RecordSource, options: AdapterOptions): AsyncGenerator<AdapterOutput> {
  return readCsvRows(source, (row) => {
    const result = toEvent(row, options);
    return result.ok ? { ok: true, events: [result.event] } : result;
  });
}

/**
 * The canonical CSV (KPI-DEFINITIONS §8). Values are trimmed, empty strings become null, `seq` is the record's
 * position in the file. `ts` may also be naive or day-first (read in `timeZone`): the format asks for an offset,
 * but §1 says how to read one without. customer_id is passed through raw for the caller to pseudonymise and is
 * never validated or quoted in a message.
 */
export const canonicalAdapter: CsvImportAdapter = {
  name: 'canonical',
  description: "Relais's own journey CSV: one row per event (case_id, customer_id, ts, event, step, team, …).",
  requiredColumns: CANONICAL_REQUIRED_COLUMNS,
  read(source, options) {
    try {
      checkHeader(source);
      if (!Info.isValidIANAZone(options.timeZone))
        throw new RangeError(`"${options.timeZone}" is not an IANA time zone`);
    } catch (error) {
      void source.close().catch(() => undefined); // no row will be read: release the file now
      throw error;
    }
    return readCanonical(source, options);
  },
};
