import { Info } from 'luxon';
import type { AdapterOptions, AdapterOutput, CsvImportAdapter, Observation } from '../adapter';
import type { RecordSource, SourceRecord } from '../source/open-records';
import { parseTimestamp } from '../timestamps/parse-timestamp';
import { servicenowStep } from './servicenow-states';
import { readCsvRows } from '../source/csv-rows';
import { checkKnownColumns } from '../source/header';

/** Columns without which a row says nothing about the journey. */
export const SERVICENOW_REQUIRED_COLUMNS = ['number', 'incident_state', 'sys_updated_at', 'assignment_group'] as const;
/** Read when present; `sys_mod_count` orders the rows of an incident that share a minute. */
export const SERVICENOW_OPTIONAL_COLUMNS = [
  'sys_mod_count',
  'assigned_to',
  'caller_id',
  'contact_type',
  'category',
  'reassignment_count',
  'reopen_count',
] as const;

type Column = (typeof SERVICENOW_REQUIRED_COLUMNS)[number] | (typeof SERVICENOW_OPTIONAL_COLUMNS)[number];
type RowResult = { ok: true; observation: Observation } | { ok: false; field: Column; message: string };

/** ServiceNow exports write `?` for an empty reference or date (the UCI log in 16 columns). */
const MISSING = '?';
const invalid = (field: Column, message: string): RowResult => ({ ok: false, field, message });
const integer = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);

function checkHeader(source: RecordSource): void {
  checkKnownColumns(
    source.originalHeader,
    SERVICENOW_REQUIRED_COLUMNS,
    SERVICENOW_OPTIONAL_COLUMNS,
    'read when present',
  );
}

/**
 * Validates one audit row. Checked in this order, first failure wins: number, sys_updated_at, incident_state,
 * sys_mod_count, reassignment_count, reopen_count. Messages may quote a time or a counter, never a caller.
 */
function toObservation({ record, index }: SourceRecord, options: AdapterOptions): RowResult {
  const value = (column: Column): string | null => {
    const text = (record[column] ?? '').trim();
    return text === '' || text === MISSING ? null : text;
  };
  const counter = (column: Column): { ok: true; count: number | null } | { ok: false; result: RowResult } => {
    const text = value(column);
    if (text === null) return { ok: true, count: null };
    const count = integer(text);
    return count === null
      ? { ok: false, result: invalid(column, `${column} "${text}" is not a whole number of 0 or more`) }
      : { ok: true, count };
  };

  const caseId = value('number');
  if (caseId === null) return invalid('number', 'number (the incident) is empty');

  const tsText = value('sys_updated_at');
  if (tsText === null) return invalid('sys_updated_at', 'sys_updated_at (the time of the update) is empty');
  const ts = parseTimestamp(tsText, { timeZone: options.timeZone });
  if (!ts.ok) return invalid('sys_updated_at', `sys_updated_at ${ts.message}`);

  const state = value('incident_state');
  if (state === null) return invalid('incident_state', 'incident_state is empty');

  const order = counter('sys_mod_count');
  if (!order.ok) return order.result;
  const reassignments = counter('reassignment_count');
  if (!reassignments.ok) return reassignments.result;
  const reopens = counter('reopen_count');
  if (!reopens.ok) return reopens.result;

  return {
    ok: true,
    observation: {
      caseId,
      customerId: value('caller_id'),
      ts: ts.date,
      seq: index,
      step: servicenowStep(state),
      team: value('assignment_group'),
      agent: value('assigned_to'),
      channel: value('contact_type'),
      category: value('category'),
      csat: null,
      csatScale: null,
      order: order.count,
      vendorCounters: { reassignmentCount: reassignments.count, reopenCount: reopens.count },
    },
  };
}

function readIncidents(source: RecordSource, options: AdapterOptions): AsyncGenerator<AdapterOutput> {
  return readCsvRows(source, (row) => {
    const result = toObservation(row, options);
    return result.ok ? { ok: true, observations: [result.observation] } : result;
  });
}

/**
 * ServiceNow incidents: the audit log (one full snapshot of the incident per update, UCI #498) or a list export
 * (one row per incident). Each row becomes an Observation: step from incident_state (SERVICENOW_STATE_STEPS),
 * team = assignment_group, agent = assigned_to, customer = caller_id (raw, for the caller to pseudonymise),
 * channel = contact_type, category = category; `?` and empty cells are null. Rows are ordered by
 * (sys_updated_at, sys_mod_count, file order) and, being snapshots, an empty assignment_group means the incident
 * was taken out of every team's hands (`emptyTeam: 'cleared'`). The vendor counters travel with each row.
 */
export const servicenowAdapter: CsvImportAdapter = {
  name: 'servicenow',
  description: 'ServiceNow incidents: the audit log (one row per update) or a list export (one row per incident).',
  requiredColumns: SERVICENOW_REQUIRED_COLUMNS,
  yields: 'observations',
  emptyTeam: 'cleared',
  read(source, options) {
    try {
      checkHeader(source);
      if (!Info.isValidIANAZone(options.timeZone))
        throw new RangeError(`"${options.timeZone}" is not an IANA time zone`);
    } catch (error) {
      void source.close().catch(() => undefined); // no row will be read: release the file now
      throw error;
    }
    return readIncidents(source, options);
  },
};
