import type { CaseDetail, CasesPage, KpiSummary } from '@relais/contracts';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { api, login, stack, uploadImport, waitForImport } from '../support/api-client';
import { ROLE_PASSWORD } from '../support/global-setup';
import { ARTIFACTS } from '../support/stack';

/**
 * API-CONTRACT "Auth", checked on every operation the OpenAPI document (GET /api/docs-json) lists, so that an
 * endpoint added later is covered without touching this file. The only rule written here is the contract's:
 * paths under /api/kpis → viewer; under /api/cases → analyst; everything else → admin (imports, settings, users,
 * targets, step mappings…). Health and login are the only public operations.
 *
 * Then the privacy sweep (KPI-DEFINITIONS §1: the raw customer id is never stored or logged; API-CONTRACT: cases
 * never expose customer_id): fixtures/privacy.csv, source e2e-privacy, customers written to be recognisable —
 * privacy-ann@example.com (PV1, and PV2 written " Privacy-Ann@Example.COM "), privacy-ben@example.com (PV3), a
 * quoted "privacy-cleo, ""external"" <privacy-cleo@example.com>" (PV4) and a phone number +33 6 00 11 22 33 (PV5)
 * — and fixtures/privacy-rejected.csv, whose rows are all rejected (privacy-dan@example.com, the import fails and
 * stores nothing; only its error report is served). Every GET operation, as admin, must answer without any of
 * them, without their pseudonyms and without a password hash. February 2025, before the other suites' latest
 * event (2025-03-10): their provisional flags do not move; customers of this suite only: no repeat contact moves.
 */
type Role = 'viewer' | 'analyst' | 'admin';
const ROLES: Role[] = ['viewer', 'analyst', 'admin'];
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const FIXTURES = join(__dirname, '..', 'fixtures');
const SOURCE = 'e2e-privacy';
const CASES = ['PV1', 'PV2', 'PV3', 'PV4', 'PV5'];
/** Every customer of both fixtures, however written, and the parts that would betray them. */
const CUSTOMER = /privacy-(ann|ben|cleo|dan)|00 11 22 33|33600112233/i;
const PASSWORD_HASH = /\$argon2|"password_?hash"/i;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: { format?: string };
}
interface Operation {
  method: (typeof HTTP_METHODS)[number];
  path: string;
  parameters: Parameter[];
}
const label = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;

/** The contract's rule, from the path alone. */
function requiredRole(path: string): Role {
  if (path === '/api/kpis' || path.startsWith('/api/kpis/')) return 'viewer';
  if (path === '/api/cases' || path.startsWith('/api/cases/')) return 'analyst';
  return 'admin';
}

async function operations(): Promise<Operation[]> {
  const res = await api('/docs-json');
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      parameters: item[method].parameters ?? [],
    })),
  );
}

/** Plausible path values: a uuid for `id` (or a parameter documented as a uuid), 'x' (or `values`) otherwise. */
function plausiblePath(op: Operation, values: Record<string, string> = {}): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const format = op.parameters.find((p) => p.in === 'path' && p.name === name)?.schema?.format;
    return name === 'id' || format === 'uuid' ? randomUUID() : (values[name] ?? 'x');
  });
}

/** Calls an operation of the document (its path already filled in) with `{}` as the body of a write. */
function call(method: Operation['method'], path: string, token?: string): Promise<Response> {
  const write = method === 'post' || method === 'put' || method === 'patch';
  return api(path.replace(/^\/api/, ''), {
    method: method.toUpperCase(),
    token,
    ...(write ? { headers: { 'Content-Type': 'application/json' }, body: '{}' } : {}),
  });
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signedToken(claims: Record<string, unknown>, secret: string): string {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('roles matrix from the OpenAPI document', () => {
  let ops: Operation[];
  let protectedOps: Operation[];
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    ops = await operations();
    protectedOps = ops.filter((op) => !PUBLIC.has(label(op)));
    tokens.admin = await login(stack().admin.email, stack().admin.password);
    tokens.analyst = await login('analyst@e2e.relais.local', ROLE_PASSWORD);
    tokens.viewer = await login('viewer@e2e.relais.local', ROLE_PASSWORD);
  });

  it('documents the operations of the contract', () => {
    expect(ops.map(label)).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'GET /api/kpis/summary',
        'GET /api/kpis/weekly',
        'GET /api/kpis/handoffs',
        'GET /api/cases',
        'GET /api/cases/{source}/{caseId}',
        'POST /api/imports',
        'GET /api/imports',
        'GET /api/imports/{id}',
      ]),
    );
  });

  it('answers 401 to every protected operation without a token', async () => {
    const wrong: string[] = [];
    for (const op of protectedOps) {
      const res = await call(op.method, plausiblePath(op));
      if (res.status !== 401) wrong.push(`${label(op)} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to forged tokens: another secret, a tampered role, no signature', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: randomUUID(), email: stack().admin.email, role: 'admin', iat: now, exp: now + 3600 };
    const [header, payload, signature] = tokens.viewer.split('.');
    const viewerClaims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = {
      'another secret': signedToken(claims, 'not-the-relais-secret-not-the-relais-secret'),
      // The viewer's own signature over the same claims made admin.
      'tampered role': `${header}.${base64url({ ...viewerClaims, role: 'admin' })}.${signature}`,
      'alg none': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
    };
    const wrong: string[] = [];
    for (const op of protectedOps) {
      for (const [kind, token] of Object.entries(forged)) {
        const res = await call(op.method, plausiblePath(op), token);
        if (res.status !== 401) wrong.push(`${kind}: ${label(op)} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)('gives %s 403 below the required role and never 401/403 at or above it', async (role) => {
    const wrong: string[] = [];
    const outcomes: Record<string, number> = {};
    for (const op of protectedOps) {
      const required = requiredRole(op.path);
      const res = await call(op.method, plausiblePath(op), tokens[role]);
      outcomes[label(op)] = res.status;
      const allowed = RANK[role] >= RANK[required];
      if (allowed ? res.status === 401 || res.status === 403 : res.status !== 403) {
        wrong.push(`${label(op)} needs ${required} → ${res.status} (${await res.text()})`);
      }
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `roles-matrix-${role}.json`), `${JSON.stringify(outcomes, null, 2)}\n`);
    expect(wrong).toEqual([]);
  });

  it('answers every allowed call (path values made up, {} bodies) without a server error', async () => {
    const wrong: string[] = [];
    for (const op of protectedOps) {
      const res = await call(op.method, plausiblePath(op), tokens[requiredRole(op.path)]);
      if (res.status >= 500) wrong.push(`${label(op)} → ${res.status} (${await res.text()})`);
    }
    expect(wrong).toEqual([]);
  });

  it('pages /api/cases by at most 500', async () => {
    const ok = await api('/cases?pageSize=500', { token: tokens.analyst });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as CasesPage).items.length).toBeLessThanOrEqual(500);
    for (const [query, name] of [
      ['pageSize=501', 'pageSize'],
      ['page=0', 'page'],
    ]) {
      const res = await api(`/cases?${query}`, { token: tokens.analyst });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(name);
    }
  });
});

describe('privacy sweep: no customer id, pseudonym or password hash in any GET answer', () => {
  let admin: string;
  let importIds: string[];

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
    const stored = await waitForImport(
      admin,
      await uploadImport(admin, join(FIXTURES, 'privacy.csv'), { source: SOURCE }),
    );
    expect(stored).toMatchObject({ status: 'succeeded', rowsRead: 19, eventsStored: 19, rejected: 0 });
    const refused = await waitForImport(
      admin,
      await uploadImport(admin, join(FIXTURES, 'privacy-rejected.csv'), { source: `${SOURCE}-rejected` }),
    );
    expect(refused).toMatchObject({ status: 'failed', rowsRead: 3, eventsStored: 0, rejected: 3 });
    importIds = [stored.id, refused.id];
  });

  it('stores the five cases under four pseudonyms and serves them', async () => {
    const summary = (await (await api(`/kpis/summary?source=${SOURCE}`, { token: admin })).json()) as KpiSummary;
    expect(summary.cases).toBe(5);
    const detail = (await (await api(`/cases/${SOURCE}/PV1`, { token: admin })).json()) as CaseDetail;
    expect(detail.events).toHaveLength(6);
  });

  it('keeps every GET answer clean', async () => {
    const client = new Client({ connectionString: stack().databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ key: string }>(
      `SELECT DISTINCT customer_key AS key FROM case_fact WHERE source = $1`,
      [SOURCE],
    );
    await client.end();
    // ann (twice, differently written), ben, cleo, the phone number.
    expect(rows).toHaveLength(4);
    const pseudonyms = rows.map(({ key }) => key);

    const gets = (await operations()).filter((op) => op.method === 'get');
    const answers: Array<{ url: string; status: number; body: string }> = [];
    const fetchAll = async (urls: string[]) => {
      for (const url of urls) {
        const res = await api(url.replace(/^\/api/, ''), { token: admin });
        answers.push({ url, status: res.status, body: await res.text() });
      }
    };
    for (const op of gets) {
      const names = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
      const query = [
        ...(names.has('source') ? [`source=${SOURCE}`] : []),
        ...(names.has('pageSize') ? ['pageSize=500'] : []),
      ].join('&');
      await fetchAll(
        (await pathsFor(op, admin, importIds)).flatMap((path) => (query ? [path, `${path}?${query}`] : [path])),
      );
    }

    const leaks = answers.flatMap(({ url, body }) => [
      ...(CUSTOMER.test(body) ? [`${url}: customer id ${body.match(CUSTOMER)?.[0]}`] : []),
      ...(PASSWORD_HASH.test(body) ? [`${url}: password hash ${body.match(PASSWORD_HASH)?.[0]}`] : []),
      ...pseudonyms.filter((key) => body.includes(key)).map((key) => `${url}: pseudonym ${key.slice(0, 8)}…`),
    ]);
    expect(leaks).toEqual([]);
    // The sweep saw the data: every case of the fixture, the rejected rows' report, the indicators of the source.
    const ok = (url: string) => answers.find((a) => a.url === url)?.status;
    for (const caseId of CASES) expect(ok(`/api/cases/${SOURCE}/${caseId}`)).toBe(200);
    expect(ok(`/api/imports/${importIds[1]}`)).toBe(200);
    expect(ok(`/api/kpis/summary?source=${SOURCE}`)).toBe(200);
    expect(answers.find((a) => a.url === `/api/imports/${importIds[1]}`)?.body).toContain('"line"');
  });
});

/**
 * Concrete paths for a GET operation of the document: the fixture's cases for /api/cases/{source}/{caseId}; for
 * another `…/{id}`, the ids the list beside it returns (and this suite's imports), so a detail is seen with
 * real data; this suite's source for a `{source}`, made-up values otherwise.
 */
async function pathsFor(op: Operation, token: string, importIds: string[]): Promise<string[]> {
  if (op.path === '/api/cases/{source}/{caseId}') return CASES.map((caseId) => `/api/cases/${SOURCE}/${caseId}`);
  const detail = /^(.*)\/\{id\}$/.exec(op.path);
  if (!detail || detail[1].includes('{')) return [plausiblePath(op, { source: SOURCE })];
  const ids = new Set(op.path === '/api/imports/{id}' ? importIds : []);
  const list = await api(detail[1].replace(/^\/api/, ''), { token });
  if (list.ok) {
    const body: unknown = await list.json();
    const items: Array<{ id?: unknown } | null> =
      (Array.isArray(body) ? body : Object.values(body ?? {}).find(Array.isArray)) ?? [];
    for (const item of items.slice(0, 50)) if (typeof item?.id === 'string') ids.add(item.id);
  }
  return ids.size ? [...ids].map((id) => `${detail[1]}/${id}`) : [plausiblePath(op)];
}
