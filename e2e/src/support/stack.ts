import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');

const RUN = process.env['RELAIS_TEST_RUN'] ?? `${Date.now().toString(36)}${process.pid.toString(36)}`;

/** A database and a queue prefix of this run only. */
export const testDatabaseUrl = () => `postgres://root@127.0.0.1:5432/relais_test_${RUN}_e2e`;
export const testQueuePrefix = () => `relais-test-${RUN}-e2e`;

export interface StackState {
  baseUrl: string;
  databaseUrl: string;
  queuePrefix: string;
  admin: { email: string; password: string };
  pids: number[];
}

/** Starts the built api and workers as a user would run them, on a port and database of this run. */
export function startStack(databaseUrl: string, queuePrefix: string): { state: StackState; children: ChildProcess[] } {
  const port = 3900 + Math.floor(Math.random() * 900);
  const admin = { email: 'admin@e2e.relais.local', password: 'e2e-admin-password' };
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    RELAIS_QUEUE_PREFIX: queuePrefix,
    RELAIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'relais-e2e-data-')),
    RELAIS_SECRET: 'e2e-secret-e2e-secret-e2e-secret',
    RELAIS_DEMO: 'false',
    RELAIS_ADMIN_EMAIL: admin.email,
    RELAIS_ADMIN_PASSWORD: admin.password,
    NODE_ENV: 'production',
  };
  mkdirSync(ARTIFACTS, { recursive: true });
  const children = ['api', 'workers'].map((app) => {
    const child = spawn('node', [join(ROOT, 'dist', app, 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(ARTIFACTS, `${app}.log`));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return child;
  });
  return {
    state: {
      baseUrl: `http://127.0.0.1:${port}`,
      databaseUrl,
      queuePrefix,
      admin,
      pids: children.map((c) => c.pid ?? 0),
    },
    children,
  };
}

export async function waitForHealth(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The api did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s; see ${ARTIFACTS}`);
}
