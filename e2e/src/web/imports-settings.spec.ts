import type { ImportReport, OrganisationSettings } from '@relais/contracts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { api, login, stack, waitForImport } from '../support/api-client';
import { demoUser, expectVisible, launchBrowser, loginAs, screenshot } from './support/browser';

/**
 * The admin pages in Chromium, on the demo stack: the formats list, an upload followed to its report, the repeat
 * window saved across a reload, and the menu an analyst sees.
 *
 * The uploaded file, written below: 24 cases (E2EU-00 … E2EU-23) of 5 canonical rows each = 120 data rows, the
 * header on line 1 and case k on lines 2 + 5k … 6 + 5k. One row is bad: case 1's first assignment (line
 * 2 + 5·1 + 1 = 8) has the date 2025-02-30, so the report reads 120 rows, 1 rejected (line 8, field ts), 119
 * events stored, 0 duplicates (source e2e-upload is new to this stack). 1 of 120 rejected is under the 1 %
 * threshold (RELAIS_IMPORT_REJECT_THRESHOLD): the import succeeds; with a handful of rows it would fail whole.
 */
const SOURCE = 'e2e-upload';
const CASES = 24;
const BAD_LINE = 8;

function uploadCsv(): string {
  const lines = ['case_id,customer_id,ts,event,step,team,agent,channel,category,csat'];
  for (let k = 0; k < CASES; k++) {
    const id = `E2EU-${String(k).padStart(2, '0')}`;
    const day = `2025-03-${String(3 + (k % 5)).padStart(2, '0')}`;
    const assignedAt = k === 1 ? '2025-02-30T08:05:00Z' : `${day}T08:05:00Z`;
    lines.push(
      `${id},customer-${k}@e2e.example,${day}T08:00:00Z,created,new,N1,,web,access,`,
      `${id},,${assignedAt},assigned,triage,N1,agent-1,,,`,
      `${id},,${day}T09:00:00Z,assigned,in_progress,N2,agent-2,,,`,
      `${id},,${day}T10:00:00Z,status_changed,resolved,N2,agent-2,,,`,
      `${id},,${day}T11:00:00Z,status_changed,closed,N2,agent-2,,,`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const dd = (page: Page, testId: string) => page.getByTestId(testId).locator('dd').innerText();

describe('dashboard in Chromium: imports and settings (admin)', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let adminToken: string;
  let original: OrganisationSettings;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-e2e-upload-'));
    writeFileSync(join(dir, 'e2e-upload.csv'), uploadCsv());
    adminToken = await login(demoUser('admin').email, demoUser('admin').password);
    original = (await (await api('/settings', { token: adminToken })).json()) as OrganisationSettings;
    browser = await launchBrowser();
    page = await loginAs(browser, 'admin');
  });

  afterAll(async () => {
    // Other dashboard suites share this stack: leave the repeat window as it was.
    await api('/settings', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ repeatWindowDays: original.repeatWindowDays }),
      token: adminToken,
    });
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the formats the API knows, each with its description', async () => {
    await page.getByTestId('nav-imports').click();
    await expectVisible(page, 'formats-list');
    const formats = (await (await api('/imports/formats', { token: adminToken })).json()) as {
      formats: { name: string }[];
    };
    expect(formats.formats.map((f) => f.name)).toEqual(expect.arrayContaining(['canonical', 'eventlog']));
    for (const { name } of formats.formats) {
      const shown = await page.getByTestId(`format-${name}`).innerText();
      // The name and a description of some length, whichever language it comes in.
      expect(shown).toContain(name);
      expect(shown.length).toBeGreaterThan(name.length + 20);
    }
    expect(await page.getByTestId('format-canonical').innerText()).toContain('CSV de parcours propre à Relais');
    // The time zone defaults to the organisation's.
    await expect(page.getByTestId('import-timezone').inputValue()).resolves.toBe(original.timeZone);
    await screenshot(page, 'imports');
  });

  it('uploads a canonical CSV, shows the progress, then the report with its counts and rejected line', async () => {
    // The file is small: the first poll answer is held back so that the progress is seen, not just passed.
    let held = false;
    await page.route(/\/api\/imports\/[0-9a-f-]{36}$/, async (route) => {
      if (!held) {
        held = true;
        await new Promise((r) => setTimeout(r, 1500));
      }
      await route.continue();
    });
    await page.getByTestId('import-file').setInputFiles(join(dir, 'e2e-upload.csv'));
    await page.getByTestId('import-format').click();
    await page.getByTestId('format-option-canonical').click();
    await page.getByTestId('import-source').fill(SOURCE);
    await page.getByTestId('import-submit').click();

    await expectVisible(page, 'import-progress');
    await screenshot(page, 'import-progress');
    // Through the API too: when the job does not finish, the failure says where it stopped.
    const list = (await (await api('/imports', { token: adminToken })).json()) as ImportReport[];
    const uploaded = list.find((r) => r.source === SOURCE);
    if (!uploaded) throw new Error(`no import of ${SOURCE} in ${JSON.stringify(list.map((r) => r.source))}`);
    await waitForImport(adminToken, uploaded.id);
    await expectVisible(page, 'import-report');
    await page.unroute(/\/api\/imports\/[0-9a-f-]{36}$/);

    expect(await dd(page, 'report-rows-read')).toBe('120');
    expect(await dd(page, 'report-events-stored')).toBe('119');
    expect(await dd(page, 'report-duplicates')).toBe('0');
    expect(await dd(page, 'report-rejected')).toBe('1');
    const cells = await page.getByTestId('report-errors').locator('tbody tr td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual([String(BAD_LINE), 'ts']);
    expect(cells[2]).toContain('2025-02-30');
    expect(await page.getByTestId('import-report').locator('h2').innerText()).toContain('Réussi');
    expect(page.url()).toMatch(/\/imports\?report=[0-9a-f-]{36}$/);

    // The list shows it first, and the API agrees with what the page shows.
    const after = (await (await api('/imports', { token: adminToken })).json()) as ImportReport[];
    expect(after[0]).toMatchObject({ source: SOURCE, status: 'succeeded', rowsRead: 120, eventsStored: 119, rejected: 1 });
    expect(await page.getByTestId('imports-history').locator('tbody tr').first().innerText()).toContain(SOURCE);
    await screenshot(page, 'import-report');
  });

  it('saves the repeat window, which is still there after a reload', async () => {
    const target = original.repeatWindowDays === 14 ? 30 : 14;
    await page.getByTestId('nav-settings').click();
    await expectVisible(page, 'settings-repeat-window');
    await page.getByTestId('settings-repeat-window').click();
    await page.getByTestId(`repeat-window-${target}`).click();
    await page.getByTestId('settings-save').click();
    await expectVisible(page, 'settings-saved');

    await page.reload();
    await expectVisible(page, 'settings-repeat-window');
    await expect(page.getByTestId('settings-repeat-window').innerText()).resolves.toBe(`${target} jours`);
    const saved = (await (await api('/settings', { token: adminToken })).json()) as OrganisationSettings;
    expect(saved.repeatWindowDays).toBe(target);
    await expectVisible(page, 'users-table');
    await screenshot(page, 'settings');
  });

  it('hides Imports and Settings from an analyst, and sends /imports back to the overview', async () => {
    const analyst = await loginAs(browser, 'analyst');
    await expectVisible(analyst, 'nav-cases');
    expect(await analyst.getByTestId('nav-imports').count()).toBe(0);
    expect(await analyst.getByTestId('nav-settings').count()).toBe(0);
    await analyst.goto(`${stack().baseUrl}/imports`);
    await analyst.waitForURL((url) => url.pathname === '/', { timeout: 30_000 });
    expect(await analyst.getByTestId('formats-list').count()).toBe(0);
    await analyst.close();
  });
});
