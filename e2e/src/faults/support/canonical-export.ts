import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Canonical CSV exports (§8, with direction and csat_scale) for the fault tests. Every case is drawn from a PRNG
 * seeded by its number only, so case n has the same rows in every file that holds it: two files over overlapping
 * case ranges overlap row for row. Cases are created 90 s apart from 2025-01-06 00:00Z; each case's rows are
 * ≤ 2 h apart with increasing timestamps (no row repeats another), all before 2025-03-10.
 *
 * Repeat contacts cross sources (case-facts.ts: the gap to the customer's next case of the same category), so a
 * "clean" twin of a file imported into another source differs in one thing only: its customer ids carry another
 * prefix. Everything else, case ids included, is identical.
 */
export interface ExportSpec {
  /** Number of the first case (case ids F000000, F000001, …). */
  from: number;
  /** Number of cases. */
  cases: number;
  /** Prefix of customer ids, e.g. `pgr-` → pgr-0 … pgr-2999. */
  customers: string;
}

export interface WrittenExport {
  path: string;
  /** Data rows (the header excluded): every one a distinct event. */
  rows: number;
}

const HEADER = 'case_id,customer_id,ts,event,step,team,agent,channel,category,csat,direction,csat_scale\n';
const START = Date.parse('2025-01-06T00:00:00Z');
const CUSTOMERS = 3000;
const TEAMS = ['N1', 'N2', 'N3', 'Billing', 'Field'];

/** mulberry32: small, seeded, the same sequence on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rows of case n: created, 2–7 assignments (a team change 45 % of the time), contacts, waits, resolution. */
export function caseRows(n: number, customers: string): string[] {
  const next = random(0x9e3779b1 ^ (n * 2654435761));
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
  const caseId = `F${String(n).padStart(6, '0')}`;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  let ts = START + n * 90_000;
  let team = pick(TEAMS);
  const rows = [
    `${caseId},${customers}${Math.floor(next() * CUSTOMERS)},${iso(ts)},created,new,${team},,` +
      `${pick(['phone', 'email', 'web', 'chat'])},${pick(['billing', 'access', 'network', 'hardware', 'other'])},,,`,
  ];
  const later = () => (ts += 60_000 + Math.floor(next() * 7_140_000));
  const row = (event: string, step: string, agent: string, extra = ',,,,,') =>
    rows.push(`${caseId},,${iso(ts)},${event},${step},${team},${agent}${extra}`);
  for (let i = 0, assignments = 2 + Math.floor(next() * 6); i < assignments; i++) {
    later();
    if (next() < 0.45) team = pick(TEAMS);
    row('assigned', i === 0 ? 'triage' : 'in_progress', `agent-${Math.floor(next() * 40)}`);
    if (next() < 0.4) {
      later();
      row('contact', 'in_progress', '', `,,,,${next() < 0.6 ? 'inbound' : 'outbound'},`);
    }
    if (next() < 0.3) {
      later();
      row('status_changed', 'waiting_customer', '');
    }
  }
  later();
  row('status_changed', 'resolved', '');
  if (next() < 0.1) {
    later();
    row('reopened', 'reopened', '');
  }
  if (next() < 0.3) {
    later();
    row('survey', 'resolved', '', `,,,${1 + Math.floor(next() * 5)},,5`);
  }
  return rows;
}

/** Writes the cases [from, from + cases) to `path` and counts its data rows on the way. */
export async function writeCanonicalExport(path: string, spec: ExportSpec): Promise<WrittenExport> {
  let rows = 0;
  await pipeline(
    Readable.from(
      (function* () {
        let chunk = HEADER;
        for (let n = spec.from; n < spec.from + spec.cases; n++) {
          const lines = caseRows(n, spec.customers);
          rows += lines.length;
          chunk += lines.join('\n') + '\n';
          if (chunk.length >= 64 * 1024) {
            yield chunk;
            chunk = '';
          }
        }
        yield chunk;
      })(),
    ),
    createWriteStream(path),
  );
  return { path, rows };
}
