import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { ImportJobData, ImportRejectedError, ImportRunner, IMPORT_QUEUE, RelaisConfig } from '@relais/server';
import { Job, UnrecoverableError, WorkerOptions } from 'bullmq';

/**
 * The import worker's options. @Processor reads them when the application context is created, so main.ts fills
 * in the lock timing from the configuration first (applyJobTiming); the decorator itself cannot see the config.
 */
export const IMPORT_WORKER_OPTIONS: Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval'> = {
  concurrency: 1,
};

/**
 * A job whose worker died is run again once its lock has expired and a stalled check has seen it: both last
 * RELAIS_JOB_LOCK_MS (BullMQ's 30 s by default; the fault tests use a few seconds).
 */
export function applyJobTiming(config: Pick<RelaisConfig, 'jobLockMs'>): void {
  IMPORT_WORKER_OPTIONS.lockDuration = config.jobLockMs;
  IMPORT_WORKER_OPTIONS.stalledInterval = config.jobLockMs;
}

/** Thin job: the work is ImportRunner's. An unreadable file is not retried; an outage is, with backoff. */
@Processor(IMPORT_QUEUE, IMPORT_WORKER_OPTIONS)
export class ImportProcessor extends WorkerHost {
  constructor(private readonly runner: ImportRunner) {
    super();
  }

  async process(job: Job<ImportJobData>): Promise<void> {
    try {
      await this.runner.run(job.data.importId);
    } catch (error) {
      // The runner has already recorded why the file was refused.
      if (error instanceof ImportRejectedError) throw new UnrecoverableError(error.message);
      throw error;
    }
  }

  /**
   * The import is marked failed once BullMQ gives up on it: after its last attempt, or when it stalled too often
   * (a worker killed twice), which BullMQ decides without calling process() again.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job<ImportJobData> | undefined, error: Error): Promise<void> {
    if (!job || error instanceof UnrecoverableError || error.name === 'UnrecoverableError') return;
    const stalledOut = /stalled more than/i.test(error.message);
    if (!stalledOut && job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.runner.fail(job.data.importId, {}, `Import failed: ${error.message}`);
  }
}
