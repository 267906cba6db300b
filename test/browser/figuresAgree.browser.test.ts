import type { Browser, FrameLocator, Locator } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { DEFAULT_CONFIG, pageWarnings, progressItems, resolveScope, scheduleCounts, scopeSummary } from '../../src/domain';
import type { ProgressMethod } from '../../src/domain';
import { launchChromium } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';

/** What the method note names for each unit a page can combine its boxes in. */
const UNIT_WORDS: Record<ProgressMethod, string> = { issueCount: 'issue count', storyPoints: 'story points', originalEstimate: 'original estimate', manual: 'Manual progress' };

/**
 * Every page of the demo, global and per project, read as a DTO reads it side by side: the headline figures agree
 * with their drills, with their own stated arithmetic and with the domain core computing from the site's raw issues.
 */
describe('every page of the demo: headlines, drills and labels agree', () => {
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

  async function open(projectKey: string | null, accountId: string = DEMO_USERS.admin): Promise<{ app: FrameLocator; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: 'to_user', value: accountId, url: platform.host.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.host.url}${projectKey === null ? '/' : `/jira/projects/${projectKey}/apps/transformation-office`}`);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId('top-progress').waitFor({ timeout: 30_000 });
    return { app, errors };
  }

  /** Waits until the locator's text is exactly `text` (drills refetch, so the old total shows for a moment). */
  const settled = async (locator: Locator, text: string): Promise<void> => {
    await locator.filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor({ timeout: 15_000 });
  };
  const items = (count: number) => `${new Intl.NumberFormat('en-US').format(count)} ${count === 1 ? 'item' : 'items'}`;

  it.each([null, 'DTO', 'PAY', 'CARD', 'LEND', 'DIGI', 'DATA', 'OPS', 'HR'])('page %s', async (projectKey) => {
    expect(projectKey === null || site.projects.some((p) => p.key === projectKey)).toBe(true);
    const model = expectedModel(site, DEMO_USERS.admin);
    const scope = resolveScope(model, projectKey);
    const { progress } = scopeSummary(model, scope);
    const counts = scheduleCounts(model, scope, today());
    const behind = progressItems(model, DEFAULT_CONFIG, scope);
    const boxes = counts.late + counts.onTrack + counts.done + counts.unscheduled;
    const { app, errors } = await open(projectKey);

    // The headline %, its arithmetic in its own unit, and the method note naming that unit.
    await expect(app.getByTestId('top-progress').textContent()).resolves.toBe(progress.percentText);
    await expect(app.getByTestId('top-progress-button').textContent()).resolves.toContain(progress.basis);
    await expect(app.getByTestId('progress-method').locator('summary').textContent()).resolves.toContain(UNIT_WORDS[progress.method]);
    // A project page counts its own boxes: its teams on a team project, never 0 of 0 when it has dated boxes.
    expect(boxes).toBeGreaterThan(0);
    await expect(app.getByTestId('top-late').textContent()).resolves.toBe(String(counts.late));
    await expect(app.getByTestId('top-late-button').textContent()).resolves.toContain(`${counts.onTrack} on track, ${counts.done} done`);

    // One time for the figures, the source's; no second "read at".
    await expect(app.locator('body').textContent()).resolves.not.toContain('read at');

    // The warnings are this page's.
    const warnings = pageWarnings(model, DEFAULT_CONFIG, scope).length;
    if (warnings > 0) await expect(app.getByText(`${warnings} data-quality ${warnings === 1 ? 'warning' : 'warnings'}`).count()).resolves.toBe(1);

    // Late drill: exactly the boxes the figure counts, with the count's arithmetic.
    await app.getByTestId('top-late-button').click();
    await settled(app.getByTestId('backlog-total'), items(counts.late));
    await expect(app.getByTestId('backlog-drill-note').textContent()).resolves.toContain(`${counts.late} of the ${boxes} boxes`);

    // Progress drill: exactly the done work the figure adds up, with the figure's arithmetic.
    await app.getByTestId('top-progress-button').click();
    await settled(app.getByTestId('backlog-total'), items(behind.doneKeys.length));
    await expect(app.getByTestId('backlog-drill-note').textContent()).resolves.toContain(`${progress.percentText} = ${progress.basis}`);
    // Teams converted and Issues read: their drills list what their figures count.
    const { teamsConverted } = scopeSummary(model, scope);
    await app.getByTestId('top-teams-converted-button').click();
    await settled(app.getByTestId('backlog-total'), items(teamsConverted.total));
    await expect(app.getByTestId('top-issue-count-button').textContent()).resolves.toContain(`${scope.itemKeys.size.toLocaleString('en-GB')} work items`);
    await app.getByTestId('top-issue-count-button').click();
    await app.getByTestId('backlog-drill').waitFor({ state: 'detached', timeout: 15_000 });
    await settled(app.getByTestId('backlog-total'), items(scope.itemKeys.size));
    if (progress.method === 'issueCount') expect(behind.doneKeys.length).toBe(progress.done);
    else {
      const size = (key: string) => Number(model.items[key]?.fields.storyPoints ?? 0);
      expect(behind.doneKeys.reduce((sum, key) => sum + size(key), 0)).toBeCloseTo(progress.done, 9);
    }
    expect(errors).toEqual([]);
  }, 90_000);

  it('says "of the N teams you can see" when the snapshot hides some from the viewer', async () => {
    // Only the snapshot, built as the app, knows what the viewer may not see; a live read is already filtered by Jira.
    await platform.install();
    const model = expectedModel(site, DEMO_USERS.limited);
    const { teamsConverted } = scopeSummary(model, resolveScope(model, null));
    let app = (await open(null, DEMO_USERS.limited)).app;
    for (let attempt = 0; attempt < 30 && !((await app.getByTestId('data-source').textContent()) ?? '').startsWith('Figures as of'); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      app = (await open(null, DEMO_USERS.limited)).app;
    }
    await expect(app.getByTestId('top-teams-converted-button').textContent()).resolves.toContain(`${teamsConverted.converted} of the ${teamsConverted.total} teams you can see`);
    await expect(app.getByTestId('rows-hidden').textContent()).resolves.toContain('projects you may not browse');
  }, 90_000);

  it('shows a team project the risks on the boxes above its teams, marked as such', async () => {
    const { app } = await open('CARD');
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId('risk-above-count').waitFor();
    await expect(app.getByText('No risks in this scope').count()).resolves.toBe(0);
  }, 90_000);
});
