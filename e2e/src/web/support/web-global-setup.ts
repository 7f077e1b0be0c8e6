import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { ROOT, startStack, testDatabaseUrl, testQueuePrefix, waitForHealth } from '../../support/stack';

const SUITE = 'e2eweb';

/** Migrates, starts api + workers in demo mode and waits until the demo import has succeeded. */
export default async function webGlobalSetup(): Promise<void> {
  const databaseUrl = testDatabaseUrl(SUITE);
  execFileSync('node', [join(ROOT, 'dist', 'api', 'main.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, RELAIS_SECRET: 'e2e-secret-e2e-secret-e2e-secret' },
    stdio: 'inherit',
  });
  const { state, children } = startStack(databaseUrl, testQueuePrefix(SUITE), { demo: true, logPrefix: 'web-' });
  (globalThis as Record<string, unknown>)['__RELAIS_E2E__'] = { children, state };
  await waitForHealth(state.baseUrl);
  await waitForDemoImport(databaseUrl);
  process.env['RELAIS_E2E_STATE'] = JSON.stringify(state);
}

async function waitForDemoImport(databaseUrl: string, timeoutMs = 180_000): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ status: string; failure: string | null }>(
        `SELECT status, failure FROM import WHERE source = 'demo' ORDER BY created_at DESC LIMIT 1`,
      );
      if (rows[0]?.status === 'succeeded') return;
      if (rows[0]?.status === 'failed') throw new Error(`the demo import failed: ${rows[0].failure}`);
      if (Date.now() > deadline) throw new Error(`the demo import did not finish within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await client.end();
  }
}
