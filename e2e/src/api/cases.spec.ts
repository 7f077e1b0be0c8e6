import type { CaseDetail, CasesPage, HandoffsResponse, ImportReport } from '@relais/contracts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { api, login, stack } from '../support/api-client';
import { ROLE_PASSWORD } from '../support/global-setup';

/**
 * The analyst's drill-down on the real stack. Hand-computed from fixtures/cases-drilldown.csv (seq = data row):
 * D1 in (ts, seq) order: 08:00 s1 created · 08:05 s6 contact · 08:10 s3 triage · 08:10 s5 assigned N1 ·
 * 09:00 s7 assigned N2 (transfer, picked up 09:30: 0.5 h) · 09:30 s9 in_progress · 10:00 s2 survey · 10:00 s10
 * resolved. D2: same customer (written differently) and category one day later → D1 repeated. D3: another customer.
 * January 2025, before the other suites' latest event (2025-03-10): their provisional flags do not move.
 */
const SOURCE = 'e2e-cases';
const FILE = 'cases-drilldown.csv';
const CUSTOMER = /drilldown\.example\.net|zora|yves/i;

async function importFixture(admin: string): Promise<ImportReport> {
  const form = new FormData();
  form.set('file', new Blob([await readFile(join(__dirname, '..', 'fixtures', FILE))]), FILE);
  form.set('format', 'canonical');
  form.set('source', SOURCE);
  const accepted = await api('/imports', { method: 'POST', body: form, token: admin });
  expect(accepted.status).toBe(202);
  const { id } = await accepted.json();
  for (let i = 0; i < 240; i++) {
    const report = (await (await api(`/imports/${id}`, { token: admin })).json()) as ImportReport;
    if (report.status === 'succeeded' || report.status === 'failed') return report;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('cases drill-down through the api', () => {
  let analyst: string;
  let viewer: string;
  const bodies: string[] = [];

  async function get(path: string, token: string): Promise<Response> {
    const res = await api(path, { token });
    bodies.push(await res.clone().text());
    return res;
  }

  beforeAll(async () => {
    const admin = await login(stack().admin.email, stack().admin.password);
    expect(await importFixture(admin)).toMatchObject({ status: 'succeeded', eventsStored: 11, rejected: 0 });
    analyst = await login('analyst@e2e.relais.local', ROLE_PASSWORD);
    viewer = await login('viewer@e2e.relais.local', ROLE_PASSWORD);
  });

  it('is for analysts: a viewer gets 403', async () => {
    expect((await get(`/cases?source=${SOURCE}`, viewer)).status).toBe(403);
    expect((await get(`/cases/${SOURCE}/D1`, viewer)).status).toBe(403);
    expect((await api('/cases')).status).toBe(401);
  });

  it('lists the cases of the filters, newest first', async () => {
    const res = await get(`/cases?source=${SOURCE}`, analyst);
    expect(res.status).toBe(200);
    const page = (await res.json()) as CasesPage;
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.caseId)).toEqual(['D3', 'D2', 'D1']);
    expect(page.items[2]).toEqual({
      source: SOURCE,
      caseId: 'D1',
      createdAt: '2025-01-06T08:00:00.000Z',
      team: 'N1',
      channel: 'phone',
      category: 'billing',
      transfers: 1,
      repeated: true,
      reopened: false,
    });
    const repeated = (await (
      await get(`/cases?source=${SOURCE}&repeated=true&minTransfers=1`, analyst)
    ).json()) as CasesPage;
    expect(repeated.items.map((item) => item.caseId)).toEqual(['D1']);
    const second = (await (await get(`/cases?source=${SOURCE}&page=2&pageSize=2`, analyst)).json()) as CasesPage;
    expect(second).toMatchObject({ total: 3, items: [{ caseId: 'D1' }] });
  });

  it.each([
    ['pageSize=501', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=0', 'page'],
    ['minTransfers=-1', 'minTransfers'],
    ['repeated=yes', 'repeated'],
    ['transition=triage', 'transition'],
    ['transition=%3Etriage', 'transition'],
    ['colour=blue', 'colour'],
  ])('refuses ?%s with 400 naming %s', async (query, name) => {
    const res = await get(`/cases?${query}`, analyst);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(name);
  });

  it('shows one imported case with its events in (ts, seq) order', async () => {
    const res = await get(`/cases/${SOURCE}/D1`, analyst);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as CaseDetail;
    expect(detail).toMatchObject({
      source: SOURCE,
      caseId: 'D1',
      transfers: 1,
      repeated: true,
      reopened: false,
      handoffs: [{ from: 'N1', to: 'N2', transferredAt: '2025-01-06T09:00:00.000Z', pickupHours: 0.5 }],
    });
    expect(detail.events.map((e) => [e.ts.slice(11, 16), e.seq, e.event, e.step, e.team])).toEqual([
      ['08:00', 1, 'created', 'new', 'N1'],
      ['08:05', 6, 'contact', 'new', null],
      ['08:10', 3, 'status_changed', 'triage', 'N1'],
      ['08:10', 5, 'assigned', 'triage', 'N1'],
      ['09:00', 7, 'assigned', 'triage', 'N2'],
      ['09:30', 9, 'status_changed', 'in_progress', 'N2'],
      ['10:00', 2, 'survey', 'resolved', 'N2'],
      ['10:00', 10, 'status_changed', 'resolved', 'N2'],
    ]);
    expect(detail.events[6]).toMatchObject({ csat: 4, csatScale: 5, agent: 'agent-8' });
  });

  it('answers 404 for a case it does not know', async () => {
    expect((await get(`/cases/${SOURCE}/NOPE`, analyst)).status).toBe(404);
    expect((await get(`/cases/elsewhere/D1`, analyst)).status).toBe(404);
  });

  it('serves the handoff matrix to viewers', async () => {
    const res = await get(`/kpis/handoffs?source=${SOURCE}`, viewer);
    expect(res.status).toBe(200);
    expect((await res.json()) as HandoffsResponse).toEqual({
      edges: [{ from: 'N1', to: 'N2', transfers: 1, pickupMedianHours: 0.5 }],
    });
  });

  it('never exposes the customers: neither their ids nor their pseudonyms', async () => {
    for (const caseId of ['D2', 'D3']) expect((await get(`/cases/${SOURCE}/${caseId}`, analyst)).status).toBe(200);
    const client = new Client({ connectionString: stack().databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ key: string }>(
      `SELECT DISTINCT customer_key AS key FROM case_fact WHERE source = $1`,
      [SOURCE],
    );
    await client.end();
    // Zora twice, differently written, and Yves: two pseudonyms.
    expect(rows).toHaveLength(2);
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) {
      expect(body).not.toMatch(CUSTOMER);
      for (const { key } of rows) expect(body).not.toContain(key);
      expect(body).not.toMatch(/customer/i);
    }
  });
});
