export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportRowError {
  line: number;
  field: string;
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
