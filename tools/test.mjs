// `npm test`: lint, unit and integration tests of every project, then the end-to-end suite (api + workers +
// Chromium), against the real PostgreSQL and Redis with a database and queue prefix of this run only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const results = mkdtempSync(join(tmpdir(), 'relais-test-results-'));
const env = { ...process.env, RELAIS_TEST_RUN: run, RELAIS_TEST_RESULTS: results, TZ: 'UTC', FORCE_COLOR: '0' };

const nx = (...args) => spawnSync('npx', ['nx', ...args], { stdio: 'inherit', env }).status ?? 1;

const lint = nx('run-many', '-t', 'lint', '--outputStyle=static');
// Test results are never served from a cache: a green line must mean the tests ran.
const test = nx('run-many', '-t', 'test', 'e2e', '--skip-nx-cache', '--parallel=2', '--outputStyle=static');
// The fault suite restarts PostgreSQL and Redis: alone, once every suite above has finished.
const faults = nx('run', 'e2e:faults', '--skip-nx-cache', '--outputStyle=static');

let passed = 0;
let failed = 0;
let skipped = 0;
const suites = readdirSync(results).map((f) => JSON.parse(readFileSync(join(results, f), 'utf8')));
for (const s of suites) {
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped;
}
rmSync(results, { recursive: true, force: true });
// A project whose run broke before Jest could report (e.g. its global setup failed) still counts as a failure.
if ((test !== 0 || faults !== 0) && failed === 0) failed = 1;
const ok = lint === 0 && test === 0 && faults === 0 && failed === 0 && passed > 0;
console.log(`\nlint ${lint === 0 ? 'clean' : 'FAILED'}; ${suites.length} Jest projects; ${ok ? 'all green' : 'FAILED'}`);
console.log(`Summary: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
