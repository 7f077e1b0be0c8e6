import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { ImportJobData, ImportRejectedError, ImportRunner, IMPORT_QUEUE } from '@relais/server';
import { Job, UnrecoverableError } from 'bullmq';

/** Thin job: the work is ImportRunner's. An unreadable file is not retried; an outage is, with backoff. */
@Processor(IMPORT_QUEUE, { concurrency: 1 })
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
