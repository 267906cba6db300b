import { JiraHttpError, type IssueEventPayload } from '../../../dev/emulator';
import type { SiteData, SiteUser } from '../../../dev/emulator/siteData';
import { siteDataSchema } from '../../../dev/emulator/siteSchema';
import { startTestEmulator, type ErrorBody, type SearchPage, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';
import { loadOpenApiContract, type Json, type OpenApiContract } from './openApi';

/**
 * Issue security levels: an issue with a level is visible only to users who may browse its project AND are members
 * of the level. Here ALPHA-3 carries "Finance only", whose one member is carol. bob browses ALPHA but is no member;
 * alice is a Jira admin who browses everything but is no member either (admins are not members by right, as in Jira).
 */
const LEVEL = { id: '10300', name: 'Finance only', description: 'Only the finance team may see these issues.', memberAccountIds: ['carol'] };
const RESTRICTED = { key: 'ALPHA-3', id: '10102' };

function securedSite(): SiteData {
  const site = buildFixtureSite({ securityLevels: [{ ...LEVEL, memberAccountIds: [...LEVEL.memberAccountIds] }] });
  const issue = site.issues.find((i) => i.key === RESTRICTED.key);
  if (!issue) throw new Error('no ALPHA-3 in the fixture');
  issue.securityLevelId = LEVEL.id;
  return site;
}

interface IssueBean {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  changelog?: { histories: { id: string; author: { accountId: string }; items: Record<string, unknown>[] }[] };
}

interface Grants {
  projectPermissions: { permission: string; projects: number[]; issues: number[] }[];
  globalPermissions: string[];
}

describe('Jira emulator: issue security levels', () => {
  let t: TestEmulator;
  let contract: OpenApiContract;
  let site: SiteData;
  let now = new Date('2026-02-01T12:00:00.000Z');

  beforeAll(() => {
    contract = loadOpenApiContract();
  });
  beforeEach(async () => {
    now = new Date('2026-02-01T12:00:00.000Z');
    site = securedSite();
    t = await startTestEmulator({ site, clock: () => now });
  });
  afterEach(() => t.emulator.close());

  const valid = (path: string, method: string, status: number, data: unknown): void =>
    contract.expectValid(contract.responseValidator(path, method, status), data, `${method.toUpperCase()} ${path} (${status})`);

  async function searchKeys(user: SiteUser, jql: string): Promise<string[]> {
    const res = await t.call(user, '/rest/api/3/search/jql', { body: { jql, fields: ['key'], maxResults: 100 } });
    if (res.status !== 200) throw new Error(`${jql} answered ${res.status}: ${res.text}`);
    return res.json<SearchPage>().issues.map((i) => i.key ?? '');
  }
  async function jqlErrors(user: SiteUser, jql: string): Promise<string[]> {
    const res = await t.call(user, '/rest/api/3/search/jql', { body: { jql } });
    expect(res.status).toBe(400);
    return res.json<ErrorBody>().errorMessages;
  }
  async function getIssue(user: SiteUser, ref: string, query = ''): Promise<IssueBean> {
    const res = await t.call(user, `/rest/api/3/issue/${ref}${query}`);
    if (res.status !== 200) throw new Error(`GET ${ref} answered ${res.status}: ${res.text}`);
    return res.json<IssueBean>();
  }
  async function check(user: SiteUser, body: unknown): Promise<Grants> {
    const res = await t.call(user, '/rest/api/3/permissions/check', { body });
    expect(res.status).toBe(200);
    const data = res.json<Grants>();
    valid('/rest/api/3/permissions/check', 'post', 200, data);
    return data;
  }

  describe('visibility', () => {
    it('search finds the issue for a member only, not for a non-member who browses the project, nor for a Jira admin', async () => {
      const jql = 'project = ALPHA ORDER BY key';
      expect(await searchKeys(USERS.carol, jql)).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-3', 'ALPHA-4', 'ALPHA-5']);
      expect(await searchKeys(USERS.bob, jql)).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-4', 'ALPHA-5']);
      expect(await searchKeys(USERS.alice, jql)).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-4', 'ALPHA-5']);
      const count = async (user: SiteUser) => (await t.call(user, '/rest/api/3/search/approximate-count', { body: { jql: 'project = ALPHA' } })).json<{ count: number }>().count;
      expect(await count(USERS.carol)).toBe(5);
      expect(await count(USERS.bob)).toBe(4);
    });

    it('looks the issue up by key or id in JQL only for a member; to anyone else it does not exist, word for word', async () => {
      expect(await searchKeys(USERS.carol, `key = ${RESTRICTED.key}`)).toEqual([RESTRICTED.key]);
      expect(await searchKeys(USERS.carol, `id in (${RESTRICTED.id}, 10101) ORDER BY key`)).toEqual(['ALPHA-2', RESTRICTED.key]);
      expect(await jqlErrors(USERS.bob, `key = ${RESTRICTED.key}`)).toEqual([`An issue with key '${RESTRICTED.key}' does not exist for field 'key'.`]);
      expect(await jqlErrors(USERS.bob, 'key = ALPHA-99')).toEqual(["An issue with key 'ALPHA-99' does not exist for field 'key'."]);
      expect(await jqlErrors(USERS.alice, `id = ${RESTRICTED.id}`)).toEqual([`An issue with key '${RESTRICTED.id}' does not exist for field 'id'.`]);
      expect(await jqlErrors(USERS.bob, `parent = ${RESTRICTED.key}`)).toEqual([`The value '${RESTRICTED.key}' does not exist for the field 'parent'.`]);
      // A range needs no issue, and still finds only what the user may see.
      expect(await searchKeys(USERS.bob, 'id >= 10101 AND id <= 10103 ORDER BY id')).toEqual(['ALPHA-2', 'ALPHA-4']);
    });

    it('GET issue: 200 for a member; for a non-member, and for a Jira admin who is none, the 404 of a missing issue', async () => {
      expect((await getIssue(USERS.carol, RESTRICTED.key)).key).toBe(RESTRICTED.key);
      expect((await getIssue(USERS.carol, RESTRICTED.id)).key).toBe(RESTRICTED.key);
      const missing = await t.call(USERS.bob, '/rest/api/3/issue/ALPHA-99');
      expect(missing.status).toBe(404);
      for (const user of [USERS.bob, USERS.alice]) {
        for (const ref of [RESTRICTED.key, RESTRICTED.id]) {
          const hidden = await t.call(user, `/rest/api/3/issue/${ref}`);
          expect(hidden.status).toBe(404);
          expect(hidden.text).toBe(missing.text);
        }
      }
      // mypermissions in the issue's context answers the same way.
      expect((await t.call(USERS.bob, `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=${RESTRICTED.key}`)).status).toBe(404);
      expect((await t.call(USERS.carol, `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=${RESTRICTED.key}`)).status).toBe(200);
    });

    it('bulk fetch leaves the issue out for a non-member, as it does a missing one', async () => {
      const fetchKeys = async (user: SiteUser) => {
        const res = await t.call(user, '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: ['ALPHA-2', RESTRICTED.key, RESTRICTED.id, 'ALPHA-99'], fields: ['summary'] } });
        expect(res.status).toBe(200);
        valid('/rest/api/3/issue/bulkfetch', 'post', 200, res.json());
        return res.json<{ issues: { key: string }[] }>().issues.map((i) => i.key);
      };
      expect(await fetchKeys(USERS.carol)).toEqual(['ALPHA-2', RESTRICTED.key]);
      expect(await fetchKeys(USERS.bob)).toEqual(['ALPHA-2']);
      expect(await fetchKeys(USERS.alice)).toEqual(['ALPHA-2']);
    });

    it('the bulk changelog skips the issue for a non-member', async () => {
      const changelogOf = async (user: SiteUser) => {
        const res = await t.call(user, '/rest/api/3/changelog/bulkfetch', { body: { issueIdsOrKeys: ['ALPHA-2', RESTRICTED.key] } });
        expect(res.status).toBe(200);
        return res.json<{ issueChangeLogs: { issueId: string }[] }>().issueChangeLogs.map((c) => c.issueId);
      };
      expect(await changelogOf(USERS.carol)).toEqual(['10101', RESTRICTED.id]);
      expect(await changelogOf(USERS.bob)).toEqual(['10101']);
    });

    it('a visible issue does not embed a link to the hidden one', async () => {
      const linked = async (user: SiteUser) =>
        ((await getIssue(user, 'ALPHA-2', '?fields=issuelinks')).fields['issuelinks'] as { outwardIssue?: { key: string } }[]).map((l) => l.outwardIssue?.key);
      expect(await linked(USERS.carol)).toEqual([RESTRICTED.key]);
      expect(await linked(USERS.bob)).toEqual([]);
    });

    it('a level the site does not define hides the issue from everybody', async () => {
      const issue = site.issues.find((i) => i.key === 'ALPHA-4');
      if (issue) issue.securityLevelId = '99999';
      for (const user of [USERS.alice, USERS.bob, USERS.carol]) expect((await t.call(user, '/rest/api/3/issue/ALPHA-4')).status).toBe(404);
    });
  });

  describe('POST /rest/api/3/permissions/check with issues', () => {
    const body = (permissions: string[], extra: Record<string, unknown> = {}) => ({
      ...extra,
      projectPermissions: [{ permissions, projects: [10000], issues: [10101, Number(RESTRICTED.id), 10300, 99999] }],
    });

    it('grants BROWSE_PROJECTS on the issue to a member only, whatever the project grants', async () => {
      expect(await check(USERS.carol, body(['BROWSE_PROJECTS']))).toEqual({
        globalPermissions: [],
        projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10101, Number(RESTRICTED.id)] }],
      });
      expect(await check(USERS.bob, body(['BROWSE_PROJECTS']))).toEqual({
        globalPermissions: [],
        projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10101] }],
      });
      // The admin browses GAMMA (10300) but is no member of the level.
      expect((await check(USERS.alice, body(['BROWSE_PROJECTS']))).projectPermissions).toEqual([{ permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10101, 10300] }]);
    });

    it('no other permission on the issue either, and checks another user by their own membership', async () => {
      expect((await check(USERS.bob, body(['BROWSE_PROJECTS', 'EDIT_ISSUES']))).projectPermissions).toEqual([
        { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10101] },
        { permission: 'EDIT_ISSUES', projects: [10000], issues: [10101] },
      ]);
      expect((await check(USERS.alice, body(['BROWSE_PROJECTS'], { accountId: 'carol' }))).projectPermissions).toEqual([
        { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10101, Number(RESTRICTED.id)] },
      ]);
      expect((await check(USERS.alice, body(['BROWSE_PROJECTS'], { accountId: 'bob' }))).projectPermissions).toEqual([
        { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10101] },
      ]);
    });

    it('still checks at most 1,000 issues, counting the ids sent', async () => {
      const ids = (n: number) => Array.from({ length: n }, (_, i) => 10101 + i);
      const atLimit = await t.call(USERS.carol, '/rest/api/3/permissions/check', { body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids(1000) }] } });
      expect(atLimit.status).toBe(200);
      // carol browses ALPHA and BETA (10200, 10201), not GAMMA (10300).
      expect(atLimit.json<Grants>().projectPermissions[0]?.issues).toEqual([10101, Number(RESTRICTED.id), 10103, 10104, 10200, 10201]);
      const over = await t.call(USERS.carol, '/rest/api/3/permissions/check', { body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids(1001) }] } });
      expect(over.status).toBe(400);
      expect(over.json<ErrorBody>().errorMessages).toEqual(['A maximum of 1000 projects and 1000 issues can be checked.']);
    });
  });

  describe('the security field', () => {
    it('is listed by /rest/api/3/field as Jira Cloud lists it', async () => {
      const res = await t.call(USERS.bob, '/rest/api/3/field');
      valid('/rest/api/3/field', 'get', 200, res.json());
      const fields = res.json<Json[]>();
      expect(fields.find((f) => f['id'] === 'security')).toEqual({
        id: 'security',
        key: 'security',
        name: 'Security Level',
        custom: false,
        orderable: true,
        navigable: true,
        searchable: true,
        clauseNames: ['level'],
        schema: { type: 'securitylevel', system: 'security' },
      });
    });

    it('renders as Jira\'s SecurityLevel when the issue has one, and null when it has none', async () => {
      const restricted = await getIssue(USERS.carol, RESTRICTED.key, '?fields=security,summary');
      valid('/rest/api/3/issue/{issueIdOrKey}', 'get', 200, restricted);
      expect(restricted.fields['security']).toEqual({ self: `${t.emulator.url}/rest/api/3/securitylevel/${LEVEL.id}`, id: LEVEL.id, name: LEVEL.name, description: LEVEL.description });
      contract.expectValid(contract.componentValidator('SecurityLevel'), restricted.fields['security'], 'fields.security');
      expect((await getIssue(USERS.carol, 'ALPHA-2', '?fields=security')).fields).toEqual({ security: null });
      // Only when asked for: not among other fields asked for by name, but with *navigable and *all.
      expect(restricted.fields).not.toHaveProperty('status');
      expect((await getIssue(USERS.carol, 'ALPHA-2', '?fields=summary')).fields).not.toHaveProperty('security');
      const res = await t.call(USERS.carol, '/rest/api/3/search/jql', { body: { jql: `key = ${RESTRICTED.key}`, fields: ['*navigable'] } });
      valid('/rest/api/3/search/jql', 'post', 200, res.json());
      expect(res.json<SearchPage>().issues[0]?.fields?.['security']).toMatchObject({ id: LEVEL.id, name: LEVEL.name });
    });

    it('is searchable as `level`, by name or id, among the levels the user is a member of', async () => {
      expect(await searchKeys(USERS.carol, `level = "${LEVEL.name}"`)).toEqual([RESTRICTED.key]);
      expect(await searchKeys(USERS.carol, `level = ${LEVEL.id}`)).toEqual([RESTRICTED.key]);
      expect(await searchKeys(USERS.carol, 'project = ALPHA AND level IS EMPTY ORDER BY key')).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-4', 'ALPHA-5']);
      expect(await jqlErrors(USERS.bob, `level = "${LEVEL.name}"`)).toEqual([`The value '${LEVEL.name}' does not exist for the field 'level'.`]);
    });
  });

  describe('writes', () => {
    const events: IssueEventPayload[] = [];
    let stop: () => void = () => undefined;
    beforeEach(() => {
      events.length = 0;
      stop = t.emulator.onIssueEvent((e) => events.push(e));
    });
    afterEach(() => stop());

    it('a member sets a level over REST: one changelog item, an event, and the issue disappears for non-members', async () => {
      now = new Date('2026-02-02T09:00:00.000Z');
      expect((await t.call(USERS.bob, '/rest/api/3/issue/ALPHA-4')).status).toBe(200);
      const res = await t.call(USERS.carol, '/rest/api/3/issue/ALPHA-4', { method: 'PUT', body: { fields: { security: { id: LEVEL.id } } } });
      expect(res.status).toBe(204);
      expect((await t.call(USERS.bob, '/rest/api/3/issue/ALPHA-4')).status).toBe(404);
      expect(await searchKeys(USERS.bob, 'project = ALPHA ORDER BY key')).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-5']);
      const item = { field: 'security', fieldtype: 'jira', fieldId: 'security', from: null, fromString: null, to: LEVEL.id, toString: LEVEL.name };
      const issue = await getIssue(USERS.carol, 'ALPHA-4', '?fields=security,updated&expand=changelog');
      expect(issue.fields['updated']).toBe('2026-02-02T09:00:00.000+0000');
      expect(issue.fields['security']).toMatchObject({ id: LEVEL.id });
      expect(issue.changelog?.histories[0]).toMatchObject({ author: { accountId: 'carol' }, items: [item] });
      expect(events).toEqual([expect.objectContaining({ eventType: 'avi:jira:updated:issue', atlassianId: 'carol', changelog: { id: expect.any(String), items: [item] } })]);
      const bulk = await t.call(USERS.carol, '/rest/api/3/changelog/bulkfetch', { body: { issueIdsOrKeys: ['ALPHA-4'], fieldIds: ['security'] } });
      valid('/rest/api/3/changelog/bulkfetch', 'post', 200, bulk.json());
      expect(bulk.json<{ issueChangeLogs: { changeHistories: { items: unknown[] }[] }[] }>().issueChangeLogs[0]?.changeHistories.map((h) => h.items)).toEqual([[item]]);
    });

    it('null removes the level, with its changelog item, and the issue is visible again; an unchanged level records nothing', async () => {
      const put = (fields: Record<string, unknown>) => t.call(USERS.carol, `/rest/api/3/issue/${RESTRICTED.key}`, { method: 'PUT', body: { fields } });
      expect((await put({ security: { id: LEVEL.id } })).status).toBe(204);
      expect(events).toEqual([]);
      expect((await put({ security: null })).status).toBe(204);
      expect(events).toHaveLength(1);
      expect(events[0]?.changelog?.items).toEqual([{ field: 'security', fieldtype: 'jira', fieldId: 'security', from: LEVEL.id, fromString: LEVEL.name, to: null, toString: null }]);
      expect((await getIssue(USERS.bob, RESTRICTED.key, '?fields=security')).fields).toEqual({ security: null });
      expect(await searchKeys(USERS.bob, `key = ${RESTRICTED.key}`)).toEqual([RESTRICTED.key]);
    });

    it('creates an issue with a level (by name), which only members then find', async () => {
      const res = await t.call(USERS.carol, '/rest/api/3/issue', {
        body: { fields: { project: { key: 'ALPHA' }, issuetype: { name: 'Task' }, summary: 'Audit the invoice ledger', security: { name: LEVEL.name } } },
      });
      expect(res.status).toBe(201);
      const { key } = res.json<{ key: string }>();
      expect((await getIssue(USERS.carol, key, '?fields=security')).fields['security']).toMatchObject({ id: LEVEL.id });
      expect((await t.call(USERS.bob, `/rest/api/3/issue/${key}`)).status).toBe(404);
      expect(await searchKeys(USERS.bob, 'summary ~ audit')).toEqual([]);
      expect(await searchKeys(USERS.carol, 'summary ~ audit')).toEqual([key]);
    });

    it('refuses a level that does not exist, or that the user is not a member of (a Jira admin included), and a malformed value', async () => {
      const put = (user: SiteUser, security: unknown) => t.call(user, '/rest/api/3/issue/ALPHA-2', { method: 'PUT', body: { fields: { security } } });
      const unknown = await put(USERS.carol, { id: '424242' });
      expect(unknown.status).toBe(400);
      expect(unknown.json<ErrorBody>()).toEqual({ errorMessages: [], errors: { security: "Security level id '424242' is not valid" } });
      valid('/rest/api/3/issue/{issueIdOrKey}', 'put', 400, unknown.json());
      const notMember = await put(USERS.alice, { name: LEVEL.name });
      expect(notMember.status).toBe(400);
      expect(notMember.json<ErrorBody>().errors).toEqual({ security: `Security level name '${LEVEL.name}' is not valid` });
      expect((await put(USERS.bob, { id: LEVEL.id })).status).toBe(400);
      expect((await put(USERS.carol, 'Finance only')).json<ErrorBody>().errors).toEqual({ security: 'Specify a valid value for security' });
      expect(events).toEqual([]);
      expect((await getIssue(USERS.bob, 'ALPHA-2', '?fields=security')).fields).toEqual({ security: null });
    });

    it('a non-member cannot edit or delete the restricted issue: the 404 of a missing one', async () => {
      const edit = await t.call(USERS.bob, `/rest/api/3/issue/${RESTRICTED.key}`, { method: 'PUT', body: { fields: { summary: 'Renamed' } } });
      expect(edit.status).toBe(404);
      expect((await t.call(USERS.alice, `/rest/api/3/issue/${RESTRICTED.key}`, { method: 'DELETE' })).status).toBe(404);
      expect(site.issues.find((i) => i.key === RESTRICTED.key)?.summary).toBe('Switch invoice numbering to the new scheme');
    });

    it('the programmatic API sets and clears a level as the named actor; the default actor (the admin) is no member', () => {
      expect(() => t.emulator.issues.update('ALPHA-2', { security: { id: LEVEL.id } })).toThrow(JiraHttpError);
      t.emulator.issues.update('ALPHA-2', { security: { id: Number(LEVEL.id) } }, 'carol');
      const stored = site.issues.find((i) => i.key === 'ALPHA-2');
      expect(stored?.securityLevelId).toBe(LEVEL.id);
      expect(stored?.changelog.at(-1)?.items).toEqual([{ field: 'security', fieldtype: 'jira', fieldId: 'security', from: null, fromString: null, to: LEVEL.id, toString: LEVEL.name }]);
      // Now hidden from the admin, who cannot even address it.
      expect(() => t.emulator.issues.update('ALPHA-2', { security: null })).toThrow(JiraHttpError);
      t.emulator.issues.update('ALPHA-2', { security: null }, 'carol');
      expect(stored?.securityLevelId).toBeNull();
      const created = t.emulator.issues.create({ project: { key: 'ALPHA' }, issuetype: { name: 'Task' }, summary: 'Quiet work', security: { id: LEVEL.id } }, 'carol');
      expect(site.issues.find((i) => i.key === created.key)?.securityLevelId).toBe(LEVEL.id);
    });
  });

  describe('site files', () => {
    it('validate: levels are accepted, and an issue may not carry a level the site does not define', () => {
      expect(siteDataSchema.safeParse(securedSite()).success).toBe(true);
      const broken = securedSite();
      broken.securityLevels = [];
      const parsed = siteDataSchema.safeParse(broken);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['issues.2.securityLevelId']);
    });
  });
});
