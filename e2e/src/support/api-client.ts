import type { ImportAccepted, ImportReport, KpiSummary, LoginResponse } from '@relais/contracts';
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
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

/** Uploads a file as an import (multipart, streamed from disk) and returns the accepted import's id. */
export async function uploadImport(
  token: string,
  filePath: string,
  fields: { source: string; format?: string; timezone?: string },
): Promise<string> {
  const form = new FormData();
  form.set('file', await openAsBlob(filePath), basename(filePath));
  form.set('format', fields.format ?? 'canonical');
  form.set('source', fields.source);
  if (fields.timezone) form.set('timezone', fields.timezone);
  const res = await api('/imports', { method: 'POST', body: form, token });
  if (res.status !== 202) throw new Error(`POST /imports ${basename(filePath)}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as ImportAccepted).id;
}

export async function importReport(token: string, id: string): Promise<ImportReport> {
  const res = await api(`/imports/${id}`, { token });
  if (res.status !== 200) throw new Error(`GET /imports/${id}: ${res.status}`);
  return (await res.json()) as ImportReport;
}

/** Polls GET /imports/:id until `until` holds; fails after `timeoutMs` with the last report seen. */
export async function waitForImport(
  token: string,
  id: string,
  until: (report: ImportReport) => boolean = (r) => r.status === 'succeeded' || r.status === 'failed',
  { timeoutMs = 60_000, intervalMs = 200 } = {},
): Promise<ImportReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await importReport(token, id);
    if (until(report)) return report;
    if (Date.now() > deadline) {
      throw new Error(
        `import ${id}: condition not met within ${timeoutMs / 1000} s; last report ${JSON.stringify(report)}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function kpiSummary(token: string, source: string): Promise<KpiSummary> {
  const res = await api(`/kpis/summary?source=${encodeURIComponent(source)}`, { token });
  if (res.status !== 200) throw new Error(`GET /kpis/summary?source=${source}: ${res.status}`);
  return (await res.json()) as KpiSummary;
}
