import { ImportFileError, ImportFileErrorCode } from '../import-file-error';

/** Keys of the `mapping` JSON of an eventlog import (API-CONTRACT, Imports), each naming a column of the file. */
export const EVENTLOG_REQUIRED_KEYS = ['caseId', 'timestamp', 'step'] as const;
export const EVENTLOG_COLUMN_KEYS = ['team', 'agent', 'customer', 'channel', 'category', 'csat', 'csatScale'] as const;
export const EVENTLOG_MAPPING_KEYS = [...EVENTLOG_REQUIRED_KEYS, ...EVENTLOG_COLUMN_KEYS, 'timestampFormat'] as const;

/** Joins the columns of a step given as an array, e.g. `Activity / Lifecycle`. */
export const STEP_SEPARATOR = ' / ';

export type EventLogColumnKey = (typeof EVENTLOG_COLUMN_KEYS)[number];
export type EventLogMappingKey = (typeof EVENTLOG_MAPPING_KEYS)[number];

/** A checked mapping: column names trimmed, `step` always a list, unmapped columns null. */
export interface EventLogMapping {
  caseId: string;
  timestamp: string;
  /** One column, or several whose non-empty values are joined with STEP_SEPARATOR. */
  step: readonly string[];
  team: string | null;
  agent: string | null;
  customer: string | null;
  channel: string | null;
  category: string | null;
  csat: string | null;
  /** Column holding the top of the csat scale per row; an empty cell (or no column) means DEFAULT_CSAT_SCALE. */
  csatScale: string | null;
  /** Luxon tokens (e.g. `MM/dd/yyyy HH:mm`) passed to parseTimestamp; null = its usual formats. */
  timestampFormat: string | null;
}

const invalid = (message: string) => new ImportFileError(ImportFileErrorCode.INVALID_MAPPING, message);
const isKnownKey = (key: string): key is EventLogMappingKey => EVENTLOG_MAPPING_KEYS.some((known) => known === key);
const columnName = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const EXAMPLE = '{"caseId": "Case ID", "timestamp": "Complete Timestamp", "step": "Activity", "team": "Resource"}';

/**
 * Checks the `mapping` option of an eventlog import (the parsed JSON) and normalises it. Throws ImportFileError
 * INVALID_MAPPING with a message naming the bad key: not an object, an unknown key (a typo such as `caseID`
 * would otherwise silently leave a column unmapped), a required key missing, or a value that is not a column
 * name. Optional keys may be absent or null. Whether the columns exist is checked against the file's header.
 */
export function parseEventLogMapping(mapping: unknown): EventLogMapping {
  if (mapping === undefined || mapping === null) {
    throw invalid(
      `The eventlog format needs a mapping naming at least the caseId, timestamp and step columns, e.g. ${EXAMPLE}.`,
    );
  }
  if (typeof mapping !== 'object' || Array.isArray(mapping)) {
    throw invalid(`The mapping must be a JSON object naming the columns, e.g. ${EXAMPLE}.`);
  }
  const entries = Object.entries(mapping);
  const unknown = entries.map(([key]) => key).filter((key) => !isKnownKey(key));
  if (unknown.length > 0) {
    throw invalid(
      `Unknown mapping key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}; known keys: ${EVENTLOG_MAPPING_KEYS.join(', ')}.`,
    );
  }
  const given = new Map<string, unknown>(entries.filter(([, value]) => value !== undefined && value !== null));

  const required = (key: 'caseId' | 'timestamp'): string => {
    if (!given.has(key))
      throw invalid(
        `mapping.${key} is required: the name of the column that holds the ${key === 'caseId' ? 'case id' : 'event time'}.`,
      );
    const name = columnName(given.get(key));
    if (name === null) throw invalid(`mapping.${key} must be a column name (a non-empty string).`);
    return name;
  };
  const optional = (key: EventLogColumnKey): string | null => {
    if (!given.has(key)) return null;
    const name = columnName(given.get(key));
    if (name === null) throw invalid(`mapping.${key} must be a column name (a non-empty string), or left out.`);
    return name;
  };

  const caseId = required('caseId');
  const timestamp = required('timestamp');

  if (!given.has('step'))
    throw invalid('mapping.step is required: the column that holds the activity or status, or an array of columns.');
  const stepValue = given.get('step');
  const step = (Array.isArray(stepValue) ? stepValue : [stepValue]).map(columnName);
  if (step.length === 0 || step.some((name) => name === null)) {
    throw invalid('mapping.step must be a column name or a non-empty array of column names (joined with " / ").');
  }

  let timestampFormat: string | null = null;
  if (given.has('timestampFormat')) {
    const format = given.get('timestampFormat');
    if (typeof format !== 'string' || format.trim() === '') {
      throw invalid('mapping.timestampFormat must be luxon format tokens such as "MM/dd/yyyy HH:mm", or left out.');
    }
    timestampFormat = format.trim();
  }

  return {
    caseId,
    timestamp,
    step: step as string[],
    team: optional('team'),
    agent: optional('agent'),
    customer: optional('customer'),
    channel: optional('channel'),
    category: optional('category'),
    csat: optional('csat'),
    csatScale: optional('csatScale'),
    timestampFormat,
  };
}

/** The file columns a mapping reads, in mapping-key order, each once. */
export function mappedColumns(mapping: EventLogMapping): string[] {
  const columns = [
    mapping.caseId,
    mapping.timestamp,
    ...mapping.step,
    ...EVENTLOG_COLUMN_KEYS.map((key) => mapping[key]).filter((name): name is string => name !== null),
  ];
  return [...new Set(columns)];
}
