import { createTestDatabase, testQueuePrefix } from '@relais/server/testing';
import { hash } from 'argon2';
import { Client } from 'pg';
import { startStack, waitForHealth } from './stack';

export const ROLE_PASSWORD = 'e2e-role-password';

export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase('e2e');
  const { state, children } = startStack(database.url, testQueuePrefix('e2e'));
  (globalThis as Record<string, unknown>)['__RELAIS_E2E__'] = { database, children, state };
  await waitForHealth(state.baseUrl);
  // Users of the lower roles (user management arrives with the settings feature).
  const client = new Client({ connectionString: database.url });
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
