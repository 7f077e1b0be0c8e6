// `npm run bench -- [--cases N] [--runs R]`: import throughput against PostgreSQL's own COPY, side by side on this
// machine, through the real path (CLI → BullMQ job → worker → events and facts), with the worker's peak RSS.
// Writes bench/results/<date>.md. Never part of `npm test`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } },
});
const cases = Number(values.cases);
const runs = Number(values.runs);
const ROOT = new URL('..', import.meta.url).pathname;
const SERVER = 'postgres://root@127.0.0.1:5432';
const work = mkdtempSync(join(tmpdir(), 'relais-bench-'));
const env = (db) => ({
  ...process.env,
  DATABASE_URL: `${SERVER}/${db}`,
  RELAIS_QUEUE_PREFIX: `relais-bench-${process.pid}`,
  RELAIS_DATA_DIR: join(work, 'data'),
  RELAIS_SECRET: 'bench-secret-bench-secret-bench-secret',
  RELAIS_DEMO: 'false',
});
const node = (args, e) => execFileSync('node', args, { cwd: ROOT, env: e, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

console.log(`bench: building workers and api`);
spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'workers', '--outputStyle=static'], { cwd: ROOT, stdio: 'ignore' });

// The same generator as the demo, one more week for the incremental import.
// Sunday evenings: the file covers the 26 weeks ending 31 May, the extra file the week after.
const end = new Date('2026-05-31T20:00:00Z');
const file = join(work, 'cases.csv');
const extra = join(work, 'extra-week.csv');
let t = performance.now();
node(['dist/workers/main.js', 'generate', '--cases', String(cases), '--weeks', '26', '--end', end.toISOString(), '--out', file]);
const generateSeconds = (performance.now() - t) / 1000;
const weeklyCases = Math.max(1, Math.round(cases / 26));
node(['dist/workers/main.js', 'generate', '--cases', String(weeklyCases), '--weeks', '1', '--seed', '99', '--end', new Date(end.getTime() + 7 * 86400e3).toISOString(), '--out', extra]);
const rows = Number(execFileSync('wc', ['-l', file]).toString().trim().split(' ')[0]) - 1;
const bytes = statSync(file).size;
console.log(`bench: ${cases} cases, ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB generated in ${generateSeconds.toFixed(1)} s`);

async function admin(sql) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  await c.query(sql);
  await c.end();
}

async function baseline(db) {
  // Physical floor: PostgreSQL's COPY of the same file into an unindexed table, through psql.
  execFileSync('psql', [`${SERVER}/${db}`, '-qc', 'CREATE TABLE raw_copy (case_id text, customer_id text, ts text, event text, step text, team text, agent text, channel text, category text, csat text, direction text, csat_scale text)']);
  const start = performance.now();
  execFileSync('psql', [`${SERVER}/${db}`, '-qc', `\\copy raw_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
  return (performance.now() - start) / 1000;
}

/** Runs one import through the CLI with a worker process of its own, sampling the worker's peak RSS. */
async function importThroughJob(db, path, source) {
  const worker = spawn('node', ['dist/workers/main.js'], { cwd: ROOT, env: env(db), stdio: 'ignore' });
  const start = performance.now();
  node(['dist/workers/main.js', 'import', '--format', 'canonical', '--file', path, '--source', source, '--wait'], env(db));
  const seconds = (performance.now() - start) / 1000;
  const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
  const peakRssMb = Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  return { seconds, peakRssMb };
}

const results = [];
for (let run = 1; run <= runs; run++) {
  const db = `relais_bench_${process.pid}_${run}`;
  await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  node(['dist/api/main.js', 'migrate'], env(db));
  const copySeconds = await baseline(db);
  const full = await importThroughJob(db, file, 'bench');
  const incremental = await importThroughJob(db, extra, 'bench');
  results.push({ copySeconds, full, incremental });
  console.log(`bench: run ${run}: COPY ${copySeconds.toFixed(1)} s, import ${full.seconds.toFixed(1)} s (peak RSS ${full.peakRssMb.toFixed(0)} MB), one more week ${incremental.seconds.toFixed(1)} s`);
  await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
}
rmSync(work, { recursive: true, force: true });

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};
const row = (label, xs, unit, digits = 0) => {
  const { min, median, max } = stats(xs);
  return `| ${label} | ${min.toFixed(digits)} | ${median.toFixed(digits)} | ${max.toFixed(digits)} | ${unit} |`;
};
const copyRate = results.map((r) => rows / r.copySeconds);
const importRate = results.map((r) => rows / r.full.seconds);
const table = [
  `| measure | min | median | max | unit |`,
  `|---|---|---|---|---|`,
  row('baseline: psql \\copy into an unindexed table', copyRate, 'rows/s'),
  row('import end to end (CLI → job → worker → events + facts)', importRate, 'rows/s'),
  row('import / baseline', results.map((r) => r.copySeconds / r.full.seconds), '×', 2),
  row('worker peak RSS during the full import', results.map((r) => r.full.peakRssMb), 'MB'),
  row(`incremental import of one more week (${weeklyCases} cases) onto ${cases}`, results.map((r) => r.incremental.seconds), 's', 1),
].join('\n');
const report = `# Benchmark ${new Date().toISOString()}

Machine: ${execFileSync('nproc').toString().trim()} cores, Node ${process.version}. Input: ${cases} demo cases, ${rows} rows,
${(bytes / 1e6).toFixed(0)} MB of canonical CSV (generated in ${generateSeconds.toFixed(1)} s). ${runs} runs, each on a fresh database.

${table}

- The baseline is PostgreSQL reading the same file into a table without index or constraint: the physical floor.
- The import parses, validates, pseudonymises, copies into staging, merges with de-duplication by content into the
  indexed events table and computes every per-case fact, in one transaction.
`;
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const out = join(ROOT, 'bench', 'results', `${new Date().toISOString().slice(0, 10)}.md`);
writeFileSync(out, report);
console.log(`\n${table}\n\nbench: written to ${out}`);
