import type { KpiSummary, StepDurationsResponse, TransitionDelaysResponse } from '@relais/contracts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, login, stack, uploadImport, waitForImport } from '../support/api-client';
import { ROLE_PASSWORD } from '../support/global-setup';

/**
 * KPI-DEFINITIONS §5 through the import path and the dashboard's endpoints, computed by hand:
 * S1 (N1): new→in_progress 3600 s N1 · in_progress→waiting_customer 0 s (same instant, file order) ·
 *   waiting_customer→resolved 10800 s N1.
 * S2 (created without team, N2 assigned at the same instant after it): new→in_progress 7200 s (no team) ·
 *   in_progress→resolved 5400 s N2 · resolved→reopened 86400 s N2.
 * S3 (N1, open): new→in_progress 1800 s N1; in_progress not left.
 */
const SOURCE = 'e2e-step-delays';
const CSV = `case_id,customer_id,ts,event,step,team,agent,channel,category,csat
S1,c1,2025-03-03T08:00:00Z,created,new,N1,,phone,billing,
S1,,2025-03-03T09:00:00Z,status_changed,in_progress,N1,a,,,
S1,,2025-03-03T09:00:00Z,status_changed,waiting_customer,N1,a,,,
S1,,2025-03-03T12:00:00Z,status_changed,resolved,N1,a,,,
S2,c2,2025-03-04T08:00:00Z,created,new,,,email,access,
S2,,2025-03-04T08:00:00Z,assigned,new,N2,,,,
S2,,2025-03-04T10:00:00Z,status_changed,in_progress,N2,b,,,
S2,,2025-03-04T11:30:00Z,status_changed,resolved,N2,b,,,
S2,,2025-03-05T11:30:00Z,reopened,reopened,N2,b,,,
S3,c3,2025-03-05T08:00:00Z,created,new,N1,,phone,billing,
S3,,2025-03-05T08:30:00Z,status_changed,in_progress,N1,a,,,
`;

const stats = (count: number, medianHours: number, p90Hours: number, meanHours: number, totalHours: number) => ({
  count,
  medianHours,
  p90Hours,
  meanHours,
  totalHours,
});
// [1800, 3600, 7200]: median 1 h; p90 pos 1.8 → 3600 + .8·3600 = 6480 s = 1.8 h; mean 4200 s = 1.1667 h.
const NEW_IN_PROGRESS = { from: 'new', to: 'in_progress', ...stats(3, 1, 1.8, 1.1667, 3.5) };
const IN_PROGRESS_RESOLVED = { from: 'in_progress', to: 'resolved', ...stats(1, 1.5, 1.5, 1.5, 1.5) };
const IN_PROGRESS_WAITING = { from: 'in_progress', to: 'waiting_customer', ...stats(1, 0, 0, 0, 0) };
const RESOLVED_REOPENED = { from: 'resolved', to: 'reopened', ...stats(1, 24, 24, 24, 24) };
const WAITING_RESOLVED = { from: 'waiting_customer', to: 'resolved', ...stats(1, 3, 3, 3, 3) };

describe('step delays: import → /api/kpis/transitions and /api/kpis/steps', () => {
  let viewer: string;

  beforeAll(async () => {
    const admin = await login(stack().admin.email, stack().admin.password);
    const file = join(mkdtempSync(join(tmpdir(), 'relais-e2e-')), 'step-delays.csv');
    writeFileSync(file, CSV);
    const report = await waitForImport(admin, await uploadImport(admin, file, { source: SOURCE }));
    expect(report).toMatchObject({ status: 'succeeded', eventsStored: 11 });
    viewer = await login('viewer@e2e.relais.local', ROLE_PASSWORD);
  });

  async function get<T>(path: string): Promise<T> {
    const res = await api(path, { token: viewer });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  it('serves transitions and both bottleneck rankings to a viewer', async () => {
    expect(await get<TransitionDelaysResponse>(`/kpis/transitions?source=${SOURCE}`)).toEqual({
      transitions: [NEW_IN_PROGRESS, IN_PROGRESS_RESOLVED, IN_PROGRESS_WAITING, RESOLVED_REOPENED, WAITING_RESOLVED],
      bottlenecks: {
        byP90: [RESOLVED_REOPENED, WAITING_RESOLVED, NEW_IN_PROGRESS, IN_PROGRESS_RESOLVED, IN_PROGRESS_WAITING],
        byTotalHours: [RESOLVED_REOPENED, NEW_IN_PROGRESS, WAITING_RESOLVED, IN_PROGRESS_RESOLVED, IN_PROGRESS_WAITING],
      },
    });
    const summary = await get<KpiSummary>(`/kpis/summary?source=${SOURCE}`);
    expect(summary.stepDelays[0]).toEqual({
      from: 'new',
      to: 'in_progress',
      count: 3,
      medianHours: 1,
      p90Hours: 1.8,
      meanHours: 1.1667,
    });
  });

  it('serves time per step and per step and team holding the case', async () => {
    expect(await get<StepDurationsResponse>(`/kpis/steps?source=${SOURCE}`)).toEqual({
      steps: [
        { step: 'new', ...stats(3, 1, 1.8, 1.1667, 3.5) },
        // [0, 5400]: median 2700 s; p90 .9·5400 = 4860 s = 1.35 h.
        { step: 'in_progress', ...stats(2, 0.75, 1.35, 0.75, 1.5) },
        { step: 'resolved', ...stats(1, 24, 24, 24, 24) },
        { step: 'waiting_customer', ...stats(1, 3, 3, 3, 3) },
      ],
      byTeam: [
        // [1800, 3600]: p90 1800 + .9·1800 = 3420 s = 0.95 h.
        { step: 'new', team: 'N1', ...stats(2, 0.75, 0.95, 0.75, 1.5) },
        { step: 'in_progress', team: 'N1', ...stats(1, 0, 0, 0, 0) },
        { step: 'in_progress', team: 'N2', ...stats(1, 1.5, 1.5, 1.5, 1.5) },
        { step: 'new', team: null, ...stats(1, 2, 2, 2, 2) },
        { step: 'resolved', team: 'N2', ...stats(1, 24, 24, 24, 24) },
        { step: 'waiting_customer', team: 'N1', ...stats(1, 3, 3, 3, 3) },
      ],
    });
  });

  it('applies the common filters and checks them', async () => {
    const { transitions } = await get<TransitionDelaysResponse>(`/kpis/transitions?source=${SOURCE}&team=N2`);
    expect(transitions.map(({ from, to, count }) => `${from}>${to}:${count}`)).toEqual([
      'in_progress>resolved:1',
      'new>in_progress:1',
      'resolved>reopened:1',
    ]);
    expect((await api('/kpis/steps?from=2025-02-30', { token: viewer })).status).toBe(400);
    expect((await api('/kpis/transitions')).status).toBe(401);
  });

  it('documents both endpoints in the OpenAPI document', async () => {
    const doc = (await (await api('/docs-json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/kpis/transitions', '/api/kpis/steps']));
  });
});
