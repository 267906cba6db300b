import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { formatPercent } from '../../src/domain';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';

/** The global page in headless Chromium, through the page host and the real @forge/bridge. */
describe('global page in a browser', () => {
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

  async function openAs(accountId: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'to_user', value: accountId, url: platform.host.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.host.url}/`);
    await page.frameLocator('#forge-app').getByTestId('top-progress').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    return page;
  }

  const topRow = (page: Page) => {
    const app = page.frameLocator('#forge-app');
    return { progress: app.getByTestId('top-progress'), teams: app.getByTestId('top-teams-converted'), issues: app.getByTestId('top-issue-count') };
  };

  it('shows the rolled-up percentage and teams converted that the domain core computes', async () => {
    const page = await openAs(DEMO_USERS.admin);
    const expected = expectedModel(site, DEMO_USERS.admin).boxes.root;
    const row = topRow(page);
    expect(await row.progress.textContent()).toBe(formatPercent(expected?.progress.ratio ?? NaN));
    expect(await row.teams.textContent()).toBe(formatPercent(expected?.teamsConverted.ratio ?? NaN));
    await expect(page.frameLocator('#forge-app').getByText(`${expected?.teamsConverted.converted} of ${expected?.teamsConverted.total} teams`).count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'global-page-admin.png'), fullPage: true });
  });

  it('computes the figure only from what a user with less access may browse', async () => {
    const page = await openAs(DEMO_USERS.limited);
    const limited = expectedModel(site, DEMO_USERS.limited).boxes.root;
    const admin = expectedModel(site, DEMO_USERS.admin).boxes.root;
    expect(limited?.teamsConverted.total).toBeLessThan(admin?.teamsConverted.total ?? 0);
    const row = topRow(page);
    expect(await row.progress.textContent()).toBe(formatPercent(limited?.progress.ratio ?? NaN));
    expect(await row.teams.textContent()).toBe(formatPercent(limited?.teamsConverted.ratio ?? NaN));
    await page.screenshot({ path: path.join(ARTIFACTS, 'global-page-limited-user.png'), fullPage: true });
  });

  it('switches user from the frame and reloads with their figures', async () => {
    const page = await openAs(DEMO_USERS.admin);
    await page.selectOption('#user-switcher', DEMO_USERS.limited);
    await page.waitForLoadState('load');
    const limited = expectedModel(site, DEMO_USERS.limited).boxes.root;
    await page.waitForFunction(
      (text) => (document.querySelector('#forge-app') as HTMLIFrameElement | null)?.contentDocument?.querySelector('[data-testid="top-teams-converted"]')?.textContent === text,
      formatPercent(limited?.teamsConverted.ratio ?? NaN),
      { timeout: 30_000 },
    );
  });

  it('lists data-quality warnings on the page', async () => {
    const page = await openAs(DEMO_USERS.admin);
    const app = page.frameLocator('#forge-app');
    await app.getByText(/data-quality warning/).click();
    await expect(app.getByTestId('data-quality-warnings').locator('li').count()).resolves.toBeGreaterThan(0);
  });
});
