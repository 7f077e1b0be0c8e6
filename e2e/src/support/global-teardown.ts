import Redis from 'ioredis';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { isAlive, waitForExit, workersPid, type StackState } from './stack';

export default async function globalTeardown(): Promise<void> {
  const e2e = (globalThis as Record<string, unknown>)['__RELAIS_E2E__'] as
    | { children: ChildProcess[]; state: StackState }
    | undefined;
  if (!e2e) return;
  await Promise.all(
    e2e.children.map(
      (child) =>
        new Promise<void>((resolve) => {
          // A child a test killed (kill-worker.spec) has a signalCode and no exitCode: its 'exit' is long past.
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        }),
    ),
  );
  await stopReplacedWorkers(e2e.state, e2e.children);
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

/** A workers process started by a test (startWorkers) in place of globalSetup's one: stopped by its pid. */
async function stopReplacedWorkers(state: StackState, children: ChildProcess[]): Promise<void> {
  if (!state.workers) return;
  const pid = workersPid(state);
  if (!pid || children.some((child) => child.pid === pid) || !isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  try {
    await waitForExit(pid, 5000);
  } catch {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5000).catch(() => undefined);
  }
}
