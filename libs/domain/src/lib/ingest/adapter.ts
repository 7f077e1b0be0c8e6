import type { JourneyEvent } from '../journey/journey-event';
import type { ByteSource } from './source/open-bytes';
import type { RecordSource } from './source/open-records';

/** A row that could not become an event. Messages name the column and may quote its value, never customer_id. */
export interface RowError {
  line: number;
  /** Column at fault; null when the whole row is (wrong number of fields). */
  field: string | null;
  message: string;
}

/**
 * One row of a one-row-per-event log, before the journey events are derived from it. Whether a row is a step
 * change or an assignment depends on the rows before it in its case, which may be anywhere in the file: the
 * events are derived after the whole file is read (on the server, set-based). `customerId` is raw, like
 * JourneyEvent's; nulls stand for empty or unmapped columns.
 */
export interface Observation {
  caseId: string;
  customerId: string | null;
  ts: Date;
  /** Position of the record in the file (1-based): orders rows of a case with equal `ts`. */
  seq: number;
  step: string;
  team: string | null;
  agent: string | null;
  channel: string | null;
  category: string | null;
  csat: number | null;
  /** The top of the csat scale when `csat` is given, else null. */
  csatScale: number | null;
  /**
   * The source's own order of the rows of one case (ServiceNow: sys_mod_count), used between `ts` and `seq`:
   * rows are ordered by (ts, order, seq). Absent or null: file order alone breaks ties.
   */
  order?: number | null;
  /** The vendor's own counters on this row, kept beside the case for comparison; absent when the format has none. */
  vendorCounters?: VendorCounters | null;
}

/** Counters a vendor keeps per case (ServiceNow's reassignment_count, reopen_count); null when the cell is empty. */
export interface VendorCounters {
  reassignmentCount: number | null;
  reopenCount: number | null;
}

export type AdapterOutput =
  | { kind: 'event'; line: number; event: JourneyEvent }
  | { kind: 'observation'; line: number; observation: Observation }
  | { kind: 'rejected'; error: RowError }
  /** A row read in full that yields no event by design (a ticket with no time yet, a history row of another field). */
  | { kind: 'skipped'; line: number };

export interface AdapterOptions {
  /** IANA zone for timestamps without offset (the import's `timezone`, else the organisation's). */
  timeZone: string;
  /** Format-specific column mapping, as parsed from the import's JSON options (the eventlog format needs one). */
  mapping?: unknown;
}

interface ImportAdapterBase {
  readonly name: string;
  /** One line for the import page and the CLI's format list, in English (the UI translates by format name). */
  readonly description: string;
  /** Columns every file must have; empty when they come from the mapping (eventlog) or the format is not CSV. */
  readonly requiredColumns: readonly string[];
  /**
   * What the rows become: `events` (the default) are stored as they are; `observations` are staged first and
   * the events derived from whole cases once the file is read. An adapter yields one kind only, besides rejections.
   */
  readonly yields?: 'events' | 'observations';
  /**
   * Observations only: what an empty team on a row means. `unknown` (the default): not recorded on this row, the
   * case stays with the last known team. `cleared`: rows are full snapshots (ServiceNow), so the case was taken
   * out of every team's hands and an `assigned` event without a team is derived (KPI-DEFINITIONS §3).
   */
  readonly emptyTeam?: 'unknown' | 'cleared';
}

/**
 * Turns one CSV export format into journey events. `read` owns the source: it checks the header at once (throwing
 * ImportFileError, e.g. MISSING_COLUMNS, before any row is read, after closing the source) and then yields one
 * output per data record, in file order.
 */
export interface CsvImportAdapter extends ImportAdapterBase {
  readonly input?: 'records';
  read(source: RecordSource, options: AdapterOptions): AsyncIterable<AdapterOutput>;
}

/**
 * Turns one document format (JSON, XML) into journey events, parsing the uncompressed bytes itself as a stream.
 * `read` owns the source like a CSV adapter does; each output's `line` is the position its docs define (record
 * number in the document, or the parser's line).
 */
export interface DocumentImportAdapter extends ImportAdapterBase {
  readonly input: 'bytes';
  read(source: ByteSource, options: AdapterOptions): AsyncIterable<AdapterOutput>;
}

export type ImportAdapter = CsvImportAdapter | DocumentImportAdapter;
