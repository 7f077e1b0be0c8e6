import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, createWriteStream, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');

const RUN = process.env['RELAIS_TEST_RUN'] ?? `${Date.now().toString(36)}${process.pid.toString(36)}`;

/** A database and a queue prefix of this run only; `suite` keeps two stacks of one run apart. */
export const testDatabaseUrl = (suite = 'e2e') => `postgres://root@127.0.0.1:5432/relais_test_${RUN}_${suite}`;
export const testQueuePrefix = (suite = 'e2e') => `relais-test-${RUN}-${suite}`;

export interface StackState {
  baseUrl: string;
  databaseUrl: string;
  queuePrefix: string;
  admin: { email: string; password: string };
  pids: number[];
  /**
   * What it takes to replace the workers process (killWorkers / startWorkers). Test files run in Jest's sandbox
   * and cannot reach globalSetup's ChildProcess handles, so the current workers pid lives in a file: the
   * teardown reads it to stop whichever workers process is current.
   */
  workers?: { env: Record<string, string>; pidFile: string };
}

export interface StackOptions {
  /** Demo mode, as `npm start` runs it: demo users and the demo data imported through the real import path. */
  demo?: boolean;
  /** Log files under ARTIFACTS are named `<logPrefix><app>.log`. */
  logPrefix?: string;
  /** Further RELAIS_* settings of both processes (the fault suite's short job lock). */
  env?: Record<string, string>;
}

/** Starts the built api and workers as a user would run them, on a port and database of this run. */
export function startStack(
  databaseUrl: string,
  queuePrefix: string,
  options: StackOptions = {},
): { state: StackState; children: ChildProcess[] } {
  const port = 3900 + Math.floor(Math.random() * 900);
  const admin = { email: 'admin@e2e.relais.local', password: 'e2e-admin-password' };
  const relaisEnv: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    RELAIS_QUEUE_PREFIX: queuePrefix,
    RELAIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'relais-e2e-data-')),
    RELAIS_SECRET: 'e2e-secret-e2e-secret-e2e-secret',
    RELAIS_DEMO: options.demo ? 'true' : 'false',
    RELAIS_ADMIN_EMAIL: admin.email,
    RELAIS_ADMIN_PASSWORD: admin.password,
    NODE_ENV: 'production',
    ...options.env,
  };
  const env = { ...process.env, ...relaisEnv };
  mkdirSync(ARTIFACTS, { recursive: true });
  const children = ['api', 'workers'].map((app) => {
    const child = spawn('node', [join(ROOT, 'dist', app, 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(ARTIFACTS, `${options.logPrefix ?? ''}${app}.log`));
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return child;
  });
  const pidFile = join(relaisEnv['RELAIS_DATA_DIR'], 'workers.pid');
  writeFileSync(pidFile, String(children[1].pid ?? 0));
  return {
    state: {
      baseUrl: `http://127.0.0.1:${port}`,
      databaseUrl,
      queuePrefix,
      admin,
      pids: children.map((c) => c.pid ?? 0),
      workers: { env: relaisEnv, pidFile },
    },
    children,
  };
}

function workersOf(state: StackState): NonNullable<StackState['workers']> {
  if (!state.workers) throw new Error('The e2e stack state has no workers entry (started by an older startStack?)');
  return state.workers;
}

/** Pid of the workers process currently serving the queue (the one globalSetup started, or its replacement). */
export function workersPid(state: StackState): number {
  return Number(readFileSync(workersOf(state).pidFile, 'utf8'));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves once `pid` is gone, or rejects after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`process ${pid} still runs ${timeoutMs / 1000} s after it was told to stop`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Kills the current workers process (SIGKILL by default: no shutdown hook runs) and waits until it is gone. */
export async function killWorkers(state: StackState, signal: NodeJS.Signals = 'SIGKILL'): Promise<number> {
  const pid = workersPid(state);
  if (isAlive(pid)) process.kill(pid, signal);
  await waitForExit(pid);
  return pid;
}

/**
 * Starts a new workers process with the environment of the first one and records it as the current one; resolves
 * once it processes imports. Its output goes to a log file of its own under ARTIFACTS (file descriptors, not
 * pipes: the process outlives the test file that started it, until the global teardown stops it).
 */
export async function startWorkers(state: StackState, timeoutMs = 60_000): Promise<number> {
  const { env, pidFile } = workersOf(state);
  if (isAlive(workersPid(state))) throw new Error(`a workers process (${workersPid(state)}) is still running`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const logPath = join(ARTIFACTS, `workers-restarted-${Date.now()}.log`);
  const log = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn('node', [join(ROOT, 'dist', 'workers', 'main.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
  const pid = child.pid;
  if (!pid) throw new Error('the workers process did not start');
  child.unref();
  writeFileSync(pidFile, String(pid));
  const deadline = Date.now() + timeoutMs;
  while (!readFileSync(logPath, 'utf8').includes('[workers] processing imports')) {
    if (!isAlive(pid) || child.exitCode !== null)
      throw new Error(`the restarted workers process exited; see ${logPath}`);
    if (Date.now() > deadline)
      throw new Error(`the restarted workers process was not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return pid;
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
