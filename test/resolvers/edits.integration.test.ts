import { DEMO_USERS } from '../../dev/demo/generate';
import type { LocalPlatform } from '../../dev/platform';
import type { SiteData, SiteIssue } from '../../dev/emulator/siteData';
import { EDIT_KEYS, type CreatedIssueDto, type EditCapabilitiesDto, type FieldChangeDto, type IssueEditFieldsDto, type ResolverResponse, type TransitionDoneDto, type TransitionsDto } from '../../src/contract';
import { GLOBAL_PAGE, startTestPlatform, testSite } from '../support/platform';

const DONE_STATUS = '10005';

/** Changes made from the app, as the viewer, through the local runtime and the emulator (issue 16). */
describe('edits from the app, written to Jira as the viewer', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let mitigationId: string;

  beforeAll(async () => {
    site = testSite();
    mitigationId = site.fields.find((f) => f.name === 'Mitigation')?.id ?? '';
    // Mitigation is kept off the edit screen, and Done asks for it on its transition screen.
    site.screens = { notOnEditScreen: [mitigationId], transitionScreens: [{ toStatusId: DONE_STATUS, requiredFieldIds: [mitigationId] }] };
    platform = await startTestPlatform(site);
  }, 60_000);
  afterAll(() => platform.close());

  const call = async <T>(key: string, payload: unknown, accountId: string = DEMO_USERS.teamMember) =>
    (await platform.runtime.invoke({ functionKey: key, payload, context: { ...GLOBAL_PAGE, accountId } })) as ResolverResponse<T>;
  const dataOf = <T>(response: ResolverResponse<T>): T => {
    if (!response.success) throw new Error(`${response.error.code}: ${response.error.message}`);
    return response.data;
  };
  const issue = (key: string) => site.issues.find((i) => i.key === key) as SiteIssue;
  const openIssueOf = (project: string) => {
    const found = site.issues.find((i) => i.projectKey === project && i.duedate !== null && ['10000', '10001'].includes(i.statusId));
    if (!found) throw new Error(`no open dated issue in ${project}`);
    return found;
  };

  it('changes a due date, and the change it answers undoes it', async () => {
    const target = openIssueOf('PAY');
    const before = target.duedate;
    const changes = target.changelog.length;
    const changed = dataOf(await call<FieldChangeDto>(EDIT_KEYS.change, { issueKey: target.key, concept: 'dueDate', value: '2027-01-15', expected: before }));
    expect(changed).toEqual({ issueKey: target.key, concept: 'dueDate', previous: before, current: '2027-01-15' });
    expect(issue(target.key).duedate).toBe('2027-01-15');
    expect(issue(target.key).changelog).toHaveLength(changes + 1);
    expect(issue(target.key).changelog.at(-1)?.authorAccountId).toBe(DEMO_USERS.teamMember);

    dataOf(await call<FieldChangeDto>(EDIT_KEYS.change, { issueKey: target.key, concept: 'dueDate', value: changed.previous, expected: changed.current }));
    expect(issue(target.key).duedate).toBe(before);
  });

  it('shows a change made in Jira meanwhile instead of overwriting it', async () => {
    const target = openIssueOf('PAY');
    platform.emulator.issues.update(target.key, { duedate: '2027-02-01' }, DEMO_USERS.admin);
    const changes = issue(target.key).changelog.length;
    const answer = await call<FieldChangeDto>(EDIT_KEYS.change, { issueKey: target.key, concept: 'dueDate', value: '2027-03-01', expected: '2026-01-01' });
    expect(answer).toEqual({ success: false, error: { code: 'CONFLICT', message: `${target.key} changed in Jira since this page read it: it now holds "2027-02-01". Nothing was written; check the new value and try again.` } });
    expect(issue(target.key).duedate).toBe('2027-02-01');
    expect(issue(target.key).changelog).toHaveLength(changes);
  });

  it("refuses, without writing, where Jira would: a project the viewer only reads, and a field off the edit screen", async () => {
    const dto = openIssueOf('DTO');
    expect(await call(EDIT_KEYS.change, { issueKey: dto.key, concept: 'dueDate', value: '2027-01-15', expected: dto.duedate })).toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: `You may not edit ${dto.key} in Jira.` },
    });
    expect(issue(dto.key).duedate).toBe(dto.duedate);
    const pay = openIssueOf('PAY');
    expect(await call(EDIT_KEYS.change, { issueKey: pay.key, concept: 'mitigation', value: 'Pair with the platform team', expected: null })).toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: `Mitigation is not on ${pay.key}'s edit screen in Jira, so it is shown read-only.` },
    });
  });

  it('refuses a value of the wrong kind with the kind the field takes', async () => {
    const pay = openIssueOf('PAY');
    expect(await call(EDIT_KEYS.change, { issueKey: pay.key, concept: 'dueDate', value: 'next Friday', expected: pay.duedate })).toEqual({ success: false, error: { code: 'BAD_REQUEST', message: 'Due date takes a date like 2026-03-31.' } });
  });

  it('lists the transitions Jira offers and moves the issue, refusing a stale status and a transition that needs a screen', async () => {
    const pay = openIssueOf('PAY');
    const offered = dataOf(await call<TransitionsDto>(EDIT_KEYS.transitions, { issueKey: pay.key }));
    expect(offered.status).toBe(site.statuses.find((s) => s.id === pay.statusId)?.name);
    const inProgress = offered.transitions.find((t) => t.toStatus === 'In Progress');
    const done = offered.transitions.find((t) => t.toStatus === 'Done');
    expect(done?.requiredFields).toEqual([{ id: mitigationId, name: 'Mitigation' }]);

    expect(await call(EDIT_KEYS.transition, { issueKey: pay.key, transitionId: done?.id, expectedStatus: offered.status })).toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: '"Done" asks for Mitigation in Jira; make that transition in Jira itself.' },
    });
    expect(await call(EDIT_KEYS.transition, { issueKey: pay.key, transitionId: inProgress?.id, expectedStatus: 'Blocked' })).toMatchObject({ success: false, error: { code: 'CONFLICT' } });
    const moved = dataOf(await call<TransitionDoneDto>(EDIT_KEYS.transition, { issueKey: pay.key, transitionId: inProgress?.id, expectedStatus: offered.status }));
    expect(moved).toEqual({ issueKey: pay.key, previousStatus: offered.status, status: 'In Progress' });
    expect(issue(pay.key).statusId).toBe('3');
  });

  it('offers a user who only reads the project no transitions, and refuses one', async () => {
    const pay = openIssueOf('PAY');
    const offered = dataOf(await call<TransitionsDto>(EDIT_KEYS.transitions, { issueKey: pay.key }, DEMO_USERS.limited));
    expect(offered.transitions).toEqual([]);
    expect(await call(EDIT_KEYS.transition, { issueKey: pay.key, transitionId: '11', expectedStatus: offered.status }, DEMO_USERS.limited)).toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: `You may not change the status of ${pay.key} in Jira.` },
    });
  });

  it('tells each viewer where they may edit, transition and create, from one bulk permission check', async () => {
    const allKeys = site.projects.map((p) => p.key).sort();
    const checks = () => platform.emulator.stats().requests;
    const before = checks();
    expect(dataOf(await call<EditCapabilitiesDto>(EDIT_KEYS.capabilities, {}, DEMO_USERS.admin))).toEqual({ edit: allKeys, transition: allKeys, create: allKeys });
    expect(checks() - before).toBeLessThanOrEqual(2);
    expect(dataOf(await call<EditCapabilitiesDto>(EDIT_KEYS.capabilities, {}))).toEqual({ edit: ['PAY'], transition: ['PAY'], create: ['PAY'] });
    expect(dataOf(await call<EditCapabilitiesDto>(EDIT_KEYS.capabilities, {}, DEMO_USERS.limited))).toEqual({ edit: ['DIGI'], transition: ['DIGI'], create: ['DIGI'] });
    expect(await call(EDIT_KEYS.capabilities, { edit: ['DTO'] })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
  });

  it("shows a field off the issue's edit screen read-only with the reason, and every field read-only where the viewer only reads", async () => {
    const pay = openIssueOf('PAY');
    const fields = dataOf(await call<IssueEditFieldsDto>(EDIT_KEYS.fields, { issueKey: pay.key })).fields;
    expect(fields.find((f) => f.concept === 'dueDate')).toEqual({ concept: 'dueDate', editable: true, reason: null, current: issue(pay.key).duedate, options: null });
    expect(fields.find((f) => f.concept === 'mitigation')).toMatchObject({ editable: false, reason: `Mitigation is not on ${pay.key}'s edit screen in Jira.` });
    expect(fields.find((f) => f.concept === 'conversionStage')?.options).toEqual(expect.arrayContaining(['Piloting', 'Converted']));
    const dto = openIssueOf('DTO');
    const readOnly = dataOf(await call<IssueEditFieldsDto>(EDIT_KEYS.fields, { issueKey: dto.key })).fields;
    expect(readOnly.every((f) => !f.editable && f.reason === `You may not edit ${dto.key} in Jira.`)).toBe(true);
  });

  it('creates a risk and a milestone under a box, in its project, as the viewer; undo deletes only their own untouched issue', async () => {
    const fieldOf = (name: string) => site.fields.find((f) => f.name === name)?.id ?? '';
    const risk = dataOf(await call<CreatedIssueDto>(EDIT_KEYS.create, { kind: 'risk', boxKey: 'PAY-1', summary: '  Vendor API sunset  ', likelihood: 'Likely', impact: 'Major' }));
    expect(risk).toMatchObject({ kind: 'risk', boxKey: 'PAY-1', summary: 'Vendor API sunset' });
    expect(risk.key).toMatch(/^PAY-\d+$/);
    const created = issue(risk.key);
    expect(created).toMatchObject({ parentKey: 'PAY-1', reporterAccountId: DEMO_USERS.teamMember, summary: 'Vendor API sunset' });
    expect(site.issueTypes.find((t) => t.id === created.issueTypeId)?.name).toBe('Risk');
    expect(created.customFields[fieldOf('Risk likelihood')]).toMatchObject({ value: 'Likely' });
    expect(created.customFields[fieldOf('Risk impact')]).toMatchObject({ value: 'Major' });

    const milestone = dataOf(await call<CreatedIssueDto>(EDIT_KEYS.create, { kind: 'milestone', boxKey: 'PAY-1', summary: 'Pilot go-live', dueDate: '2027-02-15' }));
    expect(issue(milestone.key)).toMatchObject({ parentKey: 'PAY-1', duedate: '2027-02-15' });

    // Someone else's issue, or one changed since, is not deleted.
    expect(await call(EDIT_KEYS.uncreate, { issueKey: risk.key }, DEMO_USERS.admin)).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    platform.emulator.issues.update(milestone.key, { summary: 'Pilot go-live (moved)' }, DEMO_USERS.teamMember);
    expect(await call(EDIT_KEYS.uncreate, { issueKey: milestone.key })).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    expect(site.issues.some((i) => i.key === milestone.key)).toBe(true);
    expect(dataOf(await call(EDIT_KEYS.uncreate, { issueKey: risk.key }))).toEqual({ issueKey: risk.key });
    expect(site.issues.some((i) => i.key === risk.key)).toBe(false);
  });

  it('refuses a creation where Jira offers the viewer no such issue type, and a payload without a summary', async () => {
    const count = site.issues.length;
    expect(await call(EDIT_KEYS.create, { kind: 'actionItem', boxKey: 'DTO-1', summary: 'Chase the steering committee' })).toEqual({
      success: false,
      error: { code: 'FORBIDDEN', message: 'Jira does not let you create a Task in DTO.' },
    });
    expect(await call(EDIT_KEYS.create, { kind: 'risk', boxKey: 'PAY-1', summary: '   ' })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
    expect(site.issues.length).toBe(count);
  });
});
