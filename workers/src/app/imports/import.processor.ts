import { Processor, WorkerHost } from '@nestjs/bullmq';
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
      if (error instanceof ImportRejectedError) throw new UnrecoverableError(error.message);
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await this.runner.fail(job.data.importId, {}, `Import failed: ${(error as Error).message}`);
      throw error;
    }
  }
}
