import { startTestEmulator, type ErrorBody, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, generateUser, USERS } from './fixtureSite';
import { loadOpenApiContract, type OpenApiContract } from './openApi';

/** Browses ALPHA and BETA, may change issues in ALPHA only. */
const erin = generateUser({ accountId: 'erin', displayName: 'Erin Viewer', browseProjects: ['ALPHA', 'BETA'], workProjects: ['ALPHA'] });
const TARGET_DATE = 'customfield_10040';
const STAGE = 'customfield_10020';

interface Transition {
  id: string;
  name: string;
  to: { id: string; name: string };
  hasScreen: boolean;
  fields?: Record<string, { required: boolean; name: string }>;
}

describe('Jira emulator: transitions, edit and create metadata, and who may change what', () => {
  let t: TestEmulator;
  let contract: OpenApiContract;
  const events: Array<{ eventType: string; issue: { key: string } }> = [];

  beforeAll(async () => {
    contract = loadOpenApiContract();
    const site = buildFixtureSite({
      // Done shows a screen that requires the conversion stage; the target date is not on the edit screen.
      screens: { notOnEditScreen: [TARGET_DATE], transitionScreens: [{ toStatusId: '10001', requiredFieldIds: [STAGE] }] },
    });
    site.users.push(erin);
    t = await startTestEmulator({ site });
    t.emulator.onIssueEvent((event) => events.push(event));
  });
  afterAll(() => t.emulator.close());

  const valid = (path: string, method: string, status: number, body: unknown) => contract.expectValid(contract.responseValidator(path, method, status), body, `${method} ${path}`);
  const transitions = async (user: typeof erin, key: string, expand = '') => {
    const res = await t.call(user, `/rest/api/3/issue/${key}/transitions${expand ? `?expand=${expand}` : ''}`);
    expect(res.status).toBe(200);
    valid('/rest/api/3/issue/{issueIdOrKey}/transitions', 'get', 200, res.json());
    return res.json<{ transitions: Transition[] }>().transitions;
  };
  const transition = (user: typeof erin, key: string, body: unknown) => t.call(user, `/rest/api/3/issue/${key}/transitions`, { method: 'POST', body });
  const statusOf = async (key: string) => (await t.call(USERS.alice, `/rest/api/3/issue/${key}?fields=status`)).json<{ fields: { status: { name: string } } }>().fields.status.name;

  it('lists the transitions out of the current status, with the screen fields when asked', async () => {
    const listed = await transitions(USERS.alice, 'ALPHA-3', 'transitions.fields');
    expect(listed.map((tr) => tr.to.name)).toEqual(['In Progress', 'Done']);
    expect(listed.find((tr) => tr.to.name === 'Done')).toMatchObject({ hasScreen: true, fields: { [STAGE]: { required: true, name: 'Conversion stage' } } });
    expect(listed.find((tr) => tr.to.name === 'In Progress')).toMatchObject({ hasScreen: false, fields: {} });
  });

  it('moves an issue through a transition, with a changelog entry and an issue event', async () => {
    const start = (await transitions(USERS.alice, 'ALPHA-3')).find((tr) => tr.to.name === 'In Progress');
    const res = await transition(erin, 'ALPHA-3', { transition: { id: start?.id } });
    expect(res.status).toBe(204);
    expect(await statusOf('ALPHA-3')).toBe('In Progress');
    expect(events.at(-1)).toMatchObject({ eventType: 'avi:jira:updated:issue', issue: { key: 'ALPHA-3' } });
  });

  it("refuses a transition whose screen's required field is missing, naming it, and takes it with the field", async () => {
    const done = (await transitions(USERS.alice, 'ALPHA-3')).find((tr) => tr.to.name === 'Done');
    const missing = await transition(USERS.alice, 'ALPHA-3', { transition: { id: done?.id } });
    expect(missing.status).toBe(400);
    expect(missing.json<ErrorBody>()).toEqual({ errorMessages: [], errors: { [STAGE]: 'Conversion stage is required.' } });
    const offScreen = await transition(USERS.alice, 'ALPHA-3', { transition: { id: done?.id }, fields: { [STAGE]: { value: 'Converted' }, summary: 'x' } });
    expect(offScreen.json<ErrorBody>().errors).toEqual({ summary: "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown." });
    expect(await statusOf('ALPHA-3')).toBe('In Progress');
    expect((await transition(USERS.alice, 'ALPHA-3', { transition: { id: done?.id }, fields: { [STAGE]: { value: 'Converted' } } })).status).toBe(204);
    expect(await statusOf('ALPHA-3')).toBe('Done');
  });

  it('refuses a missing or unknown transition id', async () => {
    expect((await transition(USERS.alice, 'ALPHA-2', {})).json<ErrorBody>().errorMessages).toEqual(["Missing 'transition' identifier"]);
    expect((await transition(USERS.alice, 'ALPHA-2', { transition: { id: '999' } })).json<ErrorBody>().errorMessages).toEqual(["Transition id '999' is not valid for this issue."]);
  });

  it('a user who browses a project but does not work in it sees no transitions, cannot transition, edit or create there', async () => {
    expect(await transitions(erin, 'BETA-1')).toEqual([]);
    const tried = await transition(erin, 'BETA-1', { transition: { id: '21' } });
    expect(tried.status).toBe(400);
    expect(tried.json<ErrorBody>().errorMessages).toEqual(['You do not have permission to transition this issue.']);
    const edit = await t.call(erin, '/rest/api/3/issue/BETA-1', { method: 'PUT', body: { fields: { summary: 'Renamed' } } });
    expect(edit.status).toBe(400);
    expect(edit.json<ErrorBody>().errorMessages).toEqual(['You do not have permission to edit this issue.']);
    const create = await t.call(erin, '/rest/api/3/issue', { method: 'POST', body: { fields: { project: { key: 'BETA' }, issuetype: { name: 'Task' }, summary: 'New' } } });
    expect(create.status).toBe(403);
    // The same user works in ALPHA.
    expect((await t.call(erin, '/rest/api/3/issue/ALPHA-2', { method: 'PUT', body: { fields: { summary: 'Renamed by Erin' } } })).status).toBe(204);
    // And the permission endpoints say so.
    const mine = await t.call(erin, '/rest/api/3/mypermissions?projectKey=BETA&permissions=BROWSE_PROJECTS,EDIT_ISSUES,TRANSITION_ISSUES,CREATE_ISSUES');
    const held = mine.json<{ permissions: Record<string, { havePermission: boolean }> }>().permissions;
    expect(Object.fromEntries(Object.entries(held).map(([k, v]) => [k, v.havePermission]))).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false, TRANSITION_ISSUES: false, CREATE_ISSUES: false });
  });

  it("editmeta lists the edit screen's fields, leaves out what it does not show, and is empty for a user who may not edit", async () => {
    const res = await t.call(USERS.alice, '/rest/api/3/issue/ALPHA-3/editmeta');
    expect(res.status).toBe(200);
    valid('/rest/api/3/issue/{issueIdOrKey}/editmeta', 'get', 200, res.json());
    const fields = res.json<{ fields: Record<string, { required: boolean; allowedValues?: unknown[] }> }>().fields;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['summary', 'duedate', 'labels', STAGE, 'customfield_10030']));
    expect(fields).not.toHaveProperty(TARGET_DATE);
    expect(fields).not.toHaveProperty('status');
    expect(fields['summary']?.required).toBe(true);
    expect(fields[STAGE]?.allowedValues).toEqual([{ value: 'Legacy' }, { value: 'Piloting' }, { value: 'Converted' }]);
    expect((await t.call(erin, '/rest/api/3/issue/BETA-1/editmeta')).json()).toEqual({ fields: {} });
    // What editmeta leaves out, an edit may not set.
    const off = await t.call(USERS.alice, '/rest/api/3/issue/ALPHA-3', { method: 'PUT', body: { fields: { [TARGET_DATE]: '2026-04-01' } } });
    expect(off.status).toBe(400);
    expect(off.json<ErrorBody>().errors).toEqual({ [TARGET_DATE]: `Field '${TARGET_DATE}' cannot be set. It is not on the appropriate screen, or unknown.` });
  });

  it('createmeta pages the issue types a user may create in a project, none where they may not', async () => {
    const res = await t.call(erin, '/rest/api/3/issue/createmeta/ALPHA/issuetypes?maxResults=2');
    expect(res.status).toBe(200);
    valid('/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes', 'get', 200, res.json());
    const page = res.json<{ issueTypes: Array<{ name: string }>; total: number; maxResults: number }>();
    expect(page.issueTypes).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    expect((await t.call(erin, '/rest/api/3/issue/createmeta/BETA/issuetypes')).json()).toMatchObject({ issueTypes: [], total: 0 });
    expect((await t.call(erin, '/rest/api/3/issue/createmeta/GAMMA/issuetypes')).status).toBe(404);
  });
});
