import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, isAlive, ROOT, StackState, waitForExit, waitForHealth } from '../../support/stack';

/**
 * The fault suite's processes beyond the stack's api and workers: a replacement api, extra workers, the refresh
 * command. Their pids live in files of the stack's data directory, so the global teardown stops whichever still run.
 */
function stackEnv(state: StackState): Record<string, string> {
  if (!state.workers) throw new Error('the stack state has no environment to start processes with');
  return state.workers.env;
}

export const dataDir = (state: StackState) => stackEnv(state)['RELAIS_DATA_DIR'];
const apiPidFile = (state: StackState) => join(dataDir(state), 'api.pid');
export const extraPidsFile = (state: StackState) => join(dataDir(state), 'extra.pids');

/** Pid of the api serving baseUrl: the stack's first, or the replacement startApi recorded. */
export function apiPid(state: StackState): number {
  return existsSync(apiPidFile(state)) ? Number(readFileSync(apiPidFile(state), 'utf8')) : state.pids[0];
}

/** Spawns a built app (`dist/<app>/main.js [args]`) detached from the test file, its output in a log of its own. */
function spawnApp(state: StackState, app: 'api' | 'workers', args: string[], env: Record<string, string> = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const logPath = join(ARTIFACTS, `faults-${app}${args.length ? `-${args[0]}` : ''}-${Date.now()}.log`);
  const log = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn('node', [join(ROOT, 'dist', app, 'main.js'), ...args], {
      env: { ...process.env, ...stackEnv(state), ...env },
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
  if (!child.pid) throw new Error(`${app} did not start`);
  return { child, pid: child.pid, logPath };
}

export async function killApi(state: StackState): Promise<number> {
  const pid = apiPid(state);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await waitForExit(pid);
  return pid;
}

/** Starts an api on the stack's port and environment in place of a killed one; resolves once it is healthy. */
export async function startApi(state: StackState): Promise<number> {
  if (isAlive(apiPid(state))) throw new Error(`an api process (${apiPid(state)}) is still running`);
  const { child, pid } = spawnApp(state, 'api', []);
  child.unref();
  writeFileSync(apiPidFile(state), String(pid));
  await waitForHealth(state.baseUrl);
  return pid;
}

/** Records a process the teardown must stop if the test could not. */
function recordExtra(state: StackState, pid: number): void {
  const pids = existsSync(extraPidsFile(state)) ? readFileSync(extraPidsFile(state), 'utf8') : '';
  writeFileSync(extraPidsFile(state), `${pids}${pid}\n`);
}

/** A second workers process on the same queue; resolves once it processes imports. */
export async function startExtraWorkers(state: StackState, timeoutMs = 60_000): Promise<number> {
  const { child, pid, logPath } = spawnApp(state, 'workers', []);
  child.unref();
  recordExtra(state, pid);
  const deadline = Date.now() + timeoutMs;
  while (!readFileSync(logPath, 'utf8').includes('[workers] processing imports')) {
    if (!isAlive(pid)) throw new Error(`the extra workers process exited; see ${logPath}`);
    if (Date.now() > deadline) throw new Error(`the extra workers process was not ready; see ${logPath}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return pid;
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(pid: number, graceMs = 10_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  try {
    await waitForExit(pid, graceMs);
  } catch {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await waitForExit(pid);
  }
}

/** `node dist/workers/main.js refresh` (the full KPI refresh), started and left to the caller. */
export function startRefresh(state: StackState): { pid: number; exited: Promise<number | null>; logPath: string } {
  const { child, pid, logPath } = spawnApp(state, 'workers', ['refresh']);
  recordExtra(state, pid);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { pid, exited, logPath };
}

/** Stops every process recorded by this module that still runs (the suite's teardown). */
export async function stopRecordedProcesses(state: StackState): Promise<void> {
  const pids = existsSync(extraPidsFile(state))
    ? readFileSync(extraPidsFile(state), 'utf8').split('\n').filter(Boolean).map(Number)
    : [];
  if (existsSync(apiPidFile(state)) && !state.pids.includes(apiPid(state))) pids.push(apiPid(state));
  await Promise.all(pids.map((pid) => stopProcess(pid, 5000).catch(() => undefined)));
}
