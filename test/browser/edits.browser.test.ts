import path from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData, SiteIssue } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { EDIT_KEYS, type ResolverResponse } from '../../src/contract';
import { formatPercent, resolveScope, scopeSummary } from '../../src/domain';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';

/**
 * Edits from the pages (issue 16) in headless Chromium, through the page host, the real bridge and resolvers, written
 * to the emulator as the viewer. The pages read Jira live here (no snapshot is built), so a figure follows at once.
 */
describe('edits from the pages in a browser', () => {
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

  async function open(pathname: string, accountId: string): Promise<{ page: Page; app: FrameLocator; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: 'to_user', value: accountId, url: platform.host.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.host.url}${pathname}`);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId('top-progress').waitFor({ timeout: 30_000 });
    return { page, app, errors };
  }

  const appFrame = async (page: Page): Promise<Frame> => {
    const frame = await (await page.locator('#forge-app').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no app frame');
    return frame;
  };

  /** Waits until the app's element with this test id has text matching `pattern`. */
  const waitForText = async (page: Page, testId: string, pattern: RegExp) => {
    const frame = await appFrame(page);
    await frame.waitForFunction(({ id, source }) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''), { id: testId, source: pattern.source }, { timeout: 15_000 });
  };

  const issue = (key: string) => site.issues.find((i) => i.key === key) as SiteIssue;
  const fieldId = (name: string) => site.fields.find((f) => f.name === name)?.id ?? '';
  const optionOf = (key: string, name: string) => (issue(key).customFields[fieldId(name)] as { value?: string } | null)?.value ?? null;
  const teamsConvertedText = (accountId: string) => formatPercent(scopeSummary(expectedModel(site, accountId), resolveScope(expectedModel(site, accountId), null)).teamsConverted.ratio);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  /** Types into an Atlaskit select and takes the option that matches. */
  async function choose(app: FrameLocator, inputId: string, text: string): Promise<void> {
    const input = app.locator(`#${inputId}`);
    await input.click();
    await input.fill(text);
    await app.getByRole('option', { name: new RegExp(`^${text}`) }).first().click();
  }

  it('an editor sets a team’s conversion stage; Jira holds it, teams converted moves, and Undo puts the stage back', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const team = site.issues.find((i) => i.projectKey === 'PAY' && optionOf(i.key, 'Conversion stage') === 'Preparing') ?? site.issues.find((i) => optionOf(i.key, 'Conversion stage') === 'Preparing');
    if (!team) throw new Error('no team preparing');
    const before = teamsConvertedText(DEMO_USERS.admin);
    await expect(app.getByTestId('top-teams-converted').textContent()).resolves.toBe(before);

    await app.getByTestId('tab-teamsConverted').click();
    await app.getByTestId(`team-stage-${team.key}`).waitFor();
    await choose(app, `team-stage-input-${team.key}`, 'Converted');
    await waitForText(page, 'edit-notice-text', /set to “Converted”/);
    expect(optionOf(team.key, 'Conversion stage')).toBe('Converted');
    expect(issue(team.key).changelog.at(-1)?.authorAccountId).toBe(DEMO_USERS.admin);
    const after = teamsConvertedText(DEMO_USERS.admin);
    expect(after).not.toBe(before);
    await waitForText(page, 'top-teams-converted', new RegExp(`^${after.replace(/[.%]/g, '\\$&')}$`));
    await expect(app.getByTestId(`team-stage-${team.key}`).getAttribute('data-value')).resolves.toBe('Converted');
    await shot(page, 'edit-team-stage');

    await app.getByTestId('edit-undo').click();
    await waitForText(page, 'edit-notice-text', /^Undone/);
    expect(optionOf(team.key, 'Conversion stage')).toBe('Preparing');
    await waitForText(page, 'top-teams-converted', new RegExp(`^${before.replace(/[.%]/g, '\\$&')}$`));
    await expect(app.getByTestId('edit-undo').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('a user who only browses a project gets no stage select there, and a forged change is refused by Jira', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.limited);
    const readOnlyTeam = site.issues.find((i) => i.projectKey === 'PAY' && optionOf(i.key, 'Conversion stage') !== null) as SiteIssue;
    const ownTeam = site.issues.find((i) => i.projectKey === 'DIGI' && optionOf(i.key, 'Conversion stage') !== null) as SiteIssue;
    await app.getByTestId('tab-teamsConverted').click();
    await app.getByTestId(`teams-row-${readOnlyTeam.key}`).waitFor();
    // The select shows where the limited user works (DIGI) only.
    await app.getByTestId(`team-stage-${ownTeam.key}`).waitFor();
    await expect(app.getByTestId(`team-stage-${readOnlyTeam.key}`).count()).resolves.toBe(0);

    const stage = optionOf(readOnlyTeam.key, 'Conversion stage');
    const changes = issue(readOnlyTeam.key).changelog.length;
    const frame = await appFrame(page);
    const answer = (await frame.evaluate(
      async ({ functionKey, payload }) => (globalThis as unknown as { __bridge: { callBridge: (name: string, body: unknown) => Promise<unknown> } }).__bridge.callBridge('invoke', { functionKey, payload }),
      { functionKey: EDIT_KEYS.change, payload: { issueKey: readOnlyTeam.key, concept: 'conversionStage', value: 'Sustaining', expected: stage } },
    )) as ResolverResponse<unknown>;
    expect(answer).toEqual({ success: false, error: { code: 'FORBIDDEN', message: `You may not edit ${readOnlyTeam.key} in Jira.` } });
    expect(optionOf(readOnlyTeam.key, 'Conversion stage')).toBe(stage);
    expect(issue(readOnlyTeam.key).changelog).toHaveLength(changes);
    expect(errors).toEqual([]);
  });
});
