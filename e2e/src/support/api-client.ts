import type { LoginResponse } from '@relais/contracts';
import type { StackState } from './stack';

export function stack(): StackState {
  const state = process.env['RELAIS_E2E_STATE'];
  if (!state) throw new Error('The e2e stack is not running (globalSetup did not complete)');
  return JSON.parse(state);
}

export async function api(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  return fetch(`${stack().baseUrl}/api${path}`, { ...init, headers });
}

export async function login(email: string, password: string): Promise<string> {
  const res = await api('/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as LoginResponse).accessToken;
}
