import path from 'node:path';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData, SiteIssue } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { EDIT_KEYS, type ResolverResponse } from '../../src/contract';
import { DEFAULT_CONFIG, formatPercent, resolveScope, riskMatrix, roadmap, scheduleCounts, scopeSummary } from '../../src/domain';
import { dayNumber, isoOf } from '../../static/src/components/roadmap/timeScale';
import { LEFT_WIDTH } from '../../static/src/components/roadmap/constants';
import { ARTIFACTS, launchChromium, openAppPage, type AppPage } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { startTestPlatform, testSite } from '../support/platform';

/**
 * Edits from the pages (issue 16) in headless Chromium, through the page host, the real bridge and resolvers, written
 * to the emulator as the viewer. The pages read Jira live here (no snapshot is built), so a figure follows at once.
 */
const DONE_STATUS = '10005';
const LIKELIHOODS = DEFAULT_CONFIG.riskScale.likelihoodLabels;

describe('edits from the pages in a browser', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let browser: Browser;

  beforeAll(async () => {
    site = testSite();
    // Residual impact is kept off the edit screen; Done asks for the mitigation on its transition screen.
    site.screens = { notOnEditScreen: [fieldId('Residual impact')], transitionScreens: [{ toStatusId: DONE_STATUS, requiredFieldIds: [fieldId('Mitigation')] }] };
    [platform, browser] = await Promise.all([startTestPlatform(site), launchChromium()]);
  }, 60_000);
  // Each test's page goes with it, so no read of a page is still on its way when the platform stops.
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await platform.runtime.idle();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function open(pathname: string, accountId: string): Promise<AppPage> {
    // A step that cannot happen fails within the test's own time, naming the step.
    const opened = await openAppPage(browser, platform.host.url, pathname, { accountId, defaultTimeoutMs: 12_000 });
    contexts.push(opened.context);
    return opened;
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

  /** Waits until the app's element with this test id has this attribute value. */
  const waitForAttribute = async (page: Page, testId: string, name: string, value: string) => {
    const frame = await appFrame(page);
    await frame.waitForFunction(({ id, attribute, wanted }) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(attribute) === wanted, { id: testId, attribute: name, wanted: value }, { timeout: 15_000 });
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

    // A forged transition and a forged creation there are refused as well, and nothing is written.
    const forged = (functionKey: string, payload: unknown) =>
      frame.evaluate(
        async (body) => (globalThis as unknown as { __bridge: { callBridge: (name: string, b: unknown) => Promise<unknown> } }).__bridge.callBridge('invoke', body),
        { functionKey, payload },
      ) as Promise<ResolverResponse<unknown>>;
    const status = site.statuses.find((st) => st.id === issue(readOnlyTeam.key).statusId)?.name;
    await expect(forged(EDIT_KEYS.transition, { issueKey: readOnlyTeam.key, transitionId: '11', expectedStatus: status })).resolves.toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: `You may not change the status of ${readOnlyTeam.key} in Jira.` },
    });
    const count = site.issues.length;
    await expect(forged(EDIT_KEYS.create, { kind: 'risk', boxKey: readOnlyTeam.key, summary: 'Forged' })).resolves.toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: 'Jira does not let you create a Risk in PAY.' },
    });
    expect(site.issues.length).toBe(count);
    expect(issue(readOnlyTeam.key).statusId).toBe(site.statuses.find((st) => st.name === status)?.id);
    expect(errors).toEqual([]);
  });

  const statusName = (key: string) => site.statuses.find((s) => s.id === issue(key).statusId)?.name;
  /** An open, scored risk in a project the admin edits, and the matrix cell it sits in. */
  const openRisk = () => {
    const model = expectedModel(site, DEMO_USERS.admin);
    const matrix = riskMatrix(model, DEFAULT_CONFIG, resolveScope(model, null));
    const cell = matrix.cells.find((c) => c.riskKeys.length > 0 && c.likelihood < 5);
    const key = cell?.riskKeys[0];
    if (!cell || !key) throw new Error('no open scored risk');
    return { key, cell };
  };
  const cellCount = (likelihood: number, impact: number) => {
    const model = expectedModel(site, DEMO_USERS.admin);
    return riskMatrix(model, DEFAULT_CONFIG, resolveScope(model, null)).cells.find((c) => c.likelihood === likelihood && c.impact === impact)?.riskKeys.length ?? 0;
  };

  it('an editor re-scores a risk and records its mitigation in the side panel; the matrix moves; a field off the edit screen is read-only', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const { key, cell } = openRisk();
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId(`risk-cell-${cell.likelihood}-${cell.impact}`).click();
    await app.getByTestId(`risk-edit-${key}`).click();
    const panel = app.getByTestId('issue-edit-panel');
    await panel.getByTestId('edit-field-riskLikelihood').waitFor();
    await expect(panel.getByTestId('edit-field-riskLikelihood').getAttribute('data-value')).resolves.toBe(LIKELIHOODS[cell.likelihood - 1]);
    await expect(panel.getByTestId('edit-field-residualImpact-reason').textContent()).resolves.toBe(`Read-only: Residual impact is not on ${key}'s edit screen in Jira.`);
    await expect(panel.locator('#edit-field-residualImpact-input').count()).resolves.toBe(0);

    const higher = LIKELIHOODS[cell.likelihood] as string;
    const targetBefore = cellCount(cell.likelihood + 1, cell.impact);
    await choose(app, 'edit-field-riskLikelihood-input', higher);
    await panel.locator('#edit-field-mitigation-input').fill('Second supplier under contract');
    await app.getByTestId('issue-edit-save').click();
    await waitForText(page, 'edit-notice-text', new RegExp(`^${key}: Likelihood, Mitigation changed`));
    expect(optionOf(key, 'Risk likelihood')).toBe(higher);
    expect(JSON.stringify(issue(key).customFields[fieldId('Mitigation')])).toContain('Second supplier under contract');
    // The matrix is read again: the risk's new cell counts it.
    expect(cellCount(cell.likelihood + 1, cell.impact)).toBe(targetBefore + 1);
    await waitForText(page, `risk-cell-${cell.likelihood + 1}-${cell.impact}`, new RegExp(`\\b${targetBefore + 1}\\b`));
    await shot(page, 'edit-risk-panel');

    await app.getByTestId('edit-undo').click();
    await waitForText(page, 'edit-notice-text', /^Undone/);
    expect(optionOf(key, 'Risk likelihood')).toBe(LIKELIHOODS[cell.likelihood - 1]);
    expect(errors).toEqual([]);
  });

  it('a change Jira got meanwhile is shown, not overwritten', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const { key, cell } = openRisk();
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId(`risk-cell-${cell.likelihood}-${cell.impact}`).click();
    await app.getByTestId(`risk-edit-${key}`).click();
    await app.getByTestId('edit-field-riskImpact').waitFor();
    // Someone changes the impact in Jira after the panel read it.
    const theirs = DEFAULT_CONFIG.riskScale.impactLabels[cell.impact === 1 ? 1 : 0] as string;
    platform.emulator.issues.update(key, { [fieldId('Risk impact')]: { value: theirs } }, DEMO_USERS.admin);
    const changes = issue(key).changelog.length;
    await choose(app, 'edit-field-riskImpact-input', 'Severe');
    await app.getByTestId('issue-edit-save').click();
    await waitForText(page, 'edit-notice-text', new RegExp(`now holds "${theirs}"`));
    await expect(app.getByTestId('edit-notice').getAttribute('data-kind')).resolves.toBe('conflict');
    expect(optionOf(key, 'Risk impact')).toBe(theirs);
    expect(issue(key).changelog).toHaveLength(changes);
    // The panel reads Jira again and shows their value.
    await waitForAttribute(page, 'edit-field-riskImpact', 'data-value', theirs);
    expect(errors).toEqual([]);
  });

  it('an editor moves a risk through a Jira transition by keyboard, sees one with a required screen refused by name, flags it, and undoes the move', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const { key, cell } = openRisk();
    const from = statusName(key);
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId(`risk-cell-${cell.likelihood}-${cell.impact}`).click();
    await app.getByTestId(`risk-edit-${key}`).focus();
    await page.keyboard.press('Enter');
    await app.getByTestId('transition-menu--trigger').waitFor();
    await app.getByTestId('transition-menu--trigger').focus();
    await page.keyboard.press('Enter');
    await expect(app.getByTestId('transition-Done').isDisabled()).resolves.toBe(true);
    await expect(app.getByTestId('transition-Done').textContent()).resolves.toContain('Asks for Mitigation');
    const target = from === 'In Progress' ? 'Blocked' : 'In Progress';
    await app.getByTestId(`transition-${target}`).focus();
    await page.keyboard.press('Enter');
    await waitForText(page, 'edit-notice-text', new RegExp(`moved from “${from}” to “${target}”`));
    expect(statusName(key)).toBe(target);
    await waitForText(page, 'transition-status', new RegExp(`Status: ${target}`));

    await app.getByTestId('edit-undo').click();
    await waitForText(page, 'edit-notice-text', /^Undone/);
    expect(statusName(key)).toBe(from);

    await app.getByTestId('edit-field-flagged--hidden-checkbox').check();
    await app.getByTestId('issue-edit-save').click();
    await waitForText(page, 'edit-notice-text', new RegExp(`^${key}: Flagged changed`));
    expect(issue(key).customFields[fieldId('Flagged')]).toEqual([expect.objectContaining({ value: 'Impediment' })]);
    expect(errors).toEqual([]);
  });

  const startOf = (key: string) => (issue(key).customFields[fieldId('Start date')] as string | null) ?? null;
  const lateCount = () => {
    const model = expectedModel(site, DEMO_USERS.admin);
    return scheduleCounts(model, resolveScope(model, null), new Date().toISOString().slice(0, 10)).late;
  };
  const bar = (app: FrameLocator, id: string) => app.getByTestId(`roadmap-bar-${id}`);

  it('an editor drags a box’s due date across today with the mouse: Jira holds it and the Late figure moves', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const key = 'DTO-1';
    const [start, due] = [startOf(key), issue(key).duedate];
    if (!start || !due) throw new Error(`${key} has no dates`);
    const lateBefore = lateCount();
    await expect(app.getByTestId('top-late').textContent()).resolves.toBe(String(lateBefore));
    await app.getByTestId('tab-roadmap').click();
    await bar(app, key).waitFor();

    // The due end goes to ten days after today (a late box comes back on track), or the bar to before today.
    const today = dayNumber(new Date().toISOString().slice(0, 10)) as number;
    const late = (dayNumber(due) as number) < today;
    const days = late ? today + 10 - (dayNumber(due) as number) : today - 10 - (dayNumber(due) as number);
    const grip = late ? app.getByTestId(`roadmap-bar-due-${key}`) : bar(app, key);
    // The roadmap opens where the bars begin: put the grip and where it goes either side of the timeline's middle.
    await grip.evaluate(
      (el, { shift, pinned }) =>
        new Promise<void>((resolve) => {
          const scroller = el.closest('[data-testid="roadmap-scroller"]') as HTMLElement;
          const s = scroller.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          scroller.scrollLeft += r.left + r.width / 2 + shift / 2 - (s.left + pinned + (s.width - pinned) / 2);
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        }),
      { shift: days * 4, pinned: LEFT_WIDTH },
    );
    const box = await grip.boundingBox();
    if (!box) throw new Error('the bar is not on screen');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    // Month zoom: 4 px a day.
    await page.mouse.move(x + (days * 4) / 2, y, { steps: 4 });
    await page.mouse.move(x + days * 4, y, { steps: 4 });
    await page.mouse.up();

    const expected = late ? { start, due: isoOf(today + 10) } : { start: isoOf((dayNumber(start) as number) + days), due: isoOf(today - 10) };
    await waitForText(page, 'edit-notice-text', new RegExp(`^${key}: `));
    expect({ start: startOf(key), due: issue(key).duedate }).toEqual(expected);
    expect(issue(key).changelog.at(-1)?.authorAccountId).toBe(DEMO_USERS.admin);
    const lateAfter = lateCount();
    expect(lateAfter).toBe(late ? lateBefore - 1 : lateBefore + 1);
    await waitForText(page, 'top-late', new RegExp(`^${lateAfter}$`));
    await expect(bar(app, key).getAttribute('data-due')).resolves.toBe(expected.due);
    await shot(page, 'edit-roadmap-drag');

    await app.getByTestId('edit-undo').click();
    await waitForText(page, 'edit-notice-text', /^Undone/);
    expect({ start: startOf(key), due: issue(key).duedate }).toEqual({ start, due });
    await waitForText(page, 'top-late', new RegExp(`^${lateBefore}$`));
    expect(errors).toEqual([]);
  });

  it('an editor moves a bar by keyboard: arrows preview, Escape cancels, Shift+arrows a week and Enter saves in Jira', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const key = 'PAY-1';
    const [start, due] = [startOf(key), issue(key).duedate];
    if (!start || !due) throw new Error(`${key} has no dates`);
    const changes = issue(key).changelog.length;
    await app.getByTestId('tab-roadmap').click();
    // The row's key and type, not its name: the name is a link that opens the box's own page.
    await app.getByTestId(`roadmap-row-${key}`).locator('.roadmap-meta').click();
    // From the row: its Edit button, then its bar.
    await page.keyboard.press('Tab');
    await expect(app.getByTestId(`roadmap-edit-${key}`).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await expect(bar(app, key).evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press('ArrowRight');
    await expect(bar(app, key).getAttribute('data-start')).resolves.toBe(isoOf((dayNumber(start) as number) + 1));
    await page.keyboard.press('Escape');
    await expect(bar(app, key).getAttribute('data-start')).resolves.toBe(start);
    expect(issue(key).changelog).toHaveLength(changes);

    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(app.getByTestId(`roadmap-draft-${key}`).textContent()).resolves.toContain('Enter saves');
    await page.keyboard.press('Enter');
    await waitForText(page, 'edit-notice-text', new RegExp(`^${key}: start ${start} → `));
    const saved = { start: isoOf((dayNumber(start) as number) + 14), due: isoOf((dayNumber(due) as number) + 13) };
    expect({ start: startOf(key), due: issue(key).duedate }).toEqual(saved);
    expect(issue(key).changelog.length).toBeGreaterThan(changes);
    await waitForAttribute(page, `roadmap-bar-${key}`, 'data-due', saved.due);

    // The row's side panel, by keyboard: the dates Jira holds now, and its status menu.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await app.getByTestId('issue-edit-panel').waitFor();
    await expect(app.locator('#edit-field-startDate-input').inputValue()).resolves.toBe(saved.start);
    await app.getByTestId('transition-menu--trigger').waitFor();
    await page.keyboard.press('Escape');
    await app.getByTestId('issue-edit-panel').waitFor({ state: 'detached' });
    // Focus is back on the row's Edit button.
    await expect(app.getByTestId(`roadmap-edit-${key}`).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('a user who only reads a project gets no draggable bar, Edit button or risk Edit there, while their own project’s bars move', async () => {
    const { app, errors } = await open('/', DEMO_USERS.teamMember);
    await app.getByTestId('tab-roadmap').click();
    await bar(app, 'DTO-1').waitFor();
    // DTO is read-only for the team member: a picture of the dates, not a control.
    await expect(bar(app, 'DTO-1').getAttribute('role')).resolves.toBe('img');
    await expect(app.getByTestId('roadmap-bar-due-DTO-1').count()).resolves.toBe(0);
    await expect(app.getByTestId('roadmap-edit-DTO-1').count()).resolves.toBe(0);
    const dtoMilestone = site.issues.find((i) => i.projectKey === 'DTO' && i.parentKey === 'DTO-1' && i.duedate !== null && site.issueTypes.find((t) => t.id === i.issueTypeId)?.name === 'Milestone');
    if (!dtoMilestone) throw new Error('no dated milestone on DTO-1');
    await expect(app.getByTestId(`roadmap-milestone-${dtoMilestone.key}`).getAttribute('role')).resolves.toBe('img');
    await expect(bar(app, 'PAY-1').getAttribute('role')).resolves.toBe('button');
    await app.getByTestId('roadmap-edit-PAY-1').waitFor();

    // The risks on DTO's boxes are listed without an Edit button.
    const model = expectedModel(site, DEMO_USERS.teamMember);
    const matrix = riskMatrix(model, DEFAULT_CONFIG, resolveScope(model, null));
    const cell = matrix.cells.find((c) => c.riskKeys.some((k) => k.startsWith('DTO-')));
    const dtoRisk = cell?.riskKeys.find((k) => k.startsWith('DTO-'));
    if (!cell || !dtoRisk) throw new Error('no DTO risk for the team member');
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId(`risk-cell-${cell.likelihood}-${cell.impact}`).click();
    await app.getByTestId(`risk-row-${dtoRisk}`).waitFor();
    await expect(app.getByTestId(`risk-edit-${dtoRisk}`).count()).resolves.toBe(0);
    await expect(app.getByTestId(`risk-drag-${dtoRisk}`).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('a team member raises a risk under their team from the risk matrix: Jira holds it under the box, the matrix counts it, Undo deletes it', async () => {
    const { page, app, errors } = await open('/jira/projects/PAY/apps/transformation-office', DEMO_USERS.teamMember);
    const before = site.issues.length;
    const cellBefore = (() => {
      const model = expectedModel(site, DEMO_USERS.teamMember);
      return riskMatrix(model, DEFAULT_CONFIG, resolveScope(model, 'PAY')).cells.find((c) => c.likelihood === 4 && c.impact === 4)?.riskKeys.length ?? 0;
    })();
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId('risk-create').click();
    await app.getByTestId('create-issue-panel').waitFor();
    await choose(app, 'create-box-input', 'Instant Payments');
    await app.locator('#create-summary-input').fill('Card scheme mandates a new message format');
    await choose(app, 'create-likelihood-input', 'Likely');
    await choose(app, 'create-impact-input', 'Major');
    await app.getByTestId('create-issue-save').click();
    await waitForText(page, 'edit-notice-text', /created: Risk “Card scheme mandates a new message format” under PAY-1/);

    const created = site.issues.find((i) => i.summary === 'Card scheme mandates a new message format') as SiteIssue;
    expect(created).toMatchObject({ projectKey: 'PAY', parentKey: 'PAY-1', reporterAccountId: DEMO_USERS.teamMember });
    expect(optionOf(created.key, 'Risk likelihood')).toBe('Likely');
    await waitForText(page, 'risk-cell-4-4', new RegExp(`\\b${cellBefore + 1}\\b`));
    await shot(page, 'edit-create-risk');

    await app.getByTestId('edit-undo').click();
    await waitForText(page, 'edit-notice-text', new RegExp(`^Undone: ${created.key} was deleted`));
    expect(site.issues.length).toBe(before);
    await waitForText(page, 'risk-cell-4-4', new RegExp(`\\b${cellBefore}\\b`));
    expect(errors).toEqual([]);
  });

  it('creating offers only boxes of projects where Jira lets the viewer create: none of the DTO boxes a team member reads', async () => {
    const { app, errors } = await open('/jira/projects/DTO/apps/transformation-office', DEMO_USERS.teamMember);
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId('risk-matrix').waitFor();
    // The team member may create in PAY only: the DTO page's boxes below are offered, DTO's own are not.
    await app.getByTestId('risk-create').click();
    await app.locator('#create-box-input').click();
    const offered = await app.getByRole('option').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((o) => !/\(PAY-\d+\)$/.test(o))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an editor drags a risk from its cell’s list onto another cell: Jira holds the new ratings and the cells’ counts move', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const { key, cell } = openRisk();
    const to = { likelihood: cell.likelihood === 5 ? 1 : 5, impact: cell.impact === 5 ? 1 : 5 };
    const [fromBefore, toBefore] = [cellCount(cell.likelihood, cell.impact), cellCount(to.likelihood, to.impact)];
    await app.getByTestId('tab-riskMatrix').click();
    await app.getByTestId(`risk-cell-${cell.likelihood}-${cell.impact}`).click();
    await app.getByTestId(`risk-drag-${key}`).dragTo(app.getByTestId(`risk-cell-${to.likelihood}-${to.impact}`));
    await waitForText(page, 'edit-notice-text', new RegExp(`^${key} moved to ${LIKELIHOODS[to.likelihood - 1]} × `));
    expect(optionOf(key, 'Risk likelihood')).toBe(LIKELIHOODS[to.likelihood - 1]);
    expect(optionOf(key, 'Risk impact')).toBe(DEFAULT_CONFIG.riskScale.impactLabels[to.impact - 1]);
    expect([cellCount(cell.likelihood, cell.impact), cellCount(to.likelihood, to.impact)]).toEqual([fromBefore - 1, toBefore + 1]);
    await waitForText(page, `risk-cell-${to.likelihood}-${to.impact}`, new RegExp(`^${toBefore + 1}$`));
    await waitForText(page, `risk-cell-${cell.likelihood}-${cell.impact}`, new RegExp(`^${fromBefore - 1}$`));
    expect(errors).toEqual([]);
  });

  it('a write Jira fails says what happened, writes nothing, and the page keeps showing what Jira holds', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const team = site.issues.find((i) => optionOf(i.key, 'Conversion stage') === 'Piloting') as SiteIssue;
    const changes = issue(team.key).changelog.length;
    platform.emulator.faults.add({ method: 'PUT', pathPrefix: `/rest/api/3/issue/${team.key}`, status: 503, times: 1 });
    await app.getByTestId('tab-teamsConverted').click();
    await choose(app, `team-stage-input-${team.key}`, 'Sustaining');
    await waitForText(page, 'edit-notice-text', /not saved\. Jira is busy or unavailable \(503\)/);
    await expect(app.getByTestId('edit-notice').getAttribute('data-kind')).resolves.toBe('failed');
    await expect(app.getByTestId('edit-undo').count()).resolves.toBe(0);
    expect(optionOf(team.key, 'Conversion stage')).toBe('Piloting');
    expect(issue(team.key).changelog).toHaveLength(changes);
    await waitForAttribute(page, `team-stage-${team.key}`, 'data-value', 'Piloting');
    expect(errors).toEqual([]);
  });

  it('an editor moves a milestone a week later with the mouse and back by keyboard', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    const model = expectedModel(site, DEMO_USERS.admin);
    const plan = roadmap(model, DEFAULT_CONFIG, resolveScope(model, null), new Date().toISOString().slice(0, 10));
    const firstRows = new Set(plan.rows.slice(0, 10).map((r) => r.id));
    const milestone = plan.milestones.find((m) => m.due !== null && firstRows.has(m.rowId));
    if (!milestone?.due) throw new Error('no dated milestone on the first rows');
    const due = milestone.due;
    await app.getByTestId('tab-roadmap').click();
    const diamond = app.getByTestId(`roadmap-milestone-${milestone.key}`);
    await diamond.waitFor();
    await diamond.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
    const box = await diamond.boundingBox();
    if (!box) throw new Error('the milestone is not on screen');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    // Month zoom: 4 px a day.
    await page.mouse.move(x + 28, y, { steps: 4 });
    await page.mouse.up();
    const later = isoOf((dayNumber(due) as number) + 7);
    await waitForText(page, 'edit-notice-text', new RegExp(`^${milestone.key}: due ${due} → ${later}`));
    expect(issue(milestone.key).duedate).toBe(later);
    await waitForAttribute(page, `roadmap-milestone-${milestone.key}`, 'data-due', later);

    // Still focused from the drag: a week back by keyboard, saved with Enter.
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(diamond.getAttribute('data-due')).resolves.toBe(due);
    await page.keyboard.press('Enter');
    await waitForText(page, 'edit-notice-text', new RegExp(`^${milestone.key}: due ${later} → ${due}`));
    expect(issue(milestone.key).duedate).toBe(due);
    expect(errors).toEqual([]);
  });

  it('an editor raises a risk under a workstream from the weekly report, which lists it as new once read again', async () => {
    const { page, app, errors } = await open('/', DEMO_USERS.admin);
    await app.getByTestId('tab-reports').click();
    await app.getByTestId('report-weekly-ws-DTO-1').waitFor({ timeout: 30_000 });
    await app.getByTestId('report-weekly-create-DTO-1').click();
    await app.getByTestId('create-issue-panel').waitFor();
    await app.locator('#create-summary-input').fill('Steering committee quorum at risk');
    await choose(app, 'create-likelihood-input', 'Possible');
    await choose(app, 'create-impact-input', 'Severe');
    await app.getByTestId('create-issue-save').click();
    await waitForText(page, 'edit-notice-text', /created: Risk “Steering committee quorum at risk” under DTO-1/);
    const created = site.issues.find((i) => i.summary === 'Steering committee quorum at risk') as SiteIssue;
    expect(created).toMatchObject({ projectKey: 'DTO', parentKey: 'DTO-1', reporterAccountId: DEMO_USERS.admin });
    expect(optionOf(created.key, 'Risk impact')).toBe('Severe');
    await waitForText(page, 'report-weekly-ws-DTO-1', new RegExp(`${created.key} Steering committee quorum at risk`));
    expect(errors).toEqual([]);
  });

  it('dark theme: the side panel and the message after a change use the theme’s dark surfaces', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    context.setDefaultTimeout(12_000);
    await context.addCookies([
      { name: 'to_user', value: DEMO_USERS.admin, url: platform.host.url },
      { name: 'to_theme', value: 'dark', url: platform.host.url },
    ]);
    const page = await context.newPage();
    await page.goto(`${platform.host.url}/`);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId('top-progress').waitFor({ timeout: 30_000 });
    await app.getByTestId('tab-roadmap').click();
    await app.getByTestId('roadmap-edit-PAY-1').click();
    const panel = app.getByTestId('issue-edit-panel');
    await panel.getByTestId('edit-field-flagged--hidden-checkbox').check();
    await app.getByTestId('issue-edit-save').click();
    await app.getByTestId('edit-notice').waitFor();
    const darkness = (el: Element) => (getComputedStyle(el).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    await expect(panel.evaluate(darkness)).resolves.toBeLessThan(200);
    await expect(app.getByTestId('edit-notice').evaluate(darkness)).resolves.toBeLessThan(200);
    await shot(page, 'edit-dark-theme');
    await app.getByTestId('edit-undo').click();
    await waitForText(page, 'edit-notice-text', /^Undone/);
  });
});
