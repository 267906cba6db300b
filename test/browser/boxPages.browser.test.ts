import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { backlogPage, boxScope, DEFAULT_CONFIG, overview, resolveScope, riskMatrix, scheduleCounts, scopeSummary, type TransformationModel } from '../../src/domain';
import { ARTIFACTS, launchChromium, openAppPage } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';

const GLOBAL = '/jira/apps/transformation-office';

/** Opening boxes in headless Chromium: the Overview, a box's own page and toolset, breadcrumbs and deep links. */
describe('box pages in a browser', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let browser: Browser;
  let model: TransformationModel;
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    site = testSite();
    [platform, browser] = await Promise.all([startTestPlatform(site), launchChromium()]);
    model = expectedModel(site, DEMO_USERS.admin);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const open = (pathname: string, { accountId = DEMO_USERS.admin, theme = 'light' }: { accountId?: string; theme?: 'light' | 'dark' } = {}) =>
    openAppPage(browser, platform.host.url, pathname, { accountId, theme, acceptDownloads: true });

  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  /** The initiative with the most teams, its workstream, and its first team. */
  function anInitiative(): { initiativeId: string; teamId: string } {
    const initiatives = Object.values(model.boxes).filter((box) => box.typeId === 'initiative').sort((a, b) => b.childIds.length - a.childIds.length || a.id.localeCompare(b.id));
    const initiative = initiatives[0];
    const teamId = initiative?.childIds[0];
    if (initiative === undefined || teamId === undefined) throw new Error('the demo has an initiative with teams');
    return { initiativeId: initiative.id, teamId };
  }

  /** The top row shows the box's own figures, as the domain rolls them up for its subtree. */
  async function expectBoxFigures(app: FrameLocator, boxId: string, within = resolveScope(model, null), viewer = model): Promise<void> {
    const scope = boxScope(viewer, within, boxId);
    if (scope === null) throw new Error(`${boxId} is not on the page`);
    const summary = scopeSummary(viewer, scope);
    await expect(app.getByTestId('top-progress').textContent()).resolves.toBe(summary.progress.percentText);
    await expect(app.getByTestId('top-teams-converted').textContent()).resolves.toBe(summary.teamsConverted.percentText);
    await expect(app.getByTestId('top-late').textContent()).resolves.toBe(String(scheduleCounts(viewer, scope, today()).late));
  }

  const rowIds = async (app: FrameLocator, level?: number): Promise<string[]> => {
    const selector = level === undefined ? '[data-testid^="overview-row-"]' : `[data-testid^="overview-row-"][aria-level="${level}"]`;
    const ids = await app.locator(selector).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.replace('overview-row-', ''));
  };

  it('the Overview is the first panel, sorts by progress, and opens an initiative with its breadcrumbs and only its subtree\'s figures', async () => {
    const { page, app, errors } = await open(GLOBAL);
    await app.getByTestId('overview-table').waitFor();
    await expect(app.getByTestId('tab-overview').getAttribute('aria-selected')).resolves.toBe('true');
    const expected = overview(model, DEFAULT_CONFIG, resolveScope(model, null), today());
    await expect(app.getByTestId('overview-count').textContent()).resolves.toBe(`${expected.rows.length} boxes`);

    await app.getByTestId('overview-sort-progress').click();
    const workstreams = await rowIds(app, 1);
    const ratio = (id: string) => (model.boxes[id]?.progress.total ? (model.boxes[id]?.progress.ratio ?? 0) : -1);
    expect(workstreams.length).toBe(model.boxes.root?.childIds.length);
    expect(workstreams.map(ratio)).toEqual(workstreams.map(ratio).sort((a, b) => a - b));
    await app.getByTestId('overview-sort-progress').click();
    const descending = await rowIds(app, 1);
    expect(descending.map(ratio)).toEqual(descending.map(ratio).sort((a, b) => b - a));
    await expect(app.getByTestId('overview-sort-progress').locator('..').getAttribute('aria-sort')).resolves.toBe('descending');
    await shot(page, 'overview-light');

    const { initiativeId } = anInitiative();
    const initiative = model.boxes[initiativeId];
    const workstream = model.boxes[initiative?.parentId ?? ''];
    await app.getByTestId(`overview-open-${initiativeId}`).click();
    await app.getByTestId('breadcrumbs').waitFor();
    await expect(app.getByTestId('breadcrumbs').locator('li').allTextContents()).resolves.toEqual([`${model.name}/`, `${workstream?.name}/`, initiative?.name]);
    await expect(app.getByTestId('box-type').textContent()).resolves.toBe('Initiative');
    await expectBoxFigures(app, initiativeId);
    expect(new URL(page.url()).pathname).toBe(`${GLOBAL}/box/${initiativeId}`);
    await app.getByTestId('overview-table').waitFor();
    expect((await rowIds(app)).sort()).toEqual([...(initiative?.childIds ?? [])].sort());
    await shot(page, 'initiative-light');
    expect(errors).toEqual([]);
  });

  it('a team has its box type\'s reduced toolset; the browser\'s back button returns to the initiative', async () => {
    const { initiativeId, teamId } = anInitiative();
    const { page, app, errors } = await open(`${GLOBAL}/box/${initiativeId}`);
    await app.getByTestId(`overview-open-${teamId}`).click();
    await app.getByTestId(`breadcrumb-${teamId}`).waitFor();
    await expect(app.getByTestId('box-type').textContent()).resolves.toBe('Team');
    await expectBoxFigures(app, teamId);
    const tabs = await app.locator('[data-testid^="tab-"]').evaluateAll((all) => all.map((tab) => tab.getAttribute('data-testid')));
    expect(tabs).toEqual(['tab-roadmap', 'tab-riskMatrix', 'tab-teamsConverted', 'tab-backlog']);
    await app.getByTestId('roadmap').waitFor();
    await app.getByTestId(`roadmap-row-${teamId}`).waitFor();
    await shot(page, 'team-light');

    await page.goBack();
    await app.getByTestId(`breadcrumb-${initiativeId}`).waitFor();
    await expect(app.getByTestId('box-type').textContent()).resolves.toBe('Initiative');
    await expectBoxFigures(app, initiativeId);
    await app.getByTestId(`breadcrumb-open-root`).click();
    await app.getByTestId('breadcrumbs').waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(GLOBAL);
    expect(errors).toEqual([]);
  });

  it('a deep link opens the same box, in the dark theme too', async () => {
    const { initiativeId, teamId } = anInitiative();
    const { page, app, errors } = await open(`${GLOBAL}/box/${teamId}`, { theme: 'dark' });
    await app.getByTestId(`breadcrumb-${teamId}`).waitFor();
    await expectBoxFigures(app, teamId);
    const background = await app.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(200);
    await app.getByTestId(`roadmap-row-${teamId}`).waitFor();
    await shot(page, 'team-dark');

    const initiativePage = await open(`${GLOBAL}/box/${initiativeId}`, { theme: 'dark' });
    await initiativePage.app.getByTestId('overview-table').waitFor();
    await expectBoxFigures(initiativePage.app, initiativeId);
    await shot(initiativePage.page, 'initiative-dark');
    const whole = await open(GLOBAL, { theme: 'dark' });
    await whole.app.getByTestId('overview-table').waitFor();
    await shot(whole.page, 'overview-dark');
    expect([...errors, ...initiativePage.errors, ...whole.errors]).toEqual([]);
  });

  it('a link to a box the viewer may not browse says so, and shows none of it', async () => {
    const limited = expectedModel(site, DEMO_USERS.limited);
    const hidden = Object.keys(model.boxes).find((id) => id !== 'root' && limited.boxes[id] === undefined);
    if (hidden === undefined) throw new Error('the demo hides a box from the limited user');
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: 'to_user', value: DEMO_USERS.limited, url: platform.host.url }]);
    const page = await context.newPage();
    await page.goto(`${platform.host.url}${GLOBAL}/box/${hidden}`);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId('error-message').waitFor({ timeout: 30_000 });
    await expect(app.getByTestId('error-message').textContent()).resolves.toContain(`There is no box ${hidden} on this page`);
    await expect(app.locator('body').textContent()).resolves.not.toContain(model.boxes[hidden]?.name ?? '');
    await app.getByTestId('box-not-found-home').click();
    await app.getByTestId('top-progress').waitFor();
    expect(new URL(page.url()).pathname).toBe(GLOBAL);
  });

  it('the Overview answers the keyboard: arrows move, close and open rows; Enter opens the box', async () => {
    const { app, errors } = await open(GLOBAL);
    await app.getByTestId('overview-table').waitFor();
    const first = (await rowIds(app))[0] ?? '';
    const before = (await rowIds(app)).length;
    await app.getByTestId(`overview-row-${first}`).locator('td').nth(1).click();
    await app.getByTestId(`overview-row-${first}`).press('ArrowLeft');
    await expect(app.getByTestId(`overview-row-${first}`).getAttribute('aria-expanded')).resolves.toBe('false');
    expect((await rowIds(app)).length).toBe(before - (model.boxes[first]?.childIds.length ?? 0));
    await app.getByTestId(`overview-row-${first}`).press('ArrowRight');
    await expect(app.getByTestId(`overview-row-${first}`).getAttribute('aria-expanded')).resolves.toBe('true');
    await app.getByTestId(`overview-row-${first}`).press('ArrowDown');
    const second = (await rowIds(app))[1] ?? '';
    await expect(app.getByTestId(`overview-row-${second}`).evaluate((row) => row === document.activeElement)).resolves.toBe(true);
    await app.getByTestId(`overview-row-${second}`).press('Enter');
    await app.getByTestId(`breadcrumb-${second}`).waitFor();
    await expectBoxFigures(app, second);
    expect(errors).toEqual([]);
  });

  it('the Overview filters by text and exports what it shows as CSV', async () => {
    const { page, app, errors } = await open(GLOBAL);
    await app.getByTestId('overview-table').waitFor();
    const { initiativeId } = anInitiative();
    const name = model.boxes[initiativeId]?.name ?? '';
    await app.getByTestId('overview-filter').fill(name);
    await app.getByTestId(`overview-row-${initiativeId}`).waitFor();
    const shown = await rowIds(app);
    expect(shown).toContain(model.boxes[initiativeId]?.parentId);
    const download = page.waitForEvent('download');
    await app.getByTestId('overview-export-csv').click();
    const lines = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^Key,Name,Type,Level,Parent,Progress,/);
    expect(lines).toHaveLength(shown.length + 1);
    expect(lines.some((line) => line.startsWith(`${initiativeId},`))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('box names in the teams table, roadmap, risk list and backlog open their box', async () => {
    const { initiativeId, teamId } = anInitiative();
    const { app, errors } = await open(GLOBAL);
    await app.getByTestId('tab-teamsConverted').click();
    await app.getByTestId(`teams-open-${initiativeId}`).click();
    await app.getByTestId(`breadcrumb-${initiativeId}`).waitFor();

    await app.getByTestId('tab-roadmap').click();
    await app.getByTestId(`roadmap-open-${teamId}`).click();
    await app.getByTestId(`breadcrumb-${teamId}`).waitFor();
    await expectBoxFigures(app, teamId);

    await app.getByTestId('breadcrumb-open-root').click();
    await app.getByTestId('breadcrumbs').waitFor({ state: 'detached' });
    await app.getByTestId('tab-riskMatrix').click();
    const matrix = riskMatrix(model, DEFAULT_CONFIG, resolveScope(model, null));
    const cell = matrix.cells.find((c) => c.riskKeys.length > 0);
    const riskKey = cell?.riskKeys[0] ?? '';
    const riskBox = matrix.risks.find((risk) => risk.key === riskKey)?.boxId ?? '';
    await app.getByTestId(`risk-cell-${cell?.likelihood}-${cell?.impact}`).click();
    await app.getByTestId(`risk-open-${riskKey}`).click();
    await app.getByTestId(`breadcrumb-${riskBox}`).waitFor();
    await expect(app.getByTestId('box-type').textContent()).resolves.toBe(DEFAULT_CONFIG.boxTypes.find((t) => t.id === model.boxes[riskBox]?.typeId)?.name);

    await app.getByTestId('tab-backlog').click();
    const item = backlogPage(model, DEFAULT_CONFIG, boxScope(model, resolveScope(model, null), riskBox) ?? resolveScope(model, null), {}, today()).items.find((i) => i.boxId !== riskBox);
    if (item === undefined) throw new Error(`${riskBox} has work in the boxes below it`);
    await app.getByTestId(`backlog-open-${item.key}`).click();
    await app.getByTestId(`breadcrumb-${item.boxId}`).waitFor();
    expect(errors).toEqual([]);
  });

  it('a project page does not offer to open a box outside the project that holds some of its work', async () => {
    const ops = resolveScope(model, 'OPS');
    const { app, errors } = await open('/jira/projects/OPS/apps/transformation-office');
    await app.getByTestId('tab-roadmap').click();
    await app.getByTestId('roadmap-row-root').waitFor();
    await expect(app.getByTestId('roadmap-open-root').count()).resolves.toBe(0);
    await app.getByTestId(`roadmap-open-${ops.rootIds[0]}`).waitFor();
    expect(errors).toEqual([]);
  });

  it('a project page opens its project\'s boxes the same way, its home first in the breadcrumbs', async () => {
    const member = expectedModel(site, DEMO_USERS.teamMember);
    const pay = resolveScope(member, 'PAY');
    const teamId = pay.rootIds[0] ?? '';
    const { page, app, errors } = await open(`/jira/projects/PAY/apps/transformation-office/box/${teamId}`, { accountId: DEMO_USERS.teamMember });
    await app.getByTestId(`breadcrumb-${teamId}`).waitFor();
    await expectBoxFigures(app, teamId, pay, member);
    await expect(app.getByTestId('breadcrumb-home').textContent()).resolves.toBe('Project PAY');
    await shot(page, 'project-team-light');
    await app.getByTestId('breadcrumb-home').click();
    await app.getByTestId('breadcrumbs').waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/jira/projects/PAY/apps/transformation-office');
    await app.getByTestId('overview-table').waitFor();
    await shot(page, 'project-overview-light');

    const dark = await open(`/jira/projects/PAY/apps/transformation-office/box/${teamId}`, { accountId: DEMO_USERS.teamMember, theme: 'dark' });
    await dark.app.getByTestId(`breadcrumb-${teamId}`).waitFor();
    await expectBoxFigures(dark.app, teamId, pay, member);
    await shot(dark.page, 'project-team-dark');
    expect([...errors, ...dark.errors]).toEqual([]);
  });
});
