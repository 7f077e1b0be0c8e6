import { Browser, Page } from 'playwright-core';
import { api, login, stack } from '../support/api-client';
import { demoUser, expectVisible, launchBrowser, screenshot } from './support/browser';

/** Login and the overview's weekly chart in a real Chromium, on the demo data, against the built api. */
describe('dashboard in Chromium: login and overview', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a wrong password with a visible message', async () => {
    await page.goto(stack().baseUrl);
    await page.getByTestId('login-email').fill(demoUser('admin').email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expectVisible(page, 'login-error');
    await screenshot(page, 'login-error');
  });

  it('logs in and draws the weekly chart with the number of cases the API reports', async () => {
    await page.getByTestId('login-password').fill(demoUser('admin').password);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="weekly-chart"] canvas').first().waitFor({ state: 'visible', timeout: 30_000 });
    const box = await page.locator('[data-testid="weekly-chart"] canvas').first().boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.height).toBeGreaterThan(150);
    const token = await login(demoUser('admin').email, demoUser('admin').password);
    const summary = await (await api('/kpis/summary', { token })).json();
    const shown = await page.getByTestId('kpi-cases').innerText();
    expect(summary.cases).toBeGreaterThan(1000); // the demo data, not an empty database
    expect(Number(shown.replace(/\D/g, ''))).toBe(summary.cases);
    await expectVisible(page, 'weekly-caption');
    await screenshot(page, 'overview');
  });

  it('switches the interface to English', async () => {
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('logout').innerText()).resolves.toMatch(/log ?out|sign ?out/i);
  });
});
