import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData, SiteIssue } from '../../dev/emulator/siteData';
import { startLocalPlatform, type LocalPlatform } from '../../dev/platform';
import { formatPercent, resolveScope, scopeSummary } from '../../src/domain';
import { launchChromium } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { testSite } from '../support/platform';

/**
 * An edit on a page served from the snapshot: the write goes to Jira at once, the snapshot follows Jira's issue event,
 * and the page reads its figures again until they include the change. Events are delivered when the test says.
 */
describe('an edit on a page served from the snapshot, in a browser', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let browser: Browser;

  beforeAll(async () => {
    site = testSite();
    [platform, browser] = await Promise.all([
      startLocalPlatform({
        site,
        appAccountId: DEMO_USERS.app,
        switcherAccountIds: [DEMO_USERS.admin],
        kvsFile: path.join(mkdtempSync(path.join(tmpdir(), 'to-kvs-')), 'kvs.json'),
        events: 'manual',
      }),
      launchChromium(),
    ]);
    await platform.install();
    await settle();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** Lets the triggers fired by Jira's events run, then delivers every queued event: the snapshot is current. */
  async function settle(): Promise<void> {
    await platform.runtime.idle();
    await platform.runtime.events.drain();
    await platform.runtime.idle();
  }

  const stageOf = (issue: SiteIssue) => (issue.customFields[site.fields.find((f) => f.name === 'Conversion stage')?.id ?? ''] as { value?: string } | null)?.value ?? null;
  const teamsConverted = () => formatPercent(scopeSummary(expectedModel(site, DEMO_USERS.admin), resolveScope(expectedModel(site, DEMO_USERS.admin), null)).teamsConverted.ratio);

  it('a stage change shows in the figures once the snapshot has applied the issue event', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    context.setDefaultTimeout(15_000);
    await context.addCookies([{ name: 'to_user', value: DEMO_USERS.admin, url: platform.host.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(platform.host.url);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId('top-progress').waitFor({ timeout: 30_000 });
    await expect(app.getByTestId('data-source').textContent()).resolves.toMatch(/^Figures as of/);
    const before = teamsConverted();
    await expect(app.getByTestId('top-teams-converted').textContent()).resolves.toBe(before);

    const team = site.issues.find((i) => stageOf(i) === 'Preparing') as SiteIssue;
    await app.getByTestId('tab-teamsConverted').click();
    const input = app.locator(`#team-stage-input-${team.key}`);
    await input.click();
    await input.fill('Converted');
    await app.getByRole('option', { name: /^Converted/ }).first().click();
    await app.getByTestId('edit-notice-text').waitFor();
    expect(stageOf(team)).toBe('Converted');
    const after = teamsConverted();
    expect(after).not.toBe(before);

    // Jira has the change; the snapshot gets it from the issue event, and the page follows.
    await settle();
    const frame = await (await page.locator('#forge-app').elementHandle())?.contentFrame();
    await frame?.waitForFunction((text) => document.querySelector('[data-testid="top-teams-converted"]')?.textContent === text, after, { timeout: 15_000 });
    await expect(app.getByTestId('data-source').textContent()).resolves.toMatch(/^Figures as of/);
    expect(errors).toEqual([]);
  }, 60_000);
});
