import { Client } from 'pg';
import { migrate } from './lib/database/database-setup';

/**
 * Tests talk to the real PostgreSQL, each suite in a database of its own run (`npm test` sets RELAIS_TEST_RUN),
 * migrated from scratch, then dropped.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const SERVER_URL = process.env['RELAIS_TEST_POSTGRES'] ?? 'postgres://root@127.0.0.1:5432/postgres';

export function testRunId(): string {
  return process.env['RELAIS_TEST_RUN'] ?? `${Date.now().toString(36)}${process.pid.toString(36)}`;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `relais_test_${testRunId()}_${label}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await migrate(url.toString());
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A queue prefix no other run shares. */
export function testQueuePrefix(label: string): string {
  return `relais-test-${testRunId()}-${label}`;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
