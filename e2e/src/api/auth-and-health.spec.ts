import { api, login } from '../support/api-client';
import { ROLE_PASSWORD } from '../support/global-setup';

describe('health, login and roles', () => {
  it('answers health without a token', async () => {
    const res = await api('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up', queue: 'up' });
  });

  it('refuses a wrong password with 401', async () => {
    const res = await api('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'viewer@e2e.relais.local', password: 'wrong' }),
    });
    expect(res.status).toBe(401);
  });

  it.each(['/kpis/summary', '/kpis/weekly', '/imports'])('%s needs a token (401)', async (path) => {
    expect((await api(path)).status).toBe(401);
    expect((await api(path, { token: 'not.a.token' })).status).toBe(401);
  });

  it('lets a viewer read indicators but not imports (403)', async () => {
    const viewer = await login('viewer@e2e.relais.local', ROLE_PASSWORD);
    expect((await api('/kpis/summary', { token: viewer })).status).toBe(200);
    expect((await api('/imports', { token: viewer })).status).toBe(403);
    const analyst = await login('analyst@e2e.relais.local', ROLE_PASSWORD);
    expect((await api('/imports', { token: analyst })).status).toBe(403);
  });

  it.each([
    ['from=2025-02-30', 'from'],
    ['to=yesterday', 'to'],
    ['repeatWindowDays=5', 'repeatWindowDays'],
    ['colour=blue', 'colour'],
  ])('rejects ?%s with 400 naming %s', async (query, name) => {
    const viewer = await login('viewer@e2e.relais.local', ROLE_PASSWORD);
    const res = await api(`/kpis/summary?${query}`, { token: viewer });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(name);
  });

  it('publishes the OpenAPI document', async () => {
    const doc = await (await api('/docs-json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/kpis/summary', '/api/kpis/weekly', '/api/imports']));
  });
});
