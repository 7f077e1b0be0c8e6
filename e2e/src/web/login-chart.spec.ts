import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { api, login, stack } from '../support/api-client';
import { ARTIFACTS } from '../support/stack';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

/** Login and the weekly chart in a real Chromium, against the built api serving the built dashboard. */
describe('dashboard in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Data of its own source, so this suite does not depend on the order of the others.
    const admin = await login(stack().admin.email, stack().admin.password);
    const form = new FormData();
    form.set('file', new Blob([await readFile(join(__dirname, '..', 'fixtures', 'web-week.csv'))]), 'web-week.csv');
    form.set('format', 'canonical');
    form.set('source', 'e2e-web');
    const { id } = await (await api('/imports', { method: 'POST', body: form, token: admin })).json();
    for (let i = 0; i < 240; i++) {
      const { status } = await (await api(`/imports/${id}`, { token: admin })).json();
      if (status === 'succeeded') break;
      if (status === 'failed') throw new Error('fixture import failed');
      await new Promise((r) => setTimeout(r, 250));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a wrong password with a visible message', async () => {
    await page.goto(stack().baseUrl);
    await page.getByTestId('login-email').fill(stack().admin.email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expectVisible(page, 'login-error');
    await page.screenshot({ path: join(SCREENSHOTS, 'login-error.png') });
  });

  it('logs in and draws the weekly chart of cases and transfers', async () => {
    await page.getByTestId('login-password').fill(stack().admin.password);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="weekly-chart"] canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
    const box = await page.locator('[data-testid="weekly-chart"] canvas').first().boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(150);
    // The cards show the API's numbers: this suite's 3 cases, plus 3 when the API suite ran first.
    const cases = await page.getByTestId('kpi-cases').innerText();
    expect(Number(cases.replace(/\D/g, ''))).toBeGreaterThanOrEqual(3);
    await expectVisible(page, 'weekly-caption');
    await page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
  });

  it('switches the interface to English', async () => {
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('logout').innerText()).resolves.toMatch(/log ?out|sign ?out/i);
  });
});

async function expectVisible(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor({ state: 'visible', timeout: 15_000 });
}
