import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { backlogPage, DEFAULT_CONFIG, resolveScope, riskMatrix, scheduleCounts, scopeSummary } from '../../src/domain';
import { ARTIFACTS, launchChromium, openAppPage } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';

/** The panels of the global and project pages in headless Chromium, checked against the domain core. */
describe('panels in a browser', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let browser: Browser;
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    site = testSite();
    [platform, browser] = await Promise.all([startTestPlatform(site), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const open = (pathname: string, accountId: string = DEMO_USERS.admin) => openAppPage(browser, platform.host.url, pathname, { accountId, acceptDownloads: true });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('risk matrix: a cell shows the count the domain computes and opens its list', async () => {
    const { page, app, errors } = await open('/');
    await app.getByTestId('tab-riskMatrix').click();
    const model = expectedModel(site, DEMO_USERS.admin);
    const matrix = riskMatrix(model, DEFAULT_CONFIG, resolveScope(model, null));
    const fullest = [...matrix.cells].sort((a, b) => b.riskKeys.length - a.riskKeys.length)[0];
    if (!fullest) throw new Error('no risk cells');
    const cell = app.getByTestId(`risk-cell-${fullest.likelihood}-${fullest.impact}`);
    await expect(cell.textContent()).resolves.toContain(String(fullest.riskKeys.length));
    await cell.click();
    const list = app.getByTestId('risk-list');
    await list.waitFor();
    for (const key of fullest.riskKeys) await expect(list.getByText(key, { exact: true }).count()).resolves.toBe(1);
    await expect(app.getByTestId('risk-unscored').textContent()).resolves.toContain(matrix.unscoredKeys[0] ?? 'none');
    await shot(page, 'global-risk-matrix');
    expect(errors).toEqual([]);
  });

  it('roadmap: switching zoom changes the time scale, and today is marked', async () => {
    const { page, app, errors } = await open('/');
    await app.getByTestId('tab-roadmap').click();
    await app.getByTestId('roadmap').waitFor();
    await app.getByTestId('roadmap-today').waitFor();
    const labels = async () => (await app.getByTestId('roadmap-scale-label').allTextContents()).join(' ');
    await app.getByTestId('roadmap-zoom-quarter').click();
    await expect(labels()).resolves.toMatch(/Q[1-4]/);
    await app.getByTestId('roadmap-zoom-week').click();
    await expect(labels()).resolves.toMatch(/W\d+/);
    await app.getByTestId('roadmap-zoom-month').click();
    await expect(labels()).resolves.toMatch(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/);
    await app.getByTestId('roadmap-row-root').waitFor();
    await shot(page, 'global-roadmap');
    expect(errors).toEqual([]);
  });

  it('backlog: a search shows the total the domain finds, and CSV export downloads those rows', async () => {
    const { page, app, errors } = await open('/');
    await app.getByTestId('tab-backlog').click();
    const model = expectedModel(site, DEMO_USERS.admin);
    const expected = backlogPage(model, DEFAULT_CONFIG, resolveScope(model, null), { text: 'funding' }, today());
    expect(expected.total).toBeGreaterThan(0);
    await app.getByTestId('backlog-search').fill('funding');
    await page.waitForFunction(
      (total) => (document.querySelector('#forge-app') as HTMLIFrameElement | null)?.contentDocument?.querySelector('[data-testid="backlog-total"]')?.textContent?.startsWith(`${total} item`),
      expected.total.toLocaleString('en-GB'),
      { timeout: 15_000 },
    );
    const download = page.waitForEvent('download');
    await app.getByTestId('backlog-export-csv').click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines).toHaveLength(expected.total + 1);
    expect(lines[0]).toMatch(/^Key,Summary/);
    for (const item of expected.items) expect(lines.some((l) => l.startsWith(`${item.key},`))).toBe(true);
    await shot(page, 'global-backlog-search');
    expect(errors).toEqual([]);
  });

  it('the Late figure opens the boxes it counts', async () => {
    const { app, errors } = await open('/');
    const model = expectedModel(site, DEMO_USERS.admin);
    const late = scheduleCounts(model, resolveScope(model, null), today()).late;
    await expect(app.getByTestId('top-late').textContent()).resolves.toBe(String(late));
    await app.getByTestId('top-late-button').click();
    await app.getByTestId('backlog-drill').waitFor();
    await expect(app.getByTestId('backlog-total').textContent()).resolves.toMatch(new RegExp(`^${late} item`));
    expect(errors).toEqual([]);
  });

  it('project page: the team member sees their project\'s figures', async () => {
    const { page, app, errors } = await open('/jira/projects/PAY/apps/transformation-office', DEMO_USERS.teamMember);
    const model = expectedModel(site, DEMO_USERS.teamMember);
    const expected = scopeSummary(model, resolveScope(model, 'PAY'));
    await expect(app.getByTestId('top-progress').textContent()).resolves.toBe(expected.progress.percentText);
    await expect(app.getByTestId('top-teams-converted').textContent()).resolves.toBe(expected.teamsConverted.percentText);
    await app.getByTestId('tab-teamsConverted').click();
    await app.getByTestId('conversion-chart').waitFor();
    await shot(page, 'project-page-pay');
    expect(errors).toEqual([]);
  });

  it('dark theme: the app renders with Atlaskit dark tokens', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([
      { name: 'to_user', value: DEMO_USERS.admin, url: platform.host.url },
      { name: 'to_theme', value: 'dark', url: platform.host.url },
    ]);
    const page = await context.newPage();
    await page.goto(`${platform.host.url}/`);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId('top-progress').waitFor({ timeout: 30_000 });
    const background = await app.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(200);
    await shot(page, 'global-dark-theme');
  });
});
