import e2eTeardown from '../../support/global-teardown';
import type { StackState } from '../../support/stack';
import { stopRecordedProcesses } from './processes';
import { ensureServicesUp, postgresAnswers, redisAnswers } from './services';

/**
 * Whatever the tests left: PostgreSQL and Redis running again, the processes they started stopped, then e2e's
 * teardown (the stack's processes, the queue's keys, the database). Fails the run if either service is down.
 */
export default async function globalTeardown(): Promise<void> {
  await ensureServicesUp();
  const e2e = (globalThis as Record<string, unknown>)['__RELAIS_E2E__'] as { state: StackState } | undefined;
  if (e2e) await stopRecordedProcesses(e2e.state);
  await e2eTeardown();
  const down = [!(await postgresAnswers()) && 'PostgreSQL', !redisAnswers() && 'Redis'].filter(Boolean);
  if (down.length) throw new Error(`${down.join(' and ')} did not answer after the fault suite`);
}
