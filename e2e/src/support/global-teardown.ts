import Redis from 'ioredis';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import type { StackState } from './stack';

export default async function globalTeardown(): Promise<void> {
  const e2e = (globalThis as Record<string, unknown>)['__RELAIS_E2E__'] as
    | { children: ChildProcess[]; state: StackState }
    | undefined;
  if (!e2e) return;
  await Promise.all(
    e2e.children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
  const redis = new Redis('redis://127.0.0.1:6379');
  const keys = await redis.keys(`${e2e.state.queuePrefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  const name = new URL(e2e.state.databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: 'postgres://root@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
