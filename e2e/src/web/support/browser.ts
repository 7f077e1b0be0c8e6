import type { Role } from '@relais/contracts';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { stack } from '../../support/api-client';
import { ARTIFACTS } from '../../support/stack';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

/** The demo accounts of API-CONTRACT ("Demo users"), created by the demo start. */
export const DEMO_PASSWORD = 'relais-demo';
export const demoUser = (role: Role) => ({ email: `${role}@relais.local`, password: DEMO_PASSWORD });

/** Headless Debian Chromium, never a browser downloaded by Playwright. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A new page (own storage) logged in as the demo user of `role`, on the dashboard's landing page. */
export async function loginAs(browser: Browser, role: Role, language: 'fr' | 'en' = 'fr'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript((lang) => localStorage.setItem('relais.language', lang), language);
  await page.goto(stack().baseUrl);
  const { email, password } = demoUser(role);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('logout').waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

export async function expectVisible(page: Page, testId: string, timeout = 30_000): Promise<void> {
  await page.getByTestId(testId).first().waitFor({ state: 'visible', timeout });
}

/** Full-page screenshot under artifacts/e2e/screenshots (git-ignored), for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
