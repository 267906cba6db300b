import { startTestEmulator, type ErrorBody, type SearchPage, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';

interface PermissionsBody {
  permissions: Record<string, { id: string; key: string; name: string; type: string; description: string; havePermission: boolean }>;
}

describe('Jira emulator: browse permissions and permission endpoints', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site: buildFixtureSite() });
  });
  afterAll(() => t.emulator.close());

  describe('a user limited to some projects never sees issues of the others', () => {
    it('in search, where the same JQL finds more for an admin', async () => {
      const jql = 'labels = billing ORDER BY key';
      const as = async (user: typeof USERS.bob): Promise<string[]> =>
        (await t.call(user, '/rest/api/3/search/jql', { body: { jql, fields: ['key'] } })).json<SearchPage>().issues.map((i) => i.key ?? '');
      expect(await as(USERS.alice)).toEqual(['ALPHA-1', 'ALPHA-2', 'GAMMA-1']);
      expect(await as(USERS.bob)).toEqual(['ALPHA-1', 'ALPHA-2']);
      expect(await as(USERS.dave)).toEqual([]);
    });

    it('in issue get, answering exactly as for an issue that does not exist', async () => {
      const hidden = await t.call(USERS.bob, '/rest/api/3/issue/GAMMA-1');
      const missing = await t.call(USERS.bob, '/rest/api/3/issue/GAMMA-99');
      expect(hidden.status).toBe(404);
      expect(hidden.text).toBe(missing.text);
      expect((await t.call(USERS.alice, '/rest/api/3/issue/GAMMA-1')).status).toBe(200);
    });

    it('in approximate count', async () => {
      const count = async (user: typeof USERS.bob): Promise<unknown> =>
        (await t.call(user, '/rest/api/3/search/approximate-count', { body: { jql: 'labels in (billing, transformation)' } })).json();
      expect(await count(USERS.alice)).toEqual({ count: 4 });
      expect(await count(USERS.bob)).toEqual({ count: 2 });
      expect(await count(USERS.carol)).toEqual({ count: 3 });
    });

    it('in the bulk changelog', async () => {
      const res = await t.call(USERS.bob, '/rest/api/3/changelog/bulkfetch', { body: { issueIdsOrKeys: ['GAMMA-1', '10200', 'ALPHA-3'] } });
      expect(res.status).toBe(200);
      expect(res.json<{ issueChangeLogs: { issueId: string }[] }>().issueChangeLogs.map((c) => c.issueId)).toEqual(['10102']);
    });

    it('in linked and parent issues embedded in a visible issue', async () => {
      const links = async (user: typeof USERS.bob): Promise<string[]> => {
        const issue = (await t.call(user, '/rest/api/3/issue/ALPHA-3?fields=issuelinks')).json<{ fields: { issuelinks: { inwardIssue?: { key: string } }[] } }>();
        return issue.fields.issuelinks.map((l) => l.inwardIssue?.key ?? '');
      };
      expect(await links(USERS.alice)).toEqual(['ALPHA-2', 'GAMMA-1']);
      expect(await links(USERS.bob)).toEqual(['ALPHA-2']);
    });

    it('in project search, which pages over browsable projects only', async () => {
      const carol = (await t.call(USERS.carol, '/rest/api/3/project/search?maxResults=1')).json<{ values: { key: string }[]; total: number; isLast: boolean; nextPage?: string }>();
      expect(carol).toMatchObject({ total: 2, isLast: false, values: [{ key: 'ALPHA' }] });
      const next = (await t.call(USERS.carol, new URL(carol.nextPage ?? '').pathname + new URL(carol.nextPage ?? '').search)).json<{ values: { key: string }[]; isLast: boolean; startAt: number }>();
      expect(next).toMatchObject({ startAt: 1, isLast: true, values: [{ key: 'BETA' }] });
      const bob = (await t.call(USERS.bob, '/rest/api/3/project/search')).json<{ values: { key: string }[] }>();
      expect(bob.values.map((p) => p.key)).toEqual(['ALPHA']);
      const capped = (await t.call(USERS.alice, '/rest/api/3/project/search?maxResults=500')).json<{ maxResults: number }>();
      expect(capped.maxResults).toBe(100);
    });
  });

  describe('mypermissions', () => {
    const mine = async (user: typeof USERS.bob, query: string) => t.call(user, `/rest/api/3/mypermissions?${query}`);

    it('answers in Jira shape, globally and for a project', async () => {
      const global = (await mine(USERS.bob, 'permissions=ADMINISTER,BROWSE_PROJECTS')).json<PermissionsBody>();
      expect(global.permissions['ADMINISTER']).toEqual({
        id: '0',
        key: 'ADMINISTER',
        name: 'Administer Jira',
        type: 'GLOBAL',
        description: expect.any(String),
        havePermission: false,
      });
      expect(global.permissions['BROWSE_PROJECTS']).toMatchObject({ id: '10', type: 'PROJECT', havePermission: true });
      const admin = (await mine(USERS.alice, 'permissions=ADMINISTER')).json<PermissionsBody>();
      expect(admin.permissions['ADMINISTER']?.havePermission).toBe(true);
      const nobody = (await mine(USERS.dave, 'permissions=BROWSE_PROJECTS')).json<PermissionsBody>();
      expect(nobody.permissions['BROWSE_PROJECTS']?.havePermission).toBe(false);
      const lead = (await mine(USERS.bob, 'permissions=ADMINISTER_PROJECTS&projectKey=ALPHA')).json<PermissionsBody>();
      expect(lead.permissions['ADMINISTER_PROJECTS']?.havePermission).toBe(true);
      const notLead = (await mine(USERS.carol, 'permissions=ADMINISTER_PROJECTS&projectKey=ALPHA')).json<PermissionsBody>();
      expect(notLead.permissions['ADMINISTER_PROJECTS']?.havePermission).toBe(false);
    });

    it('404s for a project or issue the user cannot see, and 400s for missing or unknown keys', async () => {
      const hidden = await mine(USERS.bob, 'permissions=BROWSE_PROJECTS&projectKey=GAMMA');
      expect(hidden.status).toBe(404);
      expect(hidden.json<ErrorBody>()).toEqual({ errorMessages: ["No project could be found with key 'GAMMA'."], errors: {} });
      expect((await mine(USERS.bob, 'permissions=BROWSE_PROJECTS&issueKey=GAMMA-1')).status).toBe(404);
      expect((await mine(USERS.alice, 'permissions=BROWSE_PROJECTS&issueKey=GAMMA-1')).status).toBe(200);
      expect((await mine(USERS.bob, '')).status).toBe(400);
      const unknown = await mine(USERS.bob, 'permissions=BROWSE_PROJECTS,FLY');
      expect(unknown.status).toBe(400);
      expect(unknown.json<ErrorBody>().errorMessages.join(' ')).toMatch(/FLY/);
    });
  });

  describe('bulk permission check', () => {
    it('grants only what the user holds and ignores unknown ids', async () => {
      const res = await t.call(USERS.bob, '/rest/api/3/permissions/check', {
        body: {
          globalPermissions: ['ADMINISTER', 'USER_PICKER'],
          projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [10000, 10001, 10002, 99999], issues: [10101, 10300, null] }],
        },
      });
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({
        globalPermissions: ['USER_PICKER'],
        projectPermissions: [
          { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10101] },
          { permission: 'EDIT_ISSUES', projects: [10000], issues: [10101] },
        ],
      });
    });

    it('lets an admin check another user, and nobody else', async () => {
      const body = { accountId: 'carol', projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: ['10000', 10001, 10002] }] };
      const byAdmin = await t.call(USERS.alice, '/rest/api/3/permissions/check', { body });
      expect(byAdmin.json()).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [] }] });
      const byBob = await t.call(USERS.bob, '/rest/api/3/permissions/check', { body });
      expect(byBob.status).toBe(403);
      const unknownUser = await t.call(USERS.alice, '/rest/api/3/permissions/check', { body: { ...body, accountId: 'zed' } });
      expect(unknownUser.status).toBe(400);
    });

    it('400s for invalid permissions and empty permission lists', async () => {
      const invalid = await t.call(USERS.bob, '/rest/api/3/permissions/check', { body: { projectPermissions: [{ permissions: ['FLY'], projects: [10000] }] } });
      expect(invalid.status).toBe(400);
      const wrongType = await t.call(USERS.bob, '/rest/api/3/permissions/check', { body: { globalPermissions: ['BROWSE_PROJECTS'] } });
      expect(wrongType.status).toBe(400);
      const empty = await t.call(USERS.bob, '/rest/api/3/permissions/check', { body: { projectPermissions: [{ permissions: [], projects: [10000] }] } });
      expect(empty.status).toBe(400);
    });
  });
});
