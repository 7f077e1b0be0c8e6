import type { CaseDetail, CasesPage, HandoffsResponse } from '@relais/contracts';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { api, login, stack } from '../support/api-client';
import { demoUser, expectVisible, launchBrowser, loginAs, screenshot, SCREENSHOTS } from './support/browser';

/** MATRIX_GRID of web/…/bottlenecks/handoff-matrix-option.ts: the heatmap's margins around its cells (px). */
const MATRIX_GRID = { left: 136, right: 16, top: 56, bottom: 56 };

/** From a bad number to the tickets: bottlenecks → a handoff cell → its cases → one case's timeline. */
describe('dashboard in Chromium: bottlenecks, cases and case timeline', () => {
  let browser: Browser;
  let analyst: Page;
  let token: string;
  /** The busiest handoff of the demo data, from the API: the cell the test clicks. */
  let busiest: { from: string; to: string; transfers: number };

  beforeAll(async () => {
    browser = await launchBrowser();
    token = await login(demoUser('analyst').email, demoUser('analyst').password);
    const { edges } = (await (await api('/kpis/handoffs', { token })).json()) as HandoffsResponse;
    busiest = [...edges].sort((a, b) => b.transfers - a.transfers)[0];
    analyst = await loginAs(browser, 'analyst');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the handoff flow and matrix on the bottlenecks page', async () => {
    expect(busiest.transfers).toBeGreaterThan(0); // the demo data has handoffs
    await analyst.getByTestId('nav-bottlenecks').click();
    for (const chart of ['handoff-sankey', 'handoff-heatmap', 'transitions-p90', 'steps-heatmap']) {
      await analyst.locator(`[data-testid="${chart}"] canvas`).first().waitFor({ state: 'visible', timeout: 30_000 });
    }
    await expectVisible(analyst, 'bottlenecks-drill-hint');
    await expectVisible(analyst, 'handoff-matrix-table');
    const shown = await analyst.getByTestId(`handoff-cell-${busiest.from}-${busiest.to}`).innerText();
    expect(Number(shown.replace(/\D/g, ''))).toBe(busiest.transfers);
    await screenshot(analyst, 'bottlenecks');
    await analyst
      .locator('app-satisfaction-section')
      .screenshot({ path: join(SCREENSHOTS, 'bottlenecks-satisfaction.png') });
  });

  it('opens the cases of the clicked heatmap cell, with the handoff as a chip', async () => {
    const teams = (await analyst.locator('[data-testid="handoff-matrix-table"] thead th').allInnerTexts()).slice(1, -1);
    // The chart's host, not its first canvas: ECharts stacks a hover layer canvas on top of it.
    const chart = analyst.getByTestId('handoff-heatmap');
    const box = await chart.boundingBox();
    if (!box) throw new Error('the heatmap has no box');
    const cellWidth = (box.width - MATRIX_GRID.left - MATRIX_GRID.right) / teams.length;
    const cellHeight = (box.height - MATRIX_GRID.top - MATRIX_GRID.bottom) / teams.length;
    // x: the receiving team's column; y: the handing team's row (first row on top).
    await chart.click({
      position: {
        x: MATRIX_GRID.left + (teams.indexOf(busiest.to) + 0.5) * cellWidth,
        y: MATRIX_GRID.top + (teams.indexOf(busiest.from) + 0.5) * cellHeight,
      },
    });

    await analyst.waitForURL(/\/cases\?handoff=/, { timeout: 10_000 });
    expect(decodeURIComponent(new URL(analyst.url()).searchParams.get('handoff') ?? '')).toBe(
      `${busiest.from}>${busiest.to}`,
    );
    await expectVisible(analyst, 'filter-chip-handoff');
    expect(await analyst.getByTestId('filter-chip-handoff').innerText()).toContain(`${busiest.from} → ${busiest.to}`);
    await expectVisible(analyst, 'case-row');

    const query = `/cases?handoff=${encodeURIComponent(`${busiest.from}>${busiest.to}`)}&pageSize=50`;
    const listed = (await (await api(query, { token })).json()) as CasesPage;
    const shownTotal = await analyst.getByTestId('cases-total').innerText();
    expect(Number(shownTotal.replace(/\D/g, ''))).toBe(listed.total);
    // A case can hold the same handoff twice (ping-pong), so there are at most as many cases as transfers.
    expect(listed.total).toBeGreaterThan(0);
    expect(listed.total).toBeLessThanOrEqual(busiest.transfers);
    const shownIds = await analyst.getByTestId('case-link').allInnerTexts();
    expect(shownIds).toEqual(listed.items.map((item) => item.caseId));
    // Only cases with that handoff: every listed case of the first page has it among its transfers.
    for (const item of listed.items.slice(0, 10)) {
      const res = await api(`/cases/${encodeURIComponent(item.source)}/${encodeURIComponent(item.caseId)}`, { token });
      const detail = (await res.json()) as CaseDetail;
      expect(detail.handoffs.some((h) => h.from === busiest.from && h.to === busiest.to)).toBe(true);
    }
    await screenshot(analyst, 'cases');
  });

  it('opens a case: its timeline highlights the transfer, and goes back to the same list', async () => {
    const firstId = await analyst.getByTestId('case-link').first().innerText();
    await analyst.getByTestId('case-link').first().click();

    await expectVisible(analyst, 'timeline-events');
    expect(await analyst.getByTestId('timeline-heading').innerText()).toContain(firstId);
    const transfers = analyst.getByTestId('timeline-transfer');
    expect(await transfers.count()).toBeGreaterThan(0);
    expect(await transfers.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(`${busiest.from} → ${busiest.to}`)]),
    );
    await expectVisible(analyst, 'timeline-steps');
    await screenshot(analyst, 'case-timeline');

    await analyst.getByTestId('timeline-back').click();
    await analyst.waitForURL(/\/cases\?handoff=/, { timeout: 10_000 });
    await expectVisible(analyst, 'filter-chip-handoff');
  });

  it('removes the filter with its chip', async () => {
    await analyst.getByTestId('filter-chip-remove-handoff').click();
    await analyst.getByTestId('cases-no-filter').waitFor({ state: 'visible', timeout: 10_000 });
    const all = (await (await api('/cases?pageSize=1', { token })).json()) as CasesPage;
    await analyst.waitForFunction(
      (total) => document.querySelector('[data-testid="cases-total"]')?.textContent?.replace(/\D/g, '') === total,
      String(all.total),
    );
  });

  it('shows a viewer the bottlenecks without the cases menu nor click-through', async () => {
    const viewer = await loginAs(browser, 'viewer');
    await expectVisible(viewer, 'nav-bottlenecks');
    expect(await viewer.getByTestId('nav-cases').count()).toBe(0);

    await viewer.getByTestId('nav-bottlenecks').click();
    await viewer
      .locator('[data-testid="handoff-heatmap"] canvas')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await expectVisible(viewer, 'bottlenecks-viewer-hint');
    expect(await viewer.locator('[data-testid="handoff-matrix-table"] a').count()).toBe(0);
    await screenshot(viewer, 'bottlenecks-viewer');

    // The route is guarded as well as hidden: a typed URL lands on the overview.
    await viewer.goto(`${stack().baseUrl}/cases?handoff=${encodeURIComponent(`${busiest.from}>${busiest.to}`)}`);
    await expectVisible(viewer, 'weekly-chart');
    expect(new URL(viewer.url()).pathname).toBe('/');
    await viewer.close();
  });
});
