import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData, SiteIssue } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { SETTINGS_KEYS, SETTINGS_MODULE_KEY, type SettingsResponse } from '../../src/contract';
import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { startTestPlatform, testSite } from '../support/platform';

const ROOT = path.resolve(__dirname, '..', '..');

/** Each payload would set window.__pwned (or open a dialog) if the page ever treated it as markup or a link. */
const TEXT = {
  settingsName: `<img src=x onerror="window.__pwned='settings'">Transformation`,
  teamTypeName: '<i onmouseover="window.__pwned=1">Team</i>',
  workstream: `<img src=x onerror="window.__pwned='roadmap'"> Customer Journeys`,
  team: `<script>window.__pwned='team'</script>Instant Payments`,
  story: `"><img src=x onerror="alert('story')"> 1 < 2 && 3 > 2`,
  riskScored: `<svg onload="window.__pwned='risk'"></svg>Vendor lock-in`,
  riskUnscored: `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>Key people leave`,
  mitigation: `<a href="javascript:window.__pwned='a'">Click me</a> javascript:window.__pwned='js'`,
  owner: `<img src=x onerror="window.__pwned='owner'"> Owen`,
  assignee: `<b onclick="window.__pwned=1">Ann</b> <script>alert(1)</script>`,
  label: `<img/src=x/onerror=window.__pwned='label'>`,
  stage: '<img src=x onerror=__pwned=1>',
} as const;

/** A select option's value in Jira's REST shape. */
const option = (value: string) => ({ self: 'https://example.invalid/rest/api/3/customFieldOption/1', value, id: '1' });
const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/**
 * Untrusted text: issue summaries, labels, people's names, select values and settings labels full of HTML and
 * script are shown as text, and the page runs nothing of them. Also: the Custom UI keeps Forge's default CSP.
 */
describe('untrusted text in a browser', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let browser: Browser;
  const seeded: Record<string, string> = {};

  function seed(data: SiteData): void {
    const typeId = (name: string) => data.issueTypes.find((t) => t.name === name)?.id;
    const issue = (key: string): SiteIssue => {
      const found = data.issues.find((i) => i.key === key);
      if (!found) throw new Error(`the demo has no ${key}`);
      return found;
    };
    const fieldId = (name: string) => data.fields.find((f) => f.name === name)?.id ?? '';
    issue('DTO-1').summary = TEXT.workstream;
    const team = issue('PAY-1');
    team.summary = TEXT.team;
    const teamWithStage = data.issues.find((i) => i.issueTypeId === typeId('Team') && i.key !== 'PAY-1' && i.projectKey === 'PAY') as SiteIssue;
    teamWithStage.customFields[fieldId('Conversion stage')] = option(TEXT.stage);
    seeded.stageTeam = teamWithStage.key;

    const story = data.issues.find((i) => i.issueTypeId === typeId('Story') && i.projectKey === 'PAY' && i.assigneeAccountId) as SiteIssue;
    story.summary = TEXT.story;
    story.labels = [TEXT.label, 'javascript:alert(1)'];
    const assignee = data.users.find((u) => u.accountId === story.assigneeAccountId);
    if (assignee) assignee.displayName = TEXT.assignee;
    seeded.story = story.key;

    const risks = data.issues.filter((i) => i.issueTypeId === typeId('Risk'));
    const [scored, unscored] = risks;
    if (!scored || !unscored) throw new Error('the demo has no risks');
    scored.summary = TEXT.riskScored;
    scored.customFields[fieldId('Risk likelihood')] = option('Almost certain');
    scored.customFields[fieldId('Risk impact')] = option('Severe');
    scored.customFields[fieldId('Mitigation')] = adf(TEXT.mitigation);
    const owner = data.users.find((u) => u.accountId === scored.assigneeAccountId && u.accountId !== story.assigneeAccountId);
    if (owner) owner.displayName = TEXT.owner;
    seeded.riskScored = scored.key;
    unscored.summary = TEXT.riskUnscored;
    delete unscored.customFields[fieldId('Risk likelihood')];
    seeded.riskUnscored = unscored.key;
  }

  beforeAll(async () => {
    site = testSite();
    seed(site);
    [platform, browser] = await Promise.all([startTestPlatform(site), launchChromium()]);
    // A settings label with markup too: the transformation's name, and the team box type's name.
    const config = structuredClone(DEFAULT_CONFIG);
    config.name = TEXT.settingsName;
    config.boxTypes = config.boxTypes.map((t) => (t.id === 'team' ? { ...t, name: TEXT.teamTypeName } : t));
    const saved = (await platform.runtime.invoke({
      functionKey: SETTINGS_KEYS.save,
      payload: { config, baseRevision: 0 },
      context: { moduleKey: SETTINGS_MODULE_KEY, accountId: DEMO_USERS.admin, extension: { type: 'jira:adminPage' } },
    })) as SettingsResponse<unknown>;
    if (!saved.success) throw new Error(`${saved.error.code}: ${saved.error.message}`);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  interface Opened {
    page: Page;
    app: FrameLocator;
    frame: () => Frame;
    dialogs: string[];
    errors: string[];
  }

  async function open(accountId: string = DEMO_USERS.admin, where: { path: string; ready: string } = { path: '/', ready: 'top-progress' }): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: 'to_user', value: accountId, url: platform.host.url }]);
    // In every frame: remember anything the CSP had to block (an inline script or handler that tried to run).
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${platform.host.url}${where.path}`);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId(where.ready).waitFor({ timeout: 30_000 });
    const frame = () => {
      const found = page.frames().find((f) => f.url().includes('/app/'));
      if (!found) throw new Error('the app frame is not loaded');
      return found;
    };
    return { page, app, frame, dialogs, errors };
  }

  /** Nothing ran, nothing was blocked, no element of the payloads exists in the page. */
  async function expectNothingExecuted({ page, frame, dialogs, errors }: Opened): Promise<void> {
    for (const f of [page.mainFrame(), frame()]) {
      const state = await f.evaluate(() => {
        const w = window as unknown as { __pwned?: unknown; __cspViolations?: string[] };
        const injected = document.querySelectorAll('img[src="x"], [onerror], [onload], [onclick], [onmouseover], iframe[srcdoc], svg[onload], a[href^="javascript:" i], script:not([src])');
        return { pwned: w.__pwned, violations: w.__cspViolations ?? [], injected: Array.from(injected).map((el) => el.outerHTML.slice(0, 80)) };
      });
      expect(state).toEqual({ pwned: undefined, violations: [], injected: [] });
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }

  const textOf = async (app: FrameLocator, testId: string) => (await app.getByTestId(testId).textContent()) ?? '';

  it('shows every seeded text literally in the top row, warnings, roadmap, risks, backlog and teams, and runs none of it', async () => {
    const opened = await open();
    const { page, app } = opened;

    // Top row: the transformation's name from the settings.
    await expect(app.getByText(TEXT.settingsName, { exact: true }).count()).resolves.toBeGreaterThan(0);

    // Data-quality warnings quote the select value that is no conversion stage.
    await app.getByText(/data-quality warning/).first().click();
    const warnings = (await app.getByTestId('data-quality-warnings').locator('li').allTextContents()).join('\n');
    expect(warnings).toContain(`${seeded.stageTeam}: "Conversion stage" has ${JSON.stringify(TEXT.stage)}`);

    // Overview: the workstream's row, and its own page's breadcrumbs and heading.
    await app.getByTestId('overview-row-DTO-1').waitFor();
    expect(await textOf(app, 'overview-row-DTO-1')).toContain(TEXT.workstream);
    await app.getByTestId('overview-open-DTO-1').click();
    await app.getByTestId('breadcrumb-DTO-1').waitFor();
    expect(await textOf(app, 'breadcrumb-DTO-1')).toBe(TEXT.workstream);
    await app.getByTestId('breadcrumb-open-root').click();
    await app.getByTestId('breadcrumbs').waitFor({ state: 'detached' });

    // Roadmap: the workstream's row.
    await app.getByTestId('tab-roadmap').click();
    await app.getByTestId('roadmap-row-DTO-1').waitFor();
    expect(await textOf(app, 'roadmap-row-DTO-1')).toContain(TEXT.workstream);

    // Risks: the unscored one is listed with its owner; the scored one in its cell, with owner and mitigation.
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId(`risk-unscored-${seeded.riskUnscored}`).waitFor();
    expect(await textOf(app, `risk-unscored-${seeded.riskUnscored}`)).toContain(TEXT.riskUnscored);
    await app.getByTestId('risk-cell-5-5').click();
    const riskRow = await textOf(app, `risk-row-${seeded.riskScored}`);
    expect(riskRow).toContain(TEXT.riskScored);
    expect(riskRow).toContain(TEXT.mitigation);
    expect(riskRow).toContain(TEXT.owner);

    // Backlog: the story, with its assignee, its labels, and its team's name as the box.
    await app.getByTestId('tab-backlog').click();
    await app.getByTestId('backlog-columns--trigger').click();
    await app.getByTestId('backlog-column-labels').click();
    await page.keyboard.press('Escape');
    await app.getByTestId('backlog-search').fill(seeded.story ?? '');
    await app.getByTestId(`backlog-row-${seeded.story}`).waitFor({ timeout: 15_000 });
    const storyRow = await textOf(app, `backlog-row-${seeded.story}`);
    for (const text of [TEXT.story, TEXT.assignee, TEXT.label, 'javascript:alert(1)']) expect(storyRow).toContain(text);

    // Teams converted: the team's row, and the team box type's name.
    await app.getByTestId('tab-teamsConverted').click();
    await app.getByTestId('teams-row-PAY-1').waitFor();
    expect(await textOf(app, 'teams-row-PAY-1')).toContain(TEXT.team);
    await expect(app.getByText(TEXT.teamTypeName).count()).resolves.toBeGreaterThan(0);

    // Hovering and clicking the rendered text does nothing either.
    await app.getByTestId('teams-row-PAY-1').hover();
    await app.getByTestId('teams-row-PAY-1').click();

    await page.screenshot({ path: path.join(ARTIFACTS, 'untrusted-text.png'), fullPage: true });
    await expectNothingExecuted(opened);
  }, 90_000);

  it('every report quotes the seeded workstream name literally and runs none of the seeded texts', async () => {
    const opened = await open();
    const { app } = opened;
    await app.getByTestId('tab-reports').click();
    await app.getByTestId('report-weekly').waitFor({ timeout: 30_000 });
    const weekly = await textOf(app, 'reports-panel');
    expect(weekly).toContain(TEXT.workstream);
    for (const kind of ['value', 'flow', 'forecast']) {
      await app.getByTestId(`report-tab-${kind}`).click();
      await app.getByTestId(`report-${kind}`).waitFor({ timeout: 30_000 });
    }
    await expectNothingExecuted(opened);
  }, 90_000);

  it('the settings page shows the settings labels as text and in fields, and runs none of them', async () => {
    const opened = await open(DEMO_USERS.admin, { path: '/jira/settings/apps/transformation-office', ready: 'settings-revision' });
    const values = await opened.app.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(values).toEqual(expect.arrayContaining([TEXT.settingsName, TEXT.teamTypeName]));
    await expectNothingExecuted(opened);
  }, 90_000);

  it('the limited user’s page (other projects, same seeded texts) runs nothing either', async () => {
    const opened = await open(DEMO_USERS.limited);
    for (const tab of ['tab-overview', 'tab-roadmap', 'tab-riskMatrix', 'tab-backlog', 'tab-teamsConverted']) {
      await opened.app.getByTestId(tab).click();
      await opened.page.waitForTimeout(200);
    }
    await expectNothingExecuted(opened);
  }, 60_000);

  it('serves the Custom UI with Forge’s default CSP: scripts only from the app itself, nothing inline, no eval', async () => {
    const response = await fetch(`${platform.host.url}/app/index.html`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name)?.slice(1) ?? null;
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(directive('default-src')).toEqual(["'self'"]);
    expect(directive('object-src')).toEqual(["'none'"]);
    // Where code or data could come from: the app itself only (no inline, no eval, no other origin, no data: URLs).
    for (const name of ['script-src', 'default-src', 'connect-src', 'frame-src', 'object-src']) {
      expect((directive(name) ?? []).filter((source) => /unsafe-|^\*$|^https?:|^\/\/|^data:|^blob:/.test(source))).toEqual([]);
    }
    // The served page: every script has a same-origin src, none has a body.
    const served = await response.text();
    const scripts = [...served.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/\bsrc="(\.\/|\/)[^"]+"/);
    }
  });

  it('the built index.html has no inline script or handler, and loads nothing from another origin', () => {
    const html = readFileSync(path.join(ROOT, 'static', 'build', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim()).toBe('');
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it('the manifest keeps the default CSP for scripts and asks for no egress or remote resources', () => {
    const manifest = parse(readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as { permissions?: { scopes?: string[]; content?: { scripts?: string[]; styles?: string[] }; external?: unknown } };
    expect(manifest.permissions?.content?.scripts ?? []).toEqual([]);
    expect(manifest.permissions?.content?.styles ?? []).toEqual(['unsafe-inline']);
    expect(manifest.permissions?.external).toBeUndefined();
    // write:jira-work serves the edits made as the viewer (src/jira/issueEdits.ts); nothing is written as the app.
    expect([...(manifest.permissions?.scopes ?? [])].sort()).toEqual(['read:jira-work', 'storage:app', 'write:jira-work']);
  });
});
