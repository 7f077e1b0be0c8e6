import { hash } from 'argon2';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { ROOT, startStack, testDatabaseUrl, testQueuePrefix, waitForHealth } from './stack';

export const ROLE_PASSWORD = 'e2e-role-password';

export default async function globalSetup(): Promise<void> {
  const databaseUrl = testDatabaseUrl();
  // The real migrate step, as `npm start` runs it: creates the database, applies every migration.
  execFileSync('node', [join(ROOT, 'dist', 'api', 'main.js'), 'migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, RELAIS_SECRET: 'e2e-secret-e2e-secret-e2e-secret' },
    stdio: 'inherit',
  });
  const { state, children } = startStack(databaseUrl, testQueuePrefix());
  (globalThis as Record<string, unknown>)['__RELAIS_E2E__'] = { children, state };
  await waitForHealth(state.baseUrl);
  // Users of the lower roles (user management arrives with the settings feature).
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  for (const role of ['analyst', 'viewer']) {
    await client.query(
      `INSERT INTO app_user (email, password_hash, role) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING`,
      [`${role}@e2e.relais.local`, await hash(ROLE_PASSWORD), role],
    );
  }
  await client.end();
  process.env['RELAIS_E2E_STATE'] = JSON.stringify(state);
}
