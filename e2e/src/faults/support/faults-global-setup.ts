import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, startStack, testDatabaseUrl, testQueuePrefix, waitForHealth } from '../../support/stack';
import { ensureServicesUp } from './services';

/**
 * The fault suite's own stack: a database and a queue prefix of its own (suffix `faults`), and a short job lock
 * (RELAIS_JOB_LOCK_MS) so that a job whose worker died runs again within seconds instead of BullMQ's 30 s + 30 s.
 */
const FAULTS_JOB_LOCK_MS = 5000;

export default async function globalSetup(): Promise<void> {
  await ensureServicesUp();
  const databaseUrl = testDatabaseUrl('faults');
  execFileSync('node', [join(ROOT, 'dist', 'api', 'main.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, RELAIS_SECRET: 'e2e-secret-e2e-secret-e2e-secret' },
    stdio: 'inherit',
  });
  const { state, children } = startStack(databaseUrl, testQueuePrefix('faults'), {
    logPrefix: 'faults-',
    env: { RELAIS_JOB_LOCK_MS: String(FAULTS_JOB_LOCK_MS) },
  });
  // The key e2e's global teardown reads: the same teardown stops these processes and drops the database.
  (globalThis as Record<string, unknown>)['__RELAIS_E2E__'] = { children, state };
  await waitForHealth(state.baseUrl);
  process.env['RELAIS_E2E_STATE'] = JSON.stringify(state);
}
