// `npm run load -- [--seconds S] [--uploads U] [--upload-cases C] [--base-cases B] [--timeout T] [--skip-build]`:
// on this machine, loopback only, on a database of its own:
// 1. builds api and workers, migrates a fresh database, starts api + workers and imports a base data set (the demo
//    generator, B cases over 26 weeks) through the CLI with --wait;
// 2. unloaded: 50 dashboard users (autocannon connections spread over the dashboard's endpoints) for S seconds;
// 3. loaded: the same read load while U uploads (each a different generated canonical file of C cases, sources
//    load-1..U) go through POST /api/imports at once; the read load lasts until every import has ended (at most T s),
//    and every import must succeed with the counts of its file;
// 4. prints and writes bench/results/load-<date>.md: per endpoint unloaded vs loaded p95 (target: loaded ≤ 3 ×
//    unloaded), the imports' outcomes and wall time, api and worker peak RSS (VmHWM).
// Exits 1 when an import fails or misses its counts, a request fails, or a p95 ratio misses the target.
// Never part of `npm test`.
import autocannon from 'autocannon';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  openAsBlob,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';

const USAGE =
  'usage: npm run load -- [--seconds 20] [--uploads 20] [--upload-cases 2000] [--base-cases 20000] [--timeout 900] [--skip-build]';
let values;
try {
  values = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      uploads: { type: 'string', default: '20' },
      'upload-cases': { type: 'string', default: '2000' },
      'base-cases': { type: 'string', default: '20000' },
      timeout: { type: 'string', default: '900' },
      'skip-build': { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const positive = (name) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer\n${USAGE}`);
    process.exit(2);
  }
  return n;
};
const unloadedSeconds = positive('seconds');
const uploads = positive('uploads');
const uploadCases = positive('upload-cases');
const baseCases = positive('base-cases');
const timeoutSeconds = positive('timeout');

const ROOT = new URL('..', import.meta.url).pathname;
const SERVER = 'postgres://root@127.0.0.1:5432';
const DB = `relais_load_${process.pid}`;
const ADMIN = { email: 'load@relais.local', password: 'load-password-load' };
const CONNECTIONS = 50;
const TARGET_RATIO = 3;
// The dashboard's reads: what 50 people with the indicators and the case list open would ask for.
const ENDPOINTS = [
  ['summary', '/api/kpis/summary'],
  ['weekly', '/api/kpis/weekly'],
  ['handoffs', '/api/kpis/handoffs'],
  ['review', '/api/kpis/review'],
  ['cases page', '/api/cases?page=1'],
];
// Fixed, like bench: the same options give byte-identical files, so runs are comparable.
const END = '2026-05-31T20:00:00Z';
// The canonical identity of an event (journey_event_identity minus the source, which is one per file): rows equal
// on these columns are in-file duplicates that the import stores once. Indices into the generator's header
// case_id,customer_id,ts,event,step,team,agent,channel,category,csat,direction,csat_scale.
const IDENTITY_COLUMNS = [0, 2, 3, 4, 5, 6, 10, 9];

const work = mkdtempSync(join(tmpdir(), 'relais-load-'));
const children = [];

const env = (extra = {}) => ({
  ...process.env,
  DATABASE_URL: `${SERVER}/${DB}`,
  RELAIS_QUEUE_PREFIX: `relais-load-${process.pid}`,
  RELAIS_DATA_DIR: join(work, 'data'),
  RELAIS_SECRET: 'load-secret-load-secret-load-secret-load',
  RELAIS_DEMO: 'false',
  RELAIS_ADMIN_EMAIL: ADMIN.email,
  RELAIS_ADMIN_PASSWORD: ADMIN.password,
  NODE_ENV: 'production',
  ...extra,
});
const node = (args) =>
  execFileSync('node', args, { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'inherit'] }).toString();
/**
 * The same, without blocking this process: a synchronous wait would freeze fetch's keep-alive timers, and the next
 * request would go out on a socket the api closed meanwhile ("fetch failed").
 */
const nodeAsync = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn('node', args, { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`node ${args.join(' ')} exited with ${code}`)),
    );
  });
const seconds = (since) => (performance.now() - since) / 1000;
const ms = (x) => (Number.isNaN(x) ? '–' : `${Math.round(x)} ms`);
const sleep = (delay) => new Promise((r) => setTimeout(r, delay));

/** Kernel high-water mark of a process's resident memory, in MB. */
const peakRssMb = (pid) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
/** Resets VmHWM (Linux clear_refs "5") so that the next reading is the peak of the phase that follows. */
const resetPeakRss = (pid) => {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
};

async function sql(text) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

/** A port nobody listens on now: a bench or another load run may hold a fixed one. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts an app with its output in a log file of the run: shown when something fails, never on success. */
function startApp(name, args, extraEnv) {
  const log = join(work, `${name}.log`);
  const out = createWriteStream(log);
  const child = spawn('node', args, { cwd: ROOT, env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  children.push({ name, child, log });
  return child;
}

async function stopApps() {
  await Promise.all(
    children.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // An import in flight keeps a worker busy: after a grace period it is killed (its transaction rolls back).
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

function printLogTails() {
  for (const { name, log } of children) {
    try {
      const lines = readFileSync(log, 'utf8').trimEnd().split('\n').slice(-15);
      console.error(`--- last lines of the ${name} log ---\n${lines.join('\n')}`);
    } catch {
      // no log written
    }
  }
}

async function cleanUp() {
  await stopApps();
  await sql(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch((e) =>
    console.error(`load: could not drop ${DB}: ${e.message}`),
  );
  rmSync(work, { recursive: true, force: true });
}

/** Data rows of a generated file and how many of them repeat an earlier row's identity. */
async function countRows(path) {
  const seen = new Set();
  let rows = 0;
  let header = true;
  // The generator quotes nothing (every value is an id, a word or a number): a split on commas is exact.
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (header) {
      header = false;
      continue;
    }
    if (line === '') continue;
    rows += 1;
    const cols = line.split(',');
    seen.add(IDENTITY_COLUMNS.map((i) => cols[i]).join('\u0001'));
  }
  return { rows, duplicates: rows - seen.size };
}

function generate(path, cases, seed) {
  node([
    'dist/workers/main.js',
    'generate',
    '--cases',
    String(cases),
    '--weeks',
    '26',
    '--seed',
    String(seed),
    '--end',
    END,
    '--out',
    path,
  ]);
}

async function waitForHealth(baseUrl) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`the api did not answer ${baseUrl}/api/health within 60 s`);
}

async function login(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!res.ok) throw new Error(`login answered ${res.status}`);
  return (await res.json()).accessToken;
}

/**
 * 50 connections over the dashboard's endpoints (one autocannon instance each, connections shared out evenly) for
 * at most `duration` seconds; `stop()` ends it earlier. Percentiles over every 200 response time.
 */
function startReadLoad(baseUrl, token, duration) {
  const runs = ENDPOINTS.map(([name, path], i) => {
    const connections = Math.floor(CONNECTIONS / ENDPOINTS.length) + (i < CONNECTIONS % ENDPOINTS.length ? 1 : 0);
    const latencies = [];
    const instance = autocannon({
      url: `${baseUrl}${path}`,
      connections,
      duration,
      headers: { authorization: `Bearer ${token}` },
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
    const summary = Promise.resolve(instance).then((result) => {
      latencies.sort((a, b) => a - b);
      const at = (p) =>
        latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : NaN;
      return {
        name,
        connections,
        p50: at(0.5),
        p95: at(0.95),
        p99: at(0.99),
        ok: latencies.length,
        rps: latencies.length / result.duration,
        non2xx: result.non2xx,
        errors: result.errors,
      };
    });
    return { instance, summary };
  });
  return {
    stop: () => runs.forEach(({ instance }) => instance.stop()),
    results: Promise.all(runs.map(({ summary }) => summary)),
  };
}

/** POST /api/imports, multipart like the dashboard's upload: the file streamed from disk. */
async function upload(baseUrl, token, file, source) {
  const form = new FormData();
  form.set('format', 'canonical');
  form.set('source', source);
  form.set('file', await openAsBlob(file, { type: 'text/csv' }), basename(file));
  const res = await fetch(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await res.json().catch(() => ({}));
  if (res.status !== 202) throw new Error(`POST /api/imports answered ${res.status}: ${body.message ?? ''}`);
  return body.id;
}

/** Polls one import, as the dashboard's import page does, until it has ended or the deadline has passed. */
async function follow(baseUrl, token, id, deadline) {
  for (;;) {
    const res = await fetch(`${baseUrl}/api/imports/${id}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.ok) {
      const report = await res.json();
      if (report.status === 'succeeded' || report.status === 'failed') return report;
    }
    if (performance.now() > deadline) return { status: 'timed out' };
    await sleep(1000);
  }
}

/** What an import must report for its file: every row read, every distinct event stored once, nothing rejected. */
function checkImport(expected, report) {
  if (report.status !== 'succeeded') return `${report.status}${report.failure ? `: ${report.failure}` : ''}`;
  const misses = [];
  if (report.rowsRead !== expected.rows) misses.push(`rows read ${report.rowsRead} ≠ ${expected.rows}`);
  const events = expected.rows - expected.duplicates;
  if (report.eventsStored !== events) misses.push(`events stored ${report.eventsStored} ≠ ${events}`);
  if (report.duplicates !== expected.duplicates)
    misses.push(`duplicates ${report.duplicates} ≠ ${expected.duplicates}`);
  if (report.rejected !== 0) misses.push(`${report.rejected} rejected`);
  return misses.join(', ');
}

async function main() {
  const failures = [];
  if (!values['skip-build']) {
    console.log('load: building workers and api');
    const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'workers', '--outputStyle=static'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`);
  }

  console.log(`load: generating ${baseCases} base cases and ${uploads} files of ${uploadCases} cases`);
  const baseFile = join(work, 'base.csv');
  generate(baseFile, baseCases, 42);
  const base = await countRows(baseFile);
  const files = [];
  for (let i = 1; i <= uploads; i++) {
    const path = join(work, `load-${i}.csv`);
    // A seed per file: different journeys, so no file is a re-import of another.
    generate(path, uploadCases, 1000 + i);
    files.push({ source: `load-${i}`, path, ...(await countRows(path)) });
  }

  await sql(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  node(['dist/api/main.js', 'migrate']);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const api = startApp('api', ['dist/api/main.js'], { PORT: String(port) });
  const worker = startApp('workers', ['dist/workers/main.js']);
  await waitForHealth(baseUrl);
  const token = await login(baseUrl);

  console.log(`load: importing the base data set (${base.rows} rows) through the CLI`);
  let t = performance.now();
  const cli = await nodeAsync([
    'dist/workers/main.js',
    'import',
    '--format',
    'canonical',
    '--file',
    baseFile,
    '--source',
    'demo',
    '--wait',
  ]);
  const baseSeconds = seconds(t);
  const baseId = /import (\S+) queued/.exec(cli)?.[1];
  const baseReport = await (
    await fetch(`${baseUrl}/api/imports/${baseId}`, { headers: { authorization: `Bearer ${token}` } })
  ).json();
  const baseMiss = checkImport(base, baseReport);
  if (baseMiss) failures.push(`base import: ${baseMiss}`);

  // One request each before measuring: first-request costs (plans, lazy code) are not what users wait for.
  for (const [, path] of ENDPOINTS) await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

  const peakBefore = { api: peakRssMb(api.pid), worker: peakRssMb(worker.pid) };
  console.log(`load: unloaded, ${CONNECTIONS} connections for ${unloadedSeconds} s`);
  const unloaded = await startReadLoad(baseUrl, token, unloadedSeconds).results;

  const peakReset = resetPeakRss(api.pid) && resetPeakRss(worker.pid);
  console.log(`load: loaded, ${CONNECTIONS} connections while ${uploads} uploads of ${uploadCases} cases are imported`);
  const reads = startReadLoad(baseUrl, token, timeoutSeconds);
  t = performance.now();
  const deadline = t + timeoutSeconds * 1000;
  const outcomes = await Promise.all(
    files.map(async (file) => {
      try {
        const id = await upload(baseUrl, token, file.path, file.source);
        const uploadSeconds = seconds(t);
        const report = await follow(baseUrl, token, id, deadline);
        return { file, report, uploadSeconds, endSeconds: seconds(t) };
      } catch (error) {
        return { file, report: { status: 'failed', failure: error.message }, endSeconds: seconds(t) };
      }
    }),
  );
  const wallSeconds = seconds(t);
  reads.stop();
  const loaded = await reads.results;
  const peakLoaded = { api: peakRssMb(api.pid), worker: peakRssMb(worker.pid) };

  for (const o of outcomes) {
    o.miss = checkImport(o.file, o.report);
    if (o.miss) failures.push(`${o.file.source}: ${o.miss}`);
  }
  const latencyRows = ENDPOINTS.map(([name], i) => {
    const u = unloaded[i];
    const l = loaded[i];
    const ratio = l.p95 / u.p95;
    const met = ratio <= TARGET_RATIO;
    if (!met) failures.push(`${name}: loaded p95 ${ms(l.p95)} is ${ratio.toFixed(2)} × unloaded ${ms(u.p95)}`);
    for (const [phase, r] of [
      ['unloaded', u],
      ['loaded', l],
    ]) {
      if (r.non2xx || r.errors) failures.push(`${name} (${phase}): ${r.non2xx} non-2xx answers, ${r.errors} errors`);
    }
    return (
      `| ${name} | ${u.connections} | ${ms(u.p50)} | ${ms(u.p95)} | ${ms(u.p99)} | ${u.rps.toFixed(0)} | ` +
      `${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${l.rps.toFixed(0)} | ${ratio.toFixed(2)} | ${met ? 'yes' : '**no**'} |`
    );
  });
  const latencyTable = [
    `| endpoint | connections | unloaded p50 | p95 | p99 | req/s | loaded p50 | p95 | p99 | req/s | p95 ratio | ≤ ${TARGET_RATIO} × |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...latencyRows,
  ].join('\n');
  const importTable = [
    '| source | rows | in-file duplicates | status | rows read | events stored | duplicates | rejected | accepted after | ended after | job run | check |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...outcomes.map(({ file, report: r, uploadSeconds, endSeconds, miss }) => {
      const run =
        r.startedAt && r.finishedAt
          ? `${((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1)} s`
          : '–';
      return (
        `| ${file.source} | ${file.rows} | ${file.duplicates} | ${r.status} | ${r.rowsRead ?? '–'} | ${r.eventsStored ?? '–'} | ` +
        `${r.duplicates ?? '–'} | ${r.rejected ?? '–'} | ${uploadSeconds === undefined ? '–' : `${uploadSeconds.toFixed(1)} s`} | ` +
        `${endSeconds.toFixed(1)} s | ${run} | ${miss ? `**${miss}**` : 'ok'} |`
      );
    }),
  ].join('\n');
  const succeeded = outcomes.filter((o) => !o.miss).length;
  const rssTable = [
    `| process | peak RSS until the loaded phase | peak RSS in the loaded phase${peakReset ? '' : ' (reset refused: since start)'} |`,
    '|---|---|---|',
    `| api | ${peakBefore.api.toFixed(0)} MB | ${peakLoaded.api.toFixed(0)} MB |`,
    `| workers | ${peakBefore.worker.toFixed(0)} MB | ${peakLoaded.worker.toFixed(0)} MB |`,
  ].join('\n');
  const verdict = failures.length ? `FAIL\n\n${failures.map((f) => `- ${f}`).join('\n')}` : 'PASS';
  const report = `# Load test ${new Date().toISOString()}

Machine: ${execFileSync('nproc').toString().trim()} cores, Node ${process.version}, loopback. Base: ${baseCases} demo cases
(${base.rows} rows, source \`demo\`) imported through the CLI with --wait in ${baseSeconds.toFixed(1)} s (${baseMiss || 'counts ok'}).
Read load: ${CONNECTIONS} connections (autocannon, one instance per endpoint), admin token; percentiles over every 200
response. Unloaded: ${unloadedSeconds} s. Loaded: from the first upload until the last of ${uploads} imports
(${uploadCases} cases each, sources load-1..${uploads}, POST /api/imports all at once) had ended: ${wallSeconds.toFixed(1)} s.
Target: loaded p95 ≤ ${TARGET_RATIO} × unloaded p95. The loaded phase also reads a growing data set: each import adds its cases.

${latencyTable}

## Imports under load

${succeeded} of ${uploads} imports succeeded with the counts of their file; all ended ${wallSeconds.toFixed(1)} s after the
uploads started. Expected counts come from the generated file itself: rows = data lines, in-file duplicates =
rows repeating an earlier row's event identity (case, time, event, step, team, agent, direction, score).
"accepted after": the 202 of the upload; "ended after": the poll that saw the end; "job run": startedAt → finishedAt.

${importTable}

## Memory

${rssTable}

## Verdict

${verdict}
`;
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const out = join(ROOT, 'bench', 'results', `load-${new Date().toISOString().slice(0, 10)}.md`);
  writeFileSync(out, report);
  console.log(
    `\n${latencyTable}\n\nimports: ${succeeded} of ${uploads} ok, all ended after ${wallSeconds.toFixed(1)} s` +
      `\n\n${rssTable}\n\nload: ${verdict}\nload: written to ${out}`,
  );
  if (failures.length) printLogTails();
  return failures.length ? 1 : 0;
}

process.once('SIGINT', () => {
  console.error('\nload: interrupted, cleaning up');
  void cleanUp().finally(() => process.exit(130));
});

let code = 1;
try {
  code = await main();
} catch (error) {
  // fetch() hides the socket's reason in `cause`.
  console.error(`load: ${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ''}`);
  printLogTails();
} finally {
  await cleanUp();
}
process.exit(code);
