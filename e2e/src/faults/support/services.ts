import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { Client } from 'pg';

/**
 * Restarts of the machine's PostgreSQL and Redis, as the fault tests need them. They run as root, like CI (this
 * machine runs PostgreSQL under the same root session). Every test that stops one restores it in a `finally`, and
 * the suite's global teardown checks both answer.
 */
const PG_ADMIN_URL = 'postgres://root@127.0.0.1:5432/postgres';
const REDIS_START = ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pgCluster(action: 'restart' | 'start'): void {
  // `$(ls /etc/postgresql)`: the one installed major version.
  const [version] = readdirSync('/etc/postgresql');
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action], { stdio: 'pipe' });
}

export async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redisAnswers(): boolean {
  try {
    const answer = execFileSync('redis-cli', ['-p', '6379', 'ping'], {
      timeout: 3000,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return answer.trim() === 'PONG';
  } catch {
    return false;
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** `pg_ctlcluster … restart` (fast shutdown: every connection is cut); resolves once PostgreSQL answers again. */
export async function restartPostgres(): Promise<void> {
  pgCluster('restart');
  await until(postgresAnswers, 'PostgreSQL did not answer after its restart');
}

/** `redis-cli shutdown nosave`, then a new redis-server without persistence: every queued job is lost. */
export async function restartRedis(): Promise<void> {
  try {
    execFileSync('redis-cli', ['-p', '6379', 'shutdown', 'nosave'], { stdio: 'pipe', timeout: 10_000 });
  } catch {
    // redis-cli reports the connection the shutdown closed; whether Redis is gone is checked below.
  }
  await until(() => !redisAnswers(), 'Redis still answered after its shutdown');
  startRedis();
  await until(redisAnswers, 'Redis did not answer after its restart');
}

function startRedis(): void {
  execFileSync('redis-server', REDIS_START, { stdio: 'pipe' });
}

/** Starts whichever of PostgreSQL and Redis does not answer (after a test that failed half-way). */
export async function ensureServicesUp(): Promise<void> {
  if (!(await postgresAnswers())) {
    pgCluster('start');
    await until(postgresAnswers, 'PostgreSQL did not answer after its start');
  }
  if (!redisAnswers()) {
    startRedis();
    await until(redisAnswers, 'Redis did not answer after its start');
  }
}
