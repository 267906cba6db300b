import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { DEFAULT_CONFIG, flowReport, formatPercent, resolveScope, valueTracking, weeklyReport } from '../../src/domain';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { expectedHistory, expectedModel } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';

/** The reports tab in headless Chromium: each report opens, and the flow figures equal the domain core's. */
describe('reports in a browser', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let browser: Browser;
  beforeAll(async () => {
    site = testSite();
    [platform, browser] = await Promise.all([startTestPlatform(site), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('opens each report for a chosen period, with figures from the domain core, and exports CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    await context.addCookies([{ name: 'to_user', value: DEMO_USERS.admin, url: platform.host.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.host.url}/`);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId('tab-reports').click();
    await app.getByTestId('report-period-custom').click();
    await app.getByTestId('report-period-from').fill('2026-05-01');
    await app.getByTestId('report-period-to').fill('2026-05-31');
    await app.getByTestId('report-period-apply').click();
    await app.getByTestId('report-weekly').waitFor({ timeout: 30_000 });
    const model = expectedModel(site, DEMO_USERS.admin, new Date().toISOString());
    const { history, statusCategories } = expectedHistory(site, DEMO_USERS.admin);
    const weekly = weeklyReport(model, DEFAULT_CONFIG, resolveScope(model, null), history, statusCategories, { from: '2026-05-01', to: '2026-05-31' });
    const progressLine = `Progress ${formatPercent(weekly.overall.progressBefore)} → ${formatPercent(weekly.overall.progressAfter)} (${weekly.overall.progressDeltaText})`;
    expect(weekly.overall.progressBefore).not.toBe(weekly.overall.progressAfter);
    await expect(app.getByTestId('report-weekly-overall').textContent()).resolves.toContain(progressLine);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-weekly.png'), fullPage: true });

    await app.getByTestId('report-tab-flow').click();
    await app.getByTestId('report-flow').waitFor({ timeout: 30_000 });
    const flow = flowReport(model, DEFAULT_CONFIG, resolveScope(model, null), history, statusCategories, { from: '2026-05-01', to: '2026-05-31' });
    await expect(app.getByTestId('report-flow-velocity').textContent()).resolves.toContain(String(flow.overall.velocity));
    await expect(app.getByTestId('report-flow-load').textContent()).resolves.toContain(String(flow.overall.load));
    const download = page.waitForEvent('download');
    await app.getByTestId('report-export-csv').click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);

    await app.getByTestId('report-tab-value').click();
    await app.getByTestId('report-value').waitFor({ timeout: 30_000 });
    const value = valueTracking(model, DEFAULT_CONFIG, resolveScope(model, null), history, new Date().toISOString().slice(0, 10));
    for (const gate of value.pipeline) {
      const noun = gate.count === 1 ? 'initiative' : 'initiatives';
      await expect(app.getByTestId(`report-gate-${gate.gate}`).getAttribute('aria-label')).resolves.toBe(`${gate.gate}: ${gate.count} ${noun}`);
    }
    await app.getByTestId('report-tab-forecast').click();
    await app.getByTestId('report-forecast').waitFor({ timeout: 30_000 });
    await expect(app.getByTestId('report-forecast-method').textContent()).resolves.toMatch(/simulated futures/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-forecast.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);
});
