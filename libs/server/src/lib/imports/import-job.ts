import type { JobsOptions } from 'bullmq';

/**
 * Options of every import job, whoever enqueues it (the upload, the CLI, the reconciler). The import id is the
 * job id: a repeated request never runs the same import twice. Five attempts with exponential backoff (2, 4, 8,
 * 16 s) ride out a PostgreSQL restart or failover of up to half a minute; an unreadable file is not retried
 * (UnrecoverableError in the processor).
 */
export function importJobOptions(importId: string): JobsOptions {
  return { jobId: importId, attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000 };
}
