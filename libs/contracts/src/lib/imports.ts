export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportRowError {
  line: number;
  /** null when the whole row is at fault (e.g. a wrong number of fields). */
  field: string | null;
  message: string;
}

export interface ImportAccepted {
  id: string;
  status: 'queued';
}

export interface ImportReport {
  id: string;
  format: string;
  source: string;
  /** The uploaded file's base name, as the report shows it (never a path). */
  fileName?: string;
  status: ImportStatus;
  rowsRead: number;
  eventsStored: number;
  duplicates: number;
  rejected: number;
  errors: ImportRowError[];
  progress: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why the import as a whole failed, when it did. */
  failure?: string | null;
}

/** One entry of GET /api/imports/formats: a format `POST /api/imports` accepts. */
export interface ImportFormat {
  name: string;
  /** One line, in English (the web app translates known formats by name). */
  description: string;
  /** The `mapping` field is required: the file's columns are named by the user (eventlog). */
  needsMapping: boolean;
}

/** GET /api/imports/formats, in registration order. */
export interface ImportFormats {
  formats: ImportFormat[];
}

/**
 * Keys of the `mapping` JSON of an eventlog import (API-CONTRACT, Imports): the first three are required, each
 * names a column of the file except `timestampFormat` (luxon tokens). The api checks them (parseEventLogMapping).
 */
export const EVENTLOG_MAPPING_REQUIRED = ['caseId', 'timestamp', 'step'] as const;
export const EVENTLOG_MAPPING_OPTIONAL = [
  'team',
  'agent',
  'customer',
  'channel',
  'category',
  'csat',
  'csatScale',
] as const;
export type EventLogMappingColumn =
  | (typeof EVENTLOG_MAPPING_REQUIRED)[number]
  | (typeof EVENTLOG_MAPPING_OPTIONAL)[number];
