import type { ImportReport, KpiSummary, WeeklyKpis } from '@relais/contracts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { api, login, stack } from '../support/api-client';

/**
 * The whole path on real services: file → POST /api/imports → BullMQ → worker → PostgreSQL → KPI endpoints.
 * Expected values are computed by hand from fixtures/two-weeks.csv (organisation time zone Europe/Paris):
 * T1 (week of 3 March): N1 → N2, 1 transfer; alice comes back 2 days later on billing (T2) → T1 repeated.
 * T2 (same week): N1 only, 0 transfers. T3 (week of 10 March): N2 → N3 → N2, 2 transfers, ping-pong.
 * Latest event 2025-03-10 12:10Z: T2 and T3 were created less than 7 days before it → provisional.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const SOURCE = 'e2e-api';

async function upload(token: string, file: string, source = SOURCE): Promise<Response> {
  const form = new FormData();
  form.set('file', new Blob([await readFile(join(FIXTURES, file))]), file);
  form.set('format', 'canonical');
  form.set('source', source);
  return api('/imports', { method: 'POST', body: form, token });
}

async function settled(token: string, id: string): Promise<ImportReport> {
  for (let i = 0; i < 240; i++) {
    const report = (await (await api(`/imports/${id}`, { token })).json()) as ImportReport;
    if (report.status === 'succeeded' || report.status === 'failed') return report;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('import → queue → worker → PostgreSQL → API', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
  });

  it('imports the file and serves hand-computed indicators', async () => {
    const accepted = await upload(admin, 'two-weeks.csv');
    expect(accepted.status).toBe(202);
    const { id, status } = await accepted.json();
    expect(status).toBe('queued');

    const report = await settled(admin, id);
    expect(report).toMatchObject({
      status: 'succeeded', format: 'canonical', source: SOURCE,
      rowsRead: 10, eventsStored: 10, duplicates: 0, rejected: 0, errors: [], progress: 1,
    });

    const summary = (await (await api(`/kpis/summary?source=${SOURCE}`, { token: admin })).json()) as KpiSummary;
    expect(summary.cases).toBe(3);
    expect(summary.transfers).toEqual({ mean: 1, distribution: { '0': 1, '1': 1, '2': 1, '3': 0, '4+': 0 }, pingPongShare: 0.333333 });
    expect(summary.repeatContact).toEqual({ windowDays: 7, rate: 0.333333, repeatedCases: 1, provisionalCases: 2 });

    const weekly = (await (await api(`/kpis/weekly?source=${SOURCE}`, { token: admin })).json()) as WeeklyKpis;
    expect(weekly.weeks.map(({ week, start, cases, transfersMean, pingPongShare, repeatRate, provisional }) => ({
      week, start, cases, transfersMean, pingPongShare, repeatRate, provisional,
    }))).toEqual([
      { week: '2025-W10', start: '2025-03-03', cases: 2, transfersMean: 0.5, pingPongShare: 0, repeatRate: 0.5, provisional: true },
      { week: '2025-W11', start: '2025-03-10', cases: 1, transfersMean: 2, pingPongShare: 1, repeatRate: 0, provisional: true },
    ]);
  });

  it('adds nothing when the same file comes again', async () => {
    const { id } = await (await upload(admin, 'two-weeks.csv')).json();
    expect(await settled(admin, id)).toMatchObject({ status: 'succeeded', rowsRead: 10, eventsStored: 0, duplicates: 10 });
    const summary = (await (await api(`/kpis/summary?source=${SOURCE}`, { token: admin })).json()) as KpiSummary;
    expect(summary.cases).toBe(3);
  });

  it('fails a file with too many bad rows, names line and field, and stores nothing of it', async () => {
    const { id } = await (await upload(admin, 'bad-date.csv', 'e2e-bad')).json();
    const report = await settled(admin, id);
    expect(report.status).toBe('failed');
    expect(report.rejected).toBe(1);
    expect(report.errors).toEqual([expect.objectContaining({ line: 3, field: 'ts' })]);
    const summary = (await (await api('/kpis/summary?source=e2e-bad', { token: admin })).json()) as KpiSummary;
    expect(summary.cases).toBe(0);
  });

  it('keeps customer identifiers out of storage and responses', async () => {
    const client = new Client({ connectionString: stack().databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM journey_event e WHERE e::text ILIKE '%example.org%'`,
    );
    const keys = await client.query(`SELECT count(DISTINCT customer_key)::int AS n FROM case_fact WHERE source = $1`, [SOURCE]);
    await client.end();
    expect(rows[0].n).toBe(0);
    // alice (twice, differently written) and bob: two pseudonyms.
    expect(keys.rows[0].n).toBe(2);
    for (const path of [`/kpis/summary?source=${SOURCE}`, `/kpis/weekly?source=${SOURCE}`, '/imports']) {
      expect(await (await api(path, { token: admin })).text()).not.toMatch(/example\.org/);
    }
  });
});
