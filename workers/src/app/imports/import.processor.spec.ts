import { ImportRejectedError, ImportRunner } from '@relais/server';
import { Job, UnrecoverableError } from 'bullmq';
import { applyJobTiming, ImportProcessor } from './import.processor';

/** The processor's own logic only: which failures are retried and when an import is marked failed. */
describe('ImportProcessor', () => {
  const job = (attemptsMade: number) => ({ data: { importId: 'i1' }, attemptsMade, opts: { attempts: 3 } }) as Job;
  const processorWith = (error: Error) => {
    const failed: string[] = [];
    const runner = {
      run: async () => {
        throw error;
      },
      fail: async (_id: string, _tally: unknown, message: string) => void failed.push(message),
    } as unknown as ImportRunner;
    return { processor: new ImportProcessor(runner), failed };
  };

  it('does not retry an unreadable file, and leaves its report to the runner', async () => {
    const { processor, failed } = processorWith(new ImportRejectedError('columns missing'));
    const thrown = await processor.process(job(0)).catch((e: Error) => e);
    expect(thrown).toBeInstanceOf(UnrecoverableError);
    await processor.onFailed(job(1), thrown as Error);
    expect(failed).toEqual([]);
  });

  it('retries an outage without marking the import failed', async () => {
    const { processor, failed } = processorWith(new Error('connection reset'));
    await expect(processor.process(job(0))).rejects.toThrow('connection reset');
    await processor.onFailed(job(1), new Error('connection reset'));
    expect(failed).toEqual([]);
  });

  it('marks the import failed after its last attempt', async () => {
    const { processor, failed } = processorWith(new Error('connection reset'));
    await processor.onFailed(job(3), new Error('connection reset'));
    expect(failed).toEqual(['Import failed: connection reset']);
  });

  it('marks the import failed when BullMQ gives up on a job that stalled too often', async () => {
    const { processor, failed } = processorWith(new Error('unused'));
    await processor.onFailed(job(1), new Error('job stalled more than allowable limit'));
    expect(failed).toEqual(['Import failed: job stalled more than allowable limit']);
  });

  it('hands the configured lock timing to the worker @Processor declares', () => {
    applyJobTiming({ jobLockMs: 4000 });
    // The metadata key @nestjs/bullmq's explorer reads the worker options from when the context is created.
    expect(Reflect.getMetadata('bullmq:worker_metadata', ImportProcessor)).toEqual({
      concurrency: 1,
      lockDuration: 4000,
      stalledInterval: 4000,
    });
  });
});
