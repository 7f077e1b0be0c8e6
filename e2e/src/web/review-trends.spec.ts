import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { api, login } from '../support/api-client';
import { demoUser, expectVisible, launchBrowser, loginAs, screenshot } from './support/browser';

const CARDS = ['transfersMean', 'repeatRate', 'stepDelay', 'csatShare'];

/** Weekly review and trends as a viewer, on the demo data (20,000 cases over 26 weeks ending now). */
describe('dashboard in Chromium: weekly review and trends', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await loginAs(browser, 'viewer');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the four indicator cards of the latest complete week with numbers, statuses and sparklines', async () => {
    await page.getByTestId('nav-review').click();
    await expectVisible(page, 'review-cards');
    const url = new URL(page.url());
    expect(url.pathname).toBe('/review');

    for (const key of CARDS) {
      const card = page.getByTestId(`review-card-${key}`);
      await expect(card.getByTestId('review-card-value').innerText()).resolves.toMatch(/\d/);
      await expect(card.getByTestId('review-card-status').innerText()).resolves.toMatch(
        /^(Conforme|Vigilance|Alerte|Sans statut)$/,
      );
      const canvas = card.locator('[data-testid="review-sparkline"] canvas').first();
      await canvas.waitFor({ state: 'visible', timeout: 30_000 });
      expect((await canvas.boundingBox())?.width).toBeGreaterThan(100);
    }
    // The delay between steps has no target row yet: its card says so instead of inventing a status.
    await expect(page.getByTestId('review-card-stepDelay').getByTestId('review-card-status').innerText()).resolves.toBe(
      'Sans statut',
    );

    // The card's value is the API's for the same week (viewer token, same default week as the page).
    const week = await page.getByTestId('review-summary').innerText();
    const label = /(\d{4}-W\d{2})/.exec(week)?.[1];
    expect(label).toBeDefined();
    const token = await login(demoUser('viewer').email, demoUser('viewer').password);
    const review = await (await api(`/kpis/review?week=${label}`, { token })).json();
    expect(review.cases).toBeGreaterThan(100);
    const transfers = review.indicators.find((i: { indicator: string }) => i.indicator === 'transfersMean');
    const shown = await page.getByTestId('review-card-transfersMean').getByTestId('review-card-value').innerText();
    expect(Number(shown.replace(',', '.'))).toBeCloseTo(transfers.value, 2);
    await expectVisible(page, 'review-worst-teams');
    await screenshot(page, 'review');
  });

  it('exports the review as a CSV file with a header row', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^relais-review-\d{4}-W\d{2}\.csv$/);
    const path = await download.path();
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'section,name,week,metric,value,target,alert_level,status,previous_week_value,change_vs_previous_week,four_week_average,change_vs_four_week_average,count,provisional',
    );
    expect(lines.filter((line) => line.startsWith('indicator,'))).toHaveLength(7);
  });

  it('prints without the controls', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('review-actions').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('review-cards').isVisible()).resolves.toBe(true);
    await screenshot(page, 'review-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('draws the trends and redraws them for a chosen team', async () => {
    await page.getByTestId('nav-trends').click();
    const canvas = page.locator('[data-testid="trend-transfersMean"] canvas').first();
    await canvas.waitFor({ state: 'visible', timeout: 30_000 });
    expect((await canvas.boundingBox())?.width).toBeGreaterThan(300);
    const cases = (text: string) => Number(/, ([\d\s\u202f\u00a0]+) dossiers/.exec(text)?.[1].replace(/\D/g, ''));
    const total = cases(await page.getByTestId('trends-caption').innerText());
    expect(total).toBeGreaterThan(1000);

    // Options come from the data: the demo creates every case in its first-line team, so the team filter keeps
    // them all; a channel then narrows them. Each choice asks the API again and redraws with its count.
    const token = await login(demoUser('viewer').email, demoUser('viewer').password);
    const groups = async (by: string) =>
      (
        (await (await api(`/kpis/breakdown?by=${by}`, { token })).json()) as {
          groups: Array<{ key: string | null; cases: number }>;
        }
      ).groups.filter((group) => group.key !== null);
    const [team] = await groups('team');
    const channel = (await groups('channel')).find((group) => group.cases < total);
    expect(channel).toBeDefined();

    const choose = async (filter: string, option: string, expectedCases: number) => {
      const answered = page.waitForResponse(
        (response) =>
          response.url().includes('/api/kpis/weekly?') && new URL(response.url()).searchParams.get(filter) === option,
      );
      await page.getByTestId(`trends-filter-${filter}`).click();
      await page.getByRole('option', { name: option, exact: true }).click();
      await answered;
      await page.waitForURL((url) => url.searchParams.get(filter) === option);
      await page.waitForFunction(
        (expected) =>
          document.querySelector('[data-testid="trends-caption"]')?.textContent?.replace(/\D/g, '').endsWith(expected),
        String(expectedCases),
      );
      expect(cases(await page.getByTestId('trends-caption').innerText())).toBe(expectedCases);
    };
    await choose('team', team.key as string, team.cases);
    await choose('channel', channel?.key as string, channel?.cases as number);
    expect(channel?.cases).toBeLessThan(total);
    await page.locator('[data-testid="trend-transfersMean"] canvas').first().waitFor({ state: 'visible' });
    await screenshot(page, 'trends');
  });
});
