import type { LoginResponse, TokenClaims } from '@relais/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, login, stack } from '../support/api-client';
import { ROLE_PASSWORD } from '../support/global-setup';
import { ARTIFACTS, ROOT, waitForHealth } from '../support/stack';

/**
 * Auth and HTTP hardening (issue 9) on the shared stack, plus a second api process of this suite's own (same
 * database and queue, its own data directory) started with RELAIS_UPLOAD_LIMIT_MB=1 and RELAIS_CORS_ORIGINS set,
 * for what the shared stack's settings cannot show. Logins that fail use e-mails of this suite only.
 */
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signedToken(claims: Record<string, unknown>, secret: string): string {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const claimsOf = (token: string): TokenClaims & { iat: number; exp: number } =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

const tryLogin = (email: string, password: string, baseUrl?: string) => {
  const init = {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  };
  return baseUrl ? fetch(`${baseUrl}/api/auth/login`, init) : api('/auth/login', init);
};

describe('login brute force', () => {
  it('answers 401 to 10 failed attempts for one e-mail, then 429 with Retry-After, even to the right password', async () => {
    const admin = await login(stack().admin.email, stack().admin.password);
    const email = `brute-${Date.now()}@e2e.relais.local`;
    const created = await api('/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'brute-force-target', role: 'viewer' }),
      token: admin,
    });
    expect(created.status).toBe(201);

    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await tryLogin(email, `guess-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));

    const blocked = await tryLogin(email, 'guess-10');
    expect(blocked.status).toBe(429);
    // The block lasts 15 minutes (LOGIN_THROTTLE): 900 s, a second less if the clock ticked meanwhile.
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(899);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect(JSON.stringify(await blocked.json())).toMatch(/Too many failed logins/);
    expect((await tryLogin(email, 'brute-force-target')).status).toBe(429);

    // Other e-mails from the same address are not locked out.
    expect((await tryLogin('viewer@e2e.relais.local', ROLE_PASSWORD)).status).toBe(200);
  });
});

describe('tokens', () => {
  const secret = () => stack().workers?.env['RELAIS_SECRET'] ?? '';

  it('live 8 hours', async () => {
    const { iat, exp } = claimsOf(await login('viewer@e2e.relais.local', ROLE_PASSWORD));
    expect(exp - iat).toBe(8 * 3600);
  });

  it('are refused once expired (401), and accepted before', async () => {
    const { sub, email, role } = claimsOf(await login('viewer@e2e.relais.local', ROLE_PASSWORD));
    const now = Math.floor(Date.now() / 1000);
    const expired = signedToken({ sub, email, role, iat: now - 9 * 3600, exp: now - 3600 }, secret());
    const valid = signedToken({ sub, email, role, iat: now, exp: now + 3600 }, secret());
    expect((await api('/kpis/summary', { token: expired })).status).toBe(401);
    expect((await api('/kpis/summary', { token: valid })).status).toBe(200);
  });
});

describe('a viewer', () => {
  it.each([
    ['GET', '/imports'],
    ['POST', '/imports'],
    ['GET', '/settings'],
    ['PUT', '/settings'],
    ['GET', '/users'],
    ['POST', '/users'],
    ['GET', '/cases'],
    ['GET', '/cases/e2e-hostile-formulas/F1'],
  ])('gets 403 on %s %s', async (method, path) => {
    const viewer = await login('viewer@e2e.relais.local', ROLE_PASSWORD);
    const write = method !== 'GET';
    const res = await api(path, {
      method,
      token: viewer,
      ...(write ? { headers: { 'Content-Type': 'application/json' }, body: '{}' } : {}),
    });
    expect(res.status).toBe(403);
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/'])('are set on %s', async (path) => {
    const res = await fetch(`${stack().baseUrl}${path}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

/** A CORS preflight for GET /api/kpis/summary with an Authorization header, from `origin`. */
const preflight = (baseUrl: string, origin: string) =>
  fetch(`${baseUrl}/api/kpis/summary`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  });

describe('CORS on the default settings', () => {
  it('is closed: no Access-Control-Allow-Origin for another origin, preflight or not', async () => {
    const res = await preflight(stack().baseUrl, 'https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await api('/health', { headers: { Origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('an api started with RELAIS_UPLOAD_LIMIT_MB=1 and RELAIS_CORS_ORIGINS', () => {
  const ALLOWED = 'https://dashboard.example';
  let child: ChildProcess;
  let baseUrl: string;
  let dataDir: string;

  beforeAll(async () => {
    const env = stack().workers?.env;
    if (!env) throw new Error('the e2e stack state has no environment');
    const port = 3900 + Math.floor(Math.random() * 900);
    baseUrl = `http://127.0.0.1:${port}`;
    dataDir = mkdtempSync(join(tmpdir(), 'relais-e2e-hardening-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const log = openSync(join(ARTIFACTS, 'auth-hardening-api.log'), 'w');
    try {
      child = spawn('node', [join(ROOT, 'dist', 'api', 'main.js')], {
        env: {
          ...process.env,
          ...env,
          PORT: String(port),
          RELAIS_DATA_DIR: dataDir,
          RELAIS_UPLOAD_LIMIT_MB: '1',
          RELAIS_CORS_ORIGINS: ALLOWED,
        },
        stdio: ['ignore', log, log],
      });
    } finally {
      closeSync(log);
    }
    await waitForHealth(baseUrl);
  });

  afterAll(async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it('answers 413 to a 2 MB upload and keeps no part of it', async () => {
    const token = (
      (await (await tryLogin(stack().admin.email, stack().admin.password, baseUrl)).json()) as LoginResponse
    ).accessToken;
    const form = new FormData();
    form.set('format', 'canonical');
    form.set('source', 'e2e-hardening-413');
    form.set('file', new Blob([Buffer.alloc(2 * 1024 * 1024, 'a')]), 'big.csv');
    const res = await fetch(`${baseUrl}/api/imports`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(413);
    const uploads = join(dataDir, 'uploads');
    const left = (() => {
      try {
        return readdirSync(uploads);
      } catch {
        return [];
      }
    })();
    expect(left).toEqual([]);
  });

  it('opens CORS to the named origin only', async () => {
    const allowed = await preflight(baseUrl, ALLOWED);
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await preflight(baseUrl, 'https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is the same api: a random uuid is an unknown import (404), not a server error', async () => {
    const token = (
      (await (await tryLogin(stack().admin.email, stack().admin.password, baseUrl)).json()) as LoginResponse
    ).accessToken;
    const res = await fetch(`${baseUrl}/api/imports/${randomUUID()}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
  });
});
