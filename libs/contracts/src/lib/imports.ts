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
