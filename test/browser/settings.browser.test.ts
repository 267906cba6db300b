import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { LocalPlatform } from '../../dev/platform';
import { SETTINGS_KEYS, SETTINGS_MODULE_KEY, type SavedSettingsDto, type SettingsDto, type SettingsResponse } from '../../src/contract';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { startTestPlatform, testSite } from '../support/platform';

const SETTINGS_PATH = '/jira/settings/apps/transformation-office';
const SETTINGS_PAGE = { moduleKey: SETTINGS_MODULE_KEY, extension: { type: 'jira:adminPage' } };

/** The admin settings page in headless Chromium, through the page host, the real bridge and the real resolvers. */
describe('settings page in a browser', () => {
  let platform: LocalPlatform;
  let browser: Browser;

  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(testSite()), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** What the store holds now, read as the admin straight through the runtime. */
  const stored = async (): Promise<SettingsDto> => {
    const response = (await platform.runtime.invoke({ functionKey: SETTINGS_KEYS.get, payload: {}, context: { ...SETTINGS_PAGE, accountId: DEMO_USERS.admin } })) as SettingsResponse<SettingsDto>;
    if (!response.success) throw new Error(response.error.message);
    return response.data;
  };

  async function open(pathname: string, accountId: string, ready: string, height = 1000): Promise<{ page: Page; app: FrameLocator; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height }, acceptDownloads: true });
    await context.addCookies([{ name: 'to_user', value: accountId, url: platform.host.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.host.url}${pathname}`);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId(ready).waitFor({ timeout: 30_000 });
    return { page, app, errors };
  }

  const openSettings = (accountId: string, height?: number) => open(SETTINGS_PATH, accountId, 'settings-revision', height);

  const appFrame = async (page: Page): Promise<Frame> => {
    const frame = await (await page.locator('#forge-app').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no app frame');
    return frame;
  };

  /** Types into an Atlaskit select and takes the option that matches. */
  async function choose(app: FrameLocator, id: string, text: string): Promise<void> {
    const input = app.locator(`#${id}`);
    await input.click();
    await input.fill(text);
    await app.getByRole('option', { name: new RegExp(`^${text}`) }).first().click();
  }

  it('an admin adds a box type, narrows toolsets, maps a field and saves; the global page follows the saved toolset', async () => {
    expect((await stored()).revision).toBe(0);
    const before = await open('/', DEMO_USERS.admin, 'top-progress');
    await before.app.getByTestId('tab-riskMatrix').waitFor();
    await before.page.context().close();

    const { page, app, errors } = await openSettings(DEMO_USERS.admin, 2200);
    await expect(app.getByTestId('settings-save').isDisabled()).resolves.toBe(true);

    // A "Squad" type under Team (the last type, offered by default), with the toolset reduced to roadmap and backlog.
    await app.getByTestId('settings-new-box-type-name').fill('Squad');
    await choose(app, 'settings-new-box-type-parent', 'Team');
    await app.getByTestId('settings-add-box-type').click();
    await app.getByTestId('box-type-squad').waitFor();
    await expect(app.getByTestId('box-type-name-squad').inputValue()).resolves.toBe('Squad');
    // Squads are the Team boxes' child issues of type Squad.
    await choose(app, 'box-type-source-squad', 'Child issues of parent boxes');
    await expect(app.getByTestId('box-type-issue-types-squad').inputValue()).resolves.toBe('Squad');
    for (const panel of ['riskMatrix', 'teamsConverted']) await app.getByTestId(`box-type-toolset-squad-${panel}--hidden-checkbox`).uncheck();
    await expect(app.getByTestId('box-type-toolset-squad-riskMatrix').getAttribute('data-checked')).resolves.toBe('false');

    // The root type: no risk matrix; it offers no delete and no parent.
    await app.getByTestId('box-type-toolset-transformation-riskMatrix--hidden-checkbox').uncheck();
    await expect(app.getByTestId('box-type-delete-transformation').count()).resolves.toBe(0);
    await expect(app.getByTestId('box-type-parent-transformation').count()).resolves.toBe(0);

    // Story points from the same (compatible) field, with the live count of issues that have a value.
    await choose(app, 'field-mapping-storyPoints', 'Story point estimate');
    await expect(app.getByTestId('field-preview-storyPoints').textContent()).resolves.toMatch(/^Counting|^[\d,]+ issues? ha(ve|s) a value/);
    await page.waitForFunction(() => /^[\d,]+ issues? ha(ve|s) a value in “Story point estimate”/.test(
      (document.querySelector('#forge-app') as HTMLIFrameElement | null)?.contentDocument?.querySelector('[data-testid="field-preview-storyPoints"]')?.textContent ?? '',
    ), undefined, { timeout: 15_000 });

    await expect(app.getByTestId('settings-dirty').textContent()).resolves.toContain('Unsaved changes');
    await app.getByTestId('settings-save').click();
    await app.getByTestId('settings-saved').waitFor();
    await expect(app.getByTestId('settings-saved').textContent()).resolves.toContain('Saved as revision 1.');
    await expect(app.getByTestId('settings-dirty').textContent()).resolves.toContain('No unsaved changes');
    await (await appFrame(page)).evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-page.png'), fullPage: true });

    const saved = await stored();
    expect(saved.revision).toBe(1);
    expect(saved.updatedBy).toBe(DEMO_USERS.admin);
    expect(saved.config.boxTypes.map((t) => t.id)).toEqual(['transformation', 'workstream', 'initiative', 'team', 'squad']);
    expect(saved.config.boxTypes.find((t) => t.id === 'squad')).toMatchObject({ parentTypeId: 'team', source: { kind: 'parentLink', issueTypes: ['Squad'] }, toolset: ['roadmap', 'backlog'] });
    expect(saved.config.boxTypes[0]?.toolset).toEqual(['roadmap', 'teamsConverted', 'backlog', 'reports']);
    expect(saved.config.fieldMapping.storyPoints).toBe('Story point estimate');
    expect(errors).toEqual([]);

    // The global page reads the stored configuration: the root's toolset has no risk matrix any more.
    const global = await open('/', DEMO_USERS.admin, 'top-progress');
    await global.app.getByTestId('tab-roadmap').waitFor();
    await expect(global.app.getByTestId('tab-riskMatrix').count()).resolves.toBe(0);
    expect(global.errors).toEqual([]);
  });

  it('shows the server’s problems next to their fields, and a conflict instead of overwriting', async () => {
    const { page, app, errors } = await openSettings(DEMO_USERS.admin);
    const before = await stored();

    // An empty name is refused by the server: summary at the top, message under the field, nothing stored.
    await app.getByTestId('box-type-name-workstream').fill(' ');
    await app.getByTestId('settings-save').click();
    await app.getByTestId('settings-problems').waitFor();
    await expect(app.getByTestId('settings-problems').textContent()).resolves.toContain('Box type “workstream” › name');
    await expect(app.getByTestId('box-type-name-workstream-problems').textContent()).resolves.toMatch(/cannot be empty/);
    expect((await stored()).revision).toBe(before.revision);

    // Someone else saves meanwhile: this page's save is refused with a conflict, and reloading shows their settings.
    await app.getByTestId('box-type-name-workstream').fill('Stream');
    const theirs = { ...before.config, name: 'Their transformation' };
    const response = (await platform.runtime.invoke({ functionKey: SETTINGS_KEYS.save, payload: { config: theirs, baseRevision: before.revision }, context: { ...SETTINGS_PAGE, accountId: DEMO_USERS.admin } })) as SettingsResponse<SavedSettingsDto>;
    expect(response.success).toBe(true);
    await app.getByTestId('settings-save').click();
    await app.getByTestId('settings-conflict').waitFor();
    await expect(app.getByTestId('settings-conflict').textContent()).resolves.toContain(`revision ${before.revision} → ${before.revision + 1}`);
    expect((await stored()).config.boxTypes.find((t) => t.id === 'workstream')?.name).toBe('Workstream');
    await app.getByTestId('settings-conflict-reload').click();
    await app.getByTestId('settings-conflict').waitFor({ state: 'detached' });
    await expect(app.getByTestId('settings-name').inputValue()).resolves.toBe('Their transformation');
    await expect(app.getByTestId('box-type-name-workstream').inputValue()).resolves.toBe('Workstream');
    await expect(app.getByTestId('settings-revision').textContent()).resolves.toContain(`Revision ${before.revision + 1}`);

    // Export downloads the stored settings; an invalid import is refused with its problems, and nothing is written.
    const download = page.waitForEvent('download');
    await app.getByTestId('settings-export').click();
    const file = await (await download).path();
    expect((JSON.parse(readFileSync(file, 'utf8')) as { name: string }).name).toBe('Their transformation');
    await app.getByTestId('settings-import-text').fill(JSON.stringify({ ...theirs, conversion: { ...theirs.conversion, targetStage: 'Nowhere' } }));
    await app.getByTestId('settings-import').click();
    await app.getByTestId('settings-import-problems').waitFor();
    await expect(app.getByTestId('settings-import-problems').textContent()).resolves.toContain('conversion.targetStage');
    expect((await stored()).revision).toBe(before.revision + 1);
    expect(errors).toEqual([]);
  });

  it('a team member sees the settings read-only, and the save resolver refuses them', async () => {
    const before = await stored();
    const { page, app, errors } = await openSettings(DEMO_USERS.teamMember);
    await expect(app.getByTestId('settings-read-only').textContent()).resolves.toContain('Only Jira administrators can change these settings.');
    await expect(app.getByTestId('settings-save').count()).resolves.toBe(0);
    await expect(app.getByTestId('settings-add-box-type').count()).resolves.toBe(0);
    await expect(app.getByTestId('settings-import').count()).resolves.toBe(0);
    await expect(app.getByTestId('box-type-toolset-transformation-roadmap--hidden-checkbox').isDisabled()).resolves.toBe(true);
    await expect(app.getByTestId('box-type-name-team').getAttribute('readonly')).resolves.not.toBeNull();

    // Straight through the page's own bridge, as a crafted call would go.
    const frame = await appFrame(page);
    const answer = (await frame.evaluate(
      async ({ functionKey, payload }) => (globalThis as unknown as { __bridge: { callBridge: (name: string, body: unknown) => Promise<unknown> } }).__bridge.callBridge('invoke', { functionKey, payload }),
      { functionKey: SETTINGS_KEYS.save, payload: { config: { ...before.config, name: 'Taken over' }, baseRevision: before.revision } },
    )) as SettingsResponse<SavedSettingsDto>;
    expect(answer).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    const after = await stored();
    expect(after.revision).toBe(before.revision);
    expect(after.config.name).toBe(before.config.name);
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-page-read-only.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
