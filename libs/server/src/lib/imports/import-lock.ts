/**
 * Advisory lock (pg_advisory_xact_lock(hashtext(...))) held by the transaction that stores an import, and by a
 * time-zone change: per-case facts are written by one of them at a time.
 */
export const IMPORT_MERGE_LOCK = 'relais:import-merge';
