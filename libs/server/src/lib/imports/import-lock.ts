/**
 * Advisory lock (pg_advisory_xact_lock(hashtext(...))) held by the transaction that stores an import, and by a
 * time-zone change: per-case facts are written by one of them at a time.
 */
export const IMPORT_MERGE_LOCK = 'relais:import-merge';

/** work_mem of a transaction that sorts whole imports (merge, facts): in memory rather than temporary files. */
export const IMPORT_WORK_MEM = '128MB';
