import { Queue } from 'bullmq';
import { stack } from '../../support/api-client';

/** BullMQ's view of an import's job (the import id is the job id), through the stack's queue prefix. */
export async function importJob(importId: string) {
  // 'imports' = IMPORT_QUEUE of @relais/server: the e2e project depends on the built apps, not on the libraries.
  const queue = new Queue('imports', {
    connection: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null },
    prefix: stack().queuePrefix,
  });
  try {
    return await queue.getJob(importId);
  } finally {
    await queue.close();
  }
}
