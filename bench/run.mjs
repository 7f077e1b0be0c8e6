// `npm run bench -- [--cases N] [--runs R] [--seconds S]`: on this machine, in one run and side by side,
// 1. PostgreSQL's own COPY of the canonical CSV (the physical baseline), 2. the import through the real path
// (CLI → BullMQ job → worker → events and facts) with the worker's peak RSS, 3. a full KPI refresh of every case and
// an incremental import of one more week, 4. API latency under load (autocannon, 10 connections, loopback) with the
// api's peak RSS, 5. whether the request path scans journey_event sequentially, and the plans of its queries.
// Writes bench/results/<date>.md. Never part of `npm test`.
import autocannon from 'autocannon';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '30' },
  },
});
const cases = Number(values.cases);
const runs = Number(values.runs);
const loadSeconds = Number(values.seconds);
const ROOT = new URL('..', import.meta.url).pathname;
const SERVER = 'postgres://root@127.0.0.1:5432';
const ADMIN = { email: 'bench@relais.local', password: 'bench-password-bench' };
const work = mkdtempSync(join(tmpdir(), 'relais-bench-'));
const env = (db, extra = {}) => ({
  ...process.env,
  DATABASE_URL: `${SERVER}/${db}`,
  RELAIS_QUEUE_PREFIX: `relais-bench-${process.pid}`,
  RELAIS_DATA_DIR: join(work, 'data'),
  RELAIS_SECRET: 'bench-secret-bench-secret-bench-secret',
  RELAIS_DEMO: 'false',
  RELAIS_ADMIN_EMAIL: ADMIN.email,
  RELAIS_ADMIN_PASSWORD: ADMIN.password,
  NODE_ENV: 'production',
  ...extra,
});
const node = (args, e) => execFileSync('node', args, { cwd: ROOT, env: e, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const peakRssMb = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const stop = async (child) => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};

console.log(`bench: building workers and api`);
spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'workers', '--outputStyle=static'], { cwd: ROOT, stdio: 'ignore' });

// The same generator as the demo, one more week for the incremental import.
// Sunday evenings: the file covers the 26 weeks ending 31 May, the extra file the week after.
const end = new Date('2026-05-31T20:00:00Z');
const file = join(work, 'cases.csv');
const extra = join(work, 'extra-week.csv');
const t = performance.now();
node(['dist/workers/main.js', 'generate', '--cases', String(cases), '--weeks', '26', '--end', end.toISOString(), '--out', file]);
const generateSeconds = (performance.now() - t) / 1000;
const weeklyCases = Math.max(1, Math.round(cases / 26));
node(['dist/workers/main.js', 'generate', '--cases', String(weeklyCases), '--weeks', '1', '--seed', '99', '--end', new Date(end.getTime() + 7 * 86400e3).toISOString(), '--out', extra]);
const rows = Number(execFileSync('wc', ['-l', file]).toString().trim().split(' ')[0]) - 1;
const bytes = statSync(file).size;
console.log(`bench: ${cases} cases, ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB generated in ${generateSeconds.toFixed(1)} s`);

async function sql(db, text, params) {
  const c = new pg.Client({ connectionString: `${SERVER}/${db}` });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

async function baseline(db) {
  // Physical floor: PostgreSQL's COPY of the same file into an unindexed table, through psql.
  execFileSync('psql', [`${SERVER}/${db}`, '-qc', 'CREATE TABLE raw_copy (case_id text, customer_id text, ts text, event text, step text, team text, agent text, channel text, category text, csat text, direction text, csat_scale text)']);
  const start = performance.now();
  execFileSync('psql', [`${SERVER}/${db}`, '-qc', `\\copy raw_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
  const seconds = (performance.now() - start) / 1000;
  execFileSync('psql', [`${SERVER}/${db}`, '-qc', 'DROP TABLE raw_copy']);
  return seconds;
}

/** Runs one import through the CLI with a worker process of its own, sampling the worker's peak RSS. */
async function importThroughJob(db, path, source) {
  const worker = spawn('node', ['dist/workers/main.js'], { cwd: ROOT, env: env(db), stdio: 'ignore' });
  const start = performance.now();
  node(['dist/workers/main.js', 'import', '--format', 'canonical', '--file', path, '--source', source, '--wait'], env(db));
  const seconds = (performance.now() - start) / 1000;
  const rss = peakRssMb(worker.pid);
  await stop(worker);
  return { seconds, peakRssMb: rss };
}

/** The full KPI refresh: every case's facts recomputed from its events (`workers main.js refresh`). */
function fullRefresh(db) {
  const start = performance.now();
  const out = node(['dist/workers/main.js', 'refresh'], env(db));
  return { seconds: (performance.now() - start) / 1000, out: out.trim() };
}

/** Latency of one endpoint under `connections` concurrent clients for `seconds`; p95 from every response time. */
async function load(baseUrl, path, token) {
  const latencies = [];
  const instance = autocannon({
    url: `${baseUrl}${path}`,
    connections: 10,
    duration: loadSeconds,
    // Slow answers are measured, not dropped: autocannon's default gives up after 10 s.
    timeout: 120,
    headers: { authorization: `Bearer ${token}` },
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN);
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    rps: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Postgres server log, when this machine keeps one where Debian puts it: auto_explain writes the plans there. */
const PG_LOG_DIR = '/var/log/postgresql';
const PG_LOG = existsSync(PG_LOG_DIR)
  ? readdirSync(PG_LOG_DIR)
      .filter((f) => /^postgresql-\d+-main\.log$/.test(f))
      .map((f) => join(PG_LOG_DIR, f))[0]
  : undefined;

const ENDPOINTS = [
  ['summary', '/api/kpis/summary'],
  ['weekly', '/api/kpis/weekly'],
  ['handoffs', '/api/kpis/handoffs'],
  ['cases page', '/api/cases?minTransfers=2&page=3&pageSize=50'],
];

/** Starts the api on the database, measures each endpoint, reports scans of the events table and the plans. */
async function apiUnderLoad(db) {
  const port = 4800 + Math.floor(Math.random() * 100);
  // Plans of every statement of this database's new sessions go to the server log (auto_explain, no ANALYZE:
  // the load itself is not slowed down by it beyond the logging).
  await sql('postgres', `ALTER DATABASE ${db} SET session_preload_libraries = 'auto_explain'`);
  await sql('postgres', `ALTER DATABASE ${db} SET auto_explain.log_min_duration = 0`);
  const logStart = PG_LOG ? statSync(PG_LOG).size : 0;
  const api = spawn('node', ['dist/api/main.js'], { cwd: ROOT, env: env(db, { PORT: String(port) }), stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { accessToken } = await login.json();
  // One request each, with plans logged, before the counters are reset: the first (cold) answer's time, one plan
  // per endpoint.
  const cold = {};
  for (const [name, path] of ENDPOINTS) {
    const start = performance.now();
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    await res.arrayBuffer();
    cold[name] = res.ok ? performance.now() - start : NaN;
  }
  const plans = PG_LOG ? readFileSync(PG_LOG).subarray(logStart).toString('utf8') : '';
  await sql(db, 'SELECT pg_stat_reset()');
  const latency = {};
  for (const [name, path] of ENDPOINTS) latency[name] = await load(baseUrl, path, accessToken);
  // The statistics collector flushes at most every 0.5 s (PGSTAT_MIN_INTERVAL): wait before reading.
  await new Promise((r) => setTimeout(r, 1500));
  const scans = await sql(
    db,
    `SELECT relname, seq_scan, idx_scan FROM pg_stat_user_tables
     WHERE relname IN ('journey_event', 'case_fact', 'case_handoff', 'case_transition') ORDER BY relname`,
  );
  const rss = peakRssMb(api.pid);
  await stop(api);
  await sql('postgres', `ALTER DATABASE ${db} RESET ALL`);
  return { latency, cold, scans, rss, plans: summarisePlans(plans) };
}

/** The top node of each plan auto_explain logged, and every scan line naming journey_event. */
function summarisePlans(log) {
  if (!log) return 'no PostgreSQL log at /var/log/postgresql on this machine: plans not captured';
  const lines = log.split('\n');
  const keep = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/Query Text: (SELECT|WITH)/.test(line) && !/pg_catalog|schema_migration|app_user|setting|kpi_target/.test(line)) {
      keep.push(line.replace(/^.*Query Text: /, 'query: ').replace(/\s+/g, ' ').slice(0, 160));
    } else if (/Seq Scan on journey_event|Index (Only )?Scan .* on journey_event|Seq Scan on case_fact|Index .* on case_fact/.test(line)) {
      keep.push(`  ${line.trim()}`);
    }
  }
  return keep.join('\n') || 'no query plan found in the log';
}

const results = [];
for (let run = 1; run <= runs; run++) {
  const db = `relais_bench_${process.pid}_${run}`;
  await sql('postgres', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  node(['dist/api/main.js', 'migrate'], env(db));
  const copySeconds = await baseline(db);
  const full = await importThroughJob(db, file, 'bench');
  const refresh = fullRefresh(db);
  const incremental = await importThroughJob(db, extra, 'bench');
  const api = await apiUnderLoad(db);
  results.push({ copySeconds, full, refresh, incremental, api });
  console.log(
    `bench: run ${run}: COPY ${copySeconds.toFixed(1)} s, import ${full.seconds.toFixed(1)} s (peak RSS ` +
      `${full.peakRssMb.toFixed(0)} MB), full refresh ${refresh.seconds.toFixed(1)} s, one more week ` +
      `${incremental.seconds.toFixed(1)} s, summary p95 ${api.latency.summary.p95} ms (cold ${api.cold.summary.toFixed(0)} ms), ` +
      `cases p95 ${api.latency['cases page'].p95} ms`,
  );
  await sql('postgres', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
}
rmSync(work, { recursive: true, force: true });

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const row = (label, xs, unit, digits = 0) => {
  const { min, median, max } = stats(xs);
  const show = (x) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
  return `| ${label} | ${show(min)} | ${show(median)} | ${show(max)} | ${unit} |`;
};
const copyRate = results.map((r) => rows / r.copySeconds);
const importRate = results.map((r) => rows / r.full.seconds);
const latencyRows = ENDPOINTS.flatMap(([name]) => [
  row(`${name}: first answer after the import (cold)`, results.map((r) => r.api.cold[name]), 'ms'),
  row(`${name}: p50`, results.map((r) => r.api.latency[name].p50), 'ms'),
  row(`${name}: p95`, results.map((r) => r.api.latency[name].p95), 'ms'),
  row(`${name}: p99`, results.map((r) => r.api.latency[name].p99), 'ms'),
  row(`${name}: throughput`, results.map((r) => r.api.latency[name].rps), 'requests/s'),
]);
const table = [
  `| measure | min | median | max | unit |`,
  `|---|---|---|---|---|`,
  row('baseline: psql \\copy into an unindexed table', copyRate, 'rows/s'),
  row('import end to end (CLI → job → worker → events + facts)', importRate, 'rows/s'),
  row('import / baseline', results.map((r) => r.copySeconds / r.full.seconds), '×', 2),
  row('worker peak RSS during the full import', results.map((r) => r.full.peakRssMb), 'MB'),
  row(`full KPI refresh of the ${cases} cases`, results.map((r) => r.refresh.seconds), 's', 1),
  row(`incremental import of one more week (${weeklyCases} cases) onto ${cases}`, results.map((r) => r.incremental.seconds), 's', 1),
  ...latencyRows,
  row('api peak RSS', results.map((r) => r.api.rss), 'MB'),
].join('\n');
const last = results[results.length - 1];
const scans = last.api.scans.map((s) => `| ${s.relname} | ${s.seq_scan} | ${s.idx_scan ?? 0} |`).join('\n');
const failures = ENDPOINTS.map(
  ([name]) =>
    `${name}: ${last.api.latency[name].non2xx} non-2xx, ${last.api.latency[name].errors} errors, ${last.api.latency[name].timeouts} timeouts`,
).join('; ');
const report = `# Benchmark ${new Date().toISOString()}

Machine: ${execFileSync('nproc').toString().trim()} cores, Node ${process.version}. Input: ${cases} demo cases, ${rows} rows,
${(bytes / 1e6).toFixed(0)} MB of canonical CSV (generated in ${generateSeconds.toFixed(1)} s). ${runs} run(s), each on a fresh database.

${table}

- **Baseline**: PostgreSQL reading the same file into a table without index or constraint: the physical floor.
- **Import**: parses, validates, pseudonymises, copies into staging, merges with de-duplication by content into the
  indexed events table and computes every per-case fact, in one transaction; the worker is a process of its own and
  its peak RSS is the kernel's high-water mark (VmHWM).
- **Full KPI refresh**: \`node dist/workers/main.js refresh\`: every case's facts recomputed from its events.
- **Incremental**: one more week of new cases imported onto the full data (facts of the touched cases only).
- **API latency**: autocannon, 10 connections, ${loadSeconds} s per endpoint, loopback, admin token; percentiles over
  every 200 response. Last run: ${failures}.

## Scans on the request path (last run, counters reset before the load)

| table | sequential scans | index scans |
|---|---|---|
${scans}

## Plans (auto_explain, one request per endpoint before the load, last run)

\`\`\`
${last.api.plans}
\`\`\`
`;
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const out = join(ROOT, 'bench', 'results', `${new Date().toISOString().slice(0, 10)}.md`);
writeFileSync(out, report);
console.log(`\n${table}\n\nbench: written to ${out}`);
