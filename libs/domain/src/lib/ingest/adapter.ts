import type { JourneyEvent } from '../journey/journey-event';
import type { RecordSource } from './source/open-records';

/** A row that could not become an event. Messages name the column and may quote its value, never customer_id. */
export interface RowError {
  line: number;
  /** Column at fault; null when the whole row is (wrong number of fields). */
  field: string | null;
  message: string;
}

export type AdapterOutput =
  | { kind: 'event'; line: number; event: JourneyEvent }
  | { kind: 'rejected'; error: RowError };

export interface AdapterOptions {
  /** IANA zone for timestamps without offset (the import's `timezone`, else the organisation's). */
  timeZone: string;
}

/**
 * Turns one export format into journey events. `read` owns the source: it checks the header at once (throwing
 * ImportFileError, e.g. MISSING_COLUMNS, before any row is read, after closing the source) and then yields one
 * output per data record, in file order.
 */
export interface ImportAdapter {
  readonly name: string;
  readonly requiredColumns: readonly string[];
  read(source: RecordSource, options: AdapterOptions): AsyncIterable<AdapterOutput>;
}
