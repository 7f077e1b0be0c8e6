import { ImportRejectedError, ImportRunner } from '@relais/server';
import { Job, UnrecoverableError } from 'bullmq';
import { ImportProcessor } from './import.processor';

/** The processor's own logic only: which failures are retried and when an import is marked failed. */
describe('ImportProcessor', () => {
  const job = (attemptsMade: number) => ({ data: { importId: 'i1' }, attemptsMade, opts: { attempts: 3 } }) as Job;
  const runnerFailingWith = (error: Error) => {
    const failed: string[] = [];
    const runner = {
      run: async () => {
        throw error;
      },
      fail: async (_id: string, _tally: unknown, message: string) => void failed.push(message),
    } as unknown as ImportRunner;
    return { processor: new ImportProcessor(runner), failed };
  };

  it('does not retry an unreadable file', async () => {
    const { processor } = runnerFailingWith(new ImportRejectedError('columns missing'));
    await expect(processor.process(job(0))).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('retries an outage without marking the import failed', async () => {
    const { processor, failed } = runnerFailingWith(new Error('connection reset'));
    await expect(processor.process(job(0))).rejects.toThrow('connection reset');
    expect(failed).toEqual([]);
  });

  it('marks the import failed on its last attempt', async () => {
    const { processor, failed } = runnerFailingWith(new Error('connection reset'));
    await expect(processor.process(job(2))).rejects.toThrow('connection reset');
    expect(failed).toEqual(['Import failed: connection reset']);
  });
});
