import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { LocalPlatform } from '../../dev/platform';
import type { TransformationModel } from '../../src/domain';
import { ARTIFACTS, launchChromium, openAppPage } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';

const GLOBAL = '/jira/apps/transformation-office';
const DAY_MS = 86_400_000;
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Save a baseline of a workstream, move an initiative's due date in Jira, and see the slip on the Overview and the roadmap. */
describe('baselines in a browser', () => {
  let platform: LocalPlatform;
  let browser: Browser;
  let model: TransformationModel;

  beforeAll(async () => {
    const site = testSite();
    [platform, browser] = await Promise.all([startTestPlatform(site), launchChromium()]);
    model = expectedModel(site, DEMO_USERS.admin);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const open = (pathname: string, theme: 'light' | 'dark' = 'light') => openAppPage(browser, platform.host.url, pathname, { accountId: DEMO_USERS.admin, theme });
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  async function chooseBaseline(app: FrameLocator, name: string): Promise<void> {
    await app.locator('#baseline-select-input').fill(name);
    await app.locator('#baseline-select-input').press('Enter');
  }

  it('shows the slip of a moved due date on the Overview and as baseline bars on the roadmap, in both themes', async () => {
    const initiative = Object.values(model.boxes).find((box) => box.typeId === 'initiative' && model.items[box.id]?.fields.dueDate && box.dueDate !== null);
    const workstreamId = initiative?.parentId ?? '';
    if (initiative === undefined || initiative.dueDate === null) throw new Error('the demo has a dated initiative');
    const { page, app, errors } = await open(`${GLOBAL}/box/${workstreamId}`);
    await app.getByTestId('baseline-name').fill('Q2 plan');
    await app.getByTestId('baseline-save').click();
    await expect(app.getByTestId('baseline-note').textContent()).resolves.toContain('Saved “Q2 plan”');
    await app.getByTestId('overview-baseline').waitFor();
    await expect(app.getByTestId(`overview-slip-${initiative.id}`).textContent()).resolves.toBe('0 d');

    platform.emulator.issues.update(initiative.id, { duedate: plusDays(initiative.dueDate, 14) }, DEMO_USERS.admin);
    await page.reload();
    await app.getByTestId('baseline-bar').waitFor({ timeout: 30_000 });
    await chooseBaseline(app, 'Q2 plan');
    await app.getByTestId('overview-baseline').waitFor();
    await expect(app.getByTestId(`overview-slip-${initiative.id}`).textContent()).resolves.toBe('+14 d');
    await expect(app.getByTestId(`overview-progress-delta-${initiative.id}`).textContent()).resolves.toBe('0.0 pts');
    await shot(page, 'overview-baseline-light');

    await app.getByTestId('tab-roadmap').click();
    const bar = app.getByTestId(`roadmap-baseline-${initiative.id}`);
    await bar.waitFor();
    await expect(bar.getAttribute('data-slip')).resolves.toBe('14');
    // Today's bar ends 14 days after the baseline's.
    const [today, then] = await Promise.all([app.getByTestId(`roadmap-bar-${initiative.id}`).boundingBox(), bar.boundingBox()]);
    expect((today?.x ?? 0) + (today?.width ?? 0)).toBeGreaterThan((then?.x ?? 0) + (then?.width ?? 0));
    await shot(page, 'roadmap-baseline-light');

    const dark = await open(`${GLOBAL}/box/${workstreamId}`, 'dark');
    await chooseBaseline(dark.app, 'Q2 plan');
    await dark.app.getByTestId(`overview-slip-${initiative.id}`).waitFor();
    await expect(dark.app.getByTestId(`overview-slip-${initiative.id}`).textContent()).resolves.toBe('+14 d');
    await shot(dark.page, 'overview-baseline-dark');
    await dark.app.getByTestId('tab-roadmap').click();
    await dark.app.getByTestId(`roadmap-baseline-${initiative.id}`).waitFor();
    await shot(dark.page, 'roadmap-baseline-dark');

    // The chosen baseline stays chosen on the initiative's own page.
    await app.getByTestId(`roadmap-open-${initiative.id}`).click();
    await app.getByTestId(`breadcrumb-${initiative.id}`).waitFor();
    await app.getByTestId('tab-roadmap').click();
    await expect(app.getByTestId(`roadmap-baseline-${initiative.id}`).getAttribute('data-slip')).resolves.toBe('14');

    await app.getByTestId('baseline-delete').click();
    await expect(app.getByTestId('baseline-note').textContent()).resolves.toBe('The baseline was deleted.');
    await app.getByTestId(`roadmap-baseline-${initiative.id}`).waitFor({ state: 'detached' });
    expect([...errors, ...dark.errors]).toEqual([]);
    // Two themes, a save, an edit in Jira and its sync: several page loads, like the other multi-page browser tests.
  }, 90_000);
});
