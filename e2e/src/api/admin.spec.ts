import type {
  KpiSummary,
  KpiTargets,
  OrganisationSettings,
  StepMapping,
  TokenClaims,
  UserSummary,
  UsersList,
  WeeklyReview,
} from '@relais/contracts';
import { api, login, stack } from '../support/api-client';
import { ROLE_PASSWORD } from '../support/global-setup';

/** Settings, targets, step mappings and users through the real api: admin only. */
const json = (method: string, body: unknown, token: string): RequestInit & { token: string } => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  token,
});

const claims = (token: string): TokenClaims => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

describe('admin endpoints through the api', () => {
  let admin: string;
  let original: OrganisationSettings;

  beforeAll(async () => {
    admin = await login(stack().admin.email, stack().admin.password);
    original = (await (await api('/settings', { token: admin })).json()) as OrganisationSettings;
  });

  afterAll(async () => {
    // Other suites share this database: leave the settings as they were.
    const { timeZone, repeatWindowDays } = original;
    await api('/settings', json('PUT', { timeZone, repeatWindowDays }, admin));
  });

  it('reads and updates the organisation settings', async () => {
    expect(original).toMatchObject({ timeZone: 'Europe/Paris', repeatWindowDays: 7 });
    const res = await api('/settings', json('PUT', { timeZone: 'America/Montreal', repeatWindowDays: 14 }, admin));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      timeZone: 'America/Montreal',
      timeZoneSource: 'setting',
      repeatWindowDays: 14,
      updatedAt: expect.any(String),
    });
    expect(await (await api('/settings', { token: admin })).json()).toMatchObject({
      timeZone: 'America/Montreal',
      repeatWindowDays: 14,
    });
    // Indicators take the default window from the setting.
    const summary = (await (await api('/kpis/summary', { token: admin })).json()) as KpiSummary;
    expect(summary.repeatContact.windowDays).toBe(14);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ timeZone: '+01:00' }, 'timeZone'],
    [{ repeatWindowDays: 5 }, 'repeatWindowDays'],
    [{ colour: 'blue' }, 'colour'],
  ])('refuses settings %j with 400 naming %s', async (body, name) => {
    const res = await api('/settings', json('PUT', body, admin));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(name);
  });

  it('creates a user who can log in at once, never showing a password hash', async () => {
    const email = `manager-${Date.now()}@e2e.relais.local`;
    const res = await api('/users', json('POST', { email, password: 'manager-password', role: 'analyst' }, admin));
    expect(res.status).toBe(201);
    const created = (await res.json()) as UserSummary;
    expect(created).toEqual({ id: expect.any(String), email, role: 'analyst', createdAt: expect.any(String) });
    const token = await login(email, 'manager-password');
    expect(claims(token).role).toBe('analyst');
    expect((await api('/cases', { token })).status).toBe(200);

    const listed = await (await api('/users', { token: admin })).text();
    expect(listed).not.toMatch(/argon2|password/i);
    expect((JSON.parse(listed) as UsersList).users.map((u) => u.email)).toContain(email);

    const duplicate = await api(
      '/users',
      json('POST', { email: email.toUpperCase(), password: 'x'.repeat(12), role: 'viewer' }, admin),
    );
    expect(duplicate.status).toBe(409);

    const patched = await api(
      `/users/${created.id}`,
      json('PATCH', { role: 'viewer', password: 'another-password' }, admin),
    );
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ id: created.id, role: 'viewer' });
    const again = await login(email, 'another-password');
    expect(claims(again).role).toBe('viewer');
    expect((await api('/cases', { token: again })).status).toBe(403);
  });

  it.each([
    [{ email: 'short@e2e.relais.local', password: 'too-short', role: 'viewer' }, 'password'],
    [{ email: 'not-an-email', password: 'long-enough-password', role: 'viewer' }, 'email'],
    [{ email: 'boss@e2e.relais.local', password: 'long-enough-password', role: 'owner' }, 'role'],
  ])('refuses user %j with 400 naming %s', async (body, name) => {
    const res = await api('/users', json('POST', body, admin));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(name);
  });

  it('answers 404 for an unknown user and 400 for an id that is no uuid', async () => {
    const unknown = await api('/users/00000000-0000-4000-8000-000000000000', json('PATCH', { role: 'viewer' }, admin));
    expect(unknown.status).toBe(404);
    expect((await api('/users/42', json('PATCH', { role: 'viewer' }, admin))).status).toBe(400);
  });

  it('reads and changes targets', async () => {
    const { targets } = (await (await api('/targets', { token: admin })).json()) as KpiTargets;
    expect(targets.map((t) => t.indicator)).toEqual([
      'transfersMean',
      'pingPongShare',
      'repeatRate',
      'reopenRate',
      'csatMean',
      'csatShare',
    ]);
    const res = await api('/targets/csatMean', json('PUT', { target: 4.2, alertLevel: 3.8 }, admin));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      indicator: 'csatMean',
      target: 4.2,
      alertLevel: 3.8,
      direction: 'higher',
    });
    expect((await api('/targets/csatMean', json('PUT', { target: 3, alertLevel: 4 }, admin))).status).toBe(400);
    expect((await api('/targets/cases', json('PUT', { target: 3, alertLevel: 4 }, admin))).status).toBe(404);
    await api('/targets/csatMean', json('PUT', { target: 4, alertLevel: 3.5 }, admin));
  });

  it('keeps step mappings per source', async () => {
    const mappings = { 'En cours': 'in_progress', Résolu: 'resolved' };
    const put = await api('/step-mappings/e2e-admin', json('PUT', { mappings }, admin));
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ source: 'e2e-admin', mappings });
    expect((await (await api('/step-mappings/e2e-admin', { token: admin })).json()) as StepMapping).toEqual({
      source: 'e2e-admin',
      mappings,
    });
    expect((await api('/step-mappings/e2e-admin', { method: 'DELETE', token: admin })).status).toBe(204);
    expect(await (await api('/step-mappings/e2e-admin', { token: admin })).json()).toEqual({
      source: 'e2e-admin',
      mappings: {},
    });
    expect((await api('/step-mappings/e2e-admin', json('PUT', { mappings: { New: '' } }, admin))).status).toBe(400);
    expect((await api('/step-mappings/e2e-admin', json('PUT', { mappings: 'new' }, admin))).status).toBe(400);
    expect((await api('/step-mappings/bad%20source', { token: admin })).status).toBe(400);
  });

  it('serves the weekly review to viewers, and refuses a week that does not exist', async () => {
    const viewer = await login('viewer@e2e.relais.local', ROLE_PASSWORD);
    const res = await api('/kpis/review?week=2025-W02', { token: viewer });
    expect(res.status).toBe(200);
    const review = (await res.json()) as WeeklyReview;
    expect(review).toMatchObject({ week: '2025-W02', start: '2025-01-06' });
    expect(review.indicators).toHaveLength(6);
    expect(review.indicators[0].series).toHaveLength(12);
    expect((await api('/kpis/review?week=2021-W53', { token: viewer })).status).toBe(400);
    expect((await api('/kpis/review?week=2025-02', { token: viewer })).status).toBe(400);
  });

  describe.each(['viewer', 'analyst'])('as %s', (role) => {
    let token: string;
    beforeAll(async () => {
      token = await login(`${role}@e2e.relais.local`, ROLE_PASSWORD);
    });

    it.each([
      ['GET', '/settings', undefined],
      ['PUT', '/settings', { repeatWindowDays: 2 }],
      ['GET', '/targets', undefined],
      ['PUT', '/targets/transfersMean', { target: 0.1, alertLevel: 0.2 }],
      ['GET', '/step-mappings', undefined],
      ['GET', '/step-mappings/demo', undefined],
      ['PUT', '/step-mappings/demo', { mappings: { a: 'b' } }],
      ['DELETE', '/step-mappings/demo', undefined],
      ['GET', '/users', undefined],
      ['POST', '/users', { email: 'intruder@e2e.relais.local', password: 'intruder-password', role: 'admin' }],
      ['PATCH', '/users/00000000-0000-4000-8000-000000000000', { role: 'admin' }],
    ])('%s %s → 403', async (method, path, body) => {
      const res = await api(path, body === undefined ? { method, token } : json(method, body, token));
      expect(res.status).toBe(403);
    });
  });
});
