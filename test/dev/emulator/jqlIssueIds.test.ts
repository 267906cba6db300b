import type { SiteUser } from '../../../dev/emulator/siteData';
import { startTestEmulator, type ErrorBody, type SearchPage, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';

/** What incremental readers of Jira need from JQL: ids and keys in lists, id ranges, and stable orders. */
describe('Jira emulator: JQL over issue ids, keys and `updated`', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site: buildFixtureSite(), clock: () => new Date('2026-02-01T12:00:00.000Z') });
    // Created last, so its id is the highest while its key sorts inside ALPHA.
    t.emulator.issues.create({ project: { key: 'ALPHA' }, issuetype: { name: 'Task' }, summary: 'Newest' });
  });
  afterAll(() => t.emulator.close());

  async function keys(jql: string, user: SiteUser = USERS.alice): Promise<string[]> {
    const res = await t.call(user, '/rest/api/3/search/jql', { body: { jql, fields: ['key'], maxResults: 100 } });
    if (res.status !== 200) throw new Error(`${jql} answered ${res.status}: ${res.text}`);
    return res.json<SearchPage>().issues.map((i) => i.key ?? '');
  }

  it('id in (…) and issuekey in (…)', async () => {
    expect(await keys('id in (10100, 10102) ORDER BY key')).toEqual(['ALPHA-1', 'ALPHA-3']);
    expect(await keys('issuekey in (ALPHA-2, BETA-1) ORDER BY key')).toEqual(['ALPHA-2', 'BETA-1']);
    expect(await keys('id not in (10100, 10101) AND project = ALPHA ORDER BY key')).toEqual(['ALPHA-3', 'ALPHA-4', 'ALPHA-5', 'ALPHA-6']);
  });

  it('id ranges compare ids numerically across projects, and need no issue with that id', async () => {
    expect(await keys('id > 10103 ORDER BY id ASC')).toEqual(['ALPHA-5', 'BETA-1', 'BETA-2', 'GAMMA-1', 'ALPHA-6']);
    expect(await keys('id > 10150 ORDER BY id ASC')).toEqual(['BETA-1', 'BETA-2', 'GAMMA-1', 'ALPHA-6']);
    expect(await keys('id >= 10300 AND id < 20000 ORDER BY id')).toEqual(['GAMMA-1', 'ALPHA-6']);
    expect(await keys('id <= 10101 ORDER BY id DESC')).toEqual(['ALPHA-2', 'ALPHA-1']);
    // Still only what the user may browse.
    expect(await keys('id > 10000 ORDER BY id', USERS.bob)).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-3', 'ALPHA-4', 'ALPHA-5', 'ALPHA-6']);
  });

  it('ORDER BY id sorts by issue id, ORDER BY key by project then key number', async () => {
    expect(await keys('project in (ALPHA, BETA) ORDER BY id ASC')).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-3', 'ALPHA-4', 'ALPHA-5', 'BETA-1', 'BETA-2', 'ALPHA-6']);
    expect(await keys('project in (ALPHA, BETA) ORDER BY key ASC')).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-3', 'ALPHA-4', 'ALPHA-5', 'ALPHA-6', 'BETA-1', 'BETA-2']);
  });

  it('updated >= "yyyy-MM-dd HH:mm" ORDER BY updated ASC', async () => {
    expect(await keys('updated >= "2026-01-28 12:00" ORDER BY updated ASC')).toEqual(['ALPHA-3', 'ALPHA-4', 'ALPHA-6']);
    expect(await keys('updated >= "2026-01-28 12:00" ORDER BY updated DESC')).toEqual(['ALPHA-6', 'ALPHA-4', 'ALPHA-3']);
    expect(await keys('updated >= "2026-01-30 09:01" ORDER BY updated ASC, id ASC')).toEqual(['ALPHA-6']);
  });

  it('= and IN on an id that does not exist is still an error, as for a key', async () => {
    const res = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { jql: 'id = 99999' } });
    expect(res.status).toBe(400);
    expect(res.json<ErrorBody>().errorMessages).toEqual(["An issue with key '99999' does not exist for field 'id'."]);
  });
});
