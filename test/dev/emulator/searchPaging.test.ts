import fc from 'fast-check';
import { DEMO_USERS, generateDemoSite } from '../../../dev/demo/generate';
import type { UserContext } from '../../../dev/emulator/context';
import { findIssues } from '../../../dev/emulator/jqlSearch';
import { findPage } from '../../../dev/emulator/searchPages';
import type { SiteData, SiteUser } from '../../../dev/emulator/siteData';
import { SiteView } from '../../../dev/emulator/siteView';
import type { IssueWriter } from '../../../dev/emulator/writes/issueWriter';
import { startTestEmulator, type SearchPage, type TestEmulator } from './emulatorClient';

const NOW = new Date('2026-06-01T12:00:00Z');
const userOf = (site: SiteData, accountId: string): SiteUser => {
  const user = site.users.find((u) => u.accountId === accountId);
  if (!user) throw new Error(`no user ${accountId}`);
  return user;
};

/** Orders with ties and without, the app's cursor read, bounds that skip, and a query that reads the clock. */
const QUERIES = [
  'project IS NOT EMPTY ORDER BY status ASC',
  'project IS NOT EMPTY',
  'id > 10500 ORDER BY id ASC',
  'id >= 10700 AND project != DTO ORDER BY id ASC, key DESC',
  'project = PAY AND id > 10300 AND id > 10100 ORDER BY id',
  'statusCategory != Done ORDER BY duedate ASC, key DESC',
  'updated >= -30d ORDER BY id ASC',
];

describe('the emulator pages a search out of one ordered answer', () => {
  const site = generateDemoSite({ seed: 11, anchorDate: '2026-06-01' });
  const contextOf = (accountId: string): UserContext => {
    const user = userOf(site, accountId);
    return { method: 'POST', url: new URL('http://127.0.0.1/rest/api/3/search/jql'), params: {}, body: '', site, base: 'http://127.0.0.1', now: NOW, user, issues: {} as IssueWriter, view: new SiteView(site, user) };
  };

  it('gives every page the slice of the unpaged answer at its offset, and says whether more follow', () => {
    const admin = contextOf(DEMO_USERS.admin);
    const limited = contextOf(DEMO_USERS.limited);
    fc.assert(
      fc.property(fc.constantFrom(...QUERIES), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_600 })), fc.integer({ min: 0, max: 300 }), fc.boolean(), (jql, offset, size, asLimited) => {
        const ctx = asLimited ? limited : admin;
        const all = findIssues(ctx, jql);
        const page = findPage(ctx, jql, offset, size);
        expect(page.issues.map((i) => i.key)).toEqual(all.slice(offset, offset + size).map((i) => i.key));
        expect(page.more).toBe(all.length > offset + size);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Jira emulator: paging a search while the site changes', () => {
  let t: TestEmulator;
  let site: SiteData;
  beforeEach(async () => {
    site = generateDemoSite({ seed: 11, anchorDate: '2026-06-01' });
    t = await startTestEmulator({ site, clock: () => NOW });
  });
  afterEach(() => t.emulator.close());

  const FIELDS = ['summary', 'status'];
  const search = async (user: SiteUser, jql: string, nextPageToken?: string): Promise<SearchPage> => {
    const res = await t.call(user, '/rest/api/3/search/jql', { body: { jql, fields: FIELDS, maxResults: 90, ...(nextPageToken ? { nextPageToken } : {}) } });
    expect(res.status).toBe(200);
    return res.json<SearchPage>();
  };
  /** The whole answer in one id-only page, as the emulator sees the site now. */
  const unpaged = async (user: SiteUser, jql: string): Promise<string[]> => {
    const res = await t.call(user, '/rest/api/3/search/jql', { body: { jql, fields: ['key'], maxResults: 5000 } });
    const page = res.json<SearchPage>();
    expect(page.isLast).toBe(true);
    return page.issues.map((i) => i.key ?? '');
  };
  const keysOf = (page: SearchPage) => page.issues.map((i) => i.key ?? '');

  it('pages two users with different visibility through their own answers, even with each other\'s tokens', async () => {
    const admin = userOf(site, DEMO_USERS.admin);
    const limited = userOf(site, DEMO_USERS.limited);
    const jql = 'project IS NOT EMPTY ORDER BY status ASC';
    const expected = { admin: await unpaged(admin, jql), limited: await unpaged(limited, jql) };
    expect(expected.limited.length).toBeLessThan(expected.admin.length);
    const seen = { admin: [] as string[], limited: [] as string[] };
    let tokens: { admin?: string | undefined; limited?: string | undefined } = {};
    for (let pages = 0; pages < 40 && (pages === 0 || tokens.admin !== undefined || tokens.limited !== undefined); pages++) {
      // Interleaved, so that each user's page follows the other's search.
      const a = tokens.admin !== undefined || pages === 0 ? await search(admin, jql, tokens.admin) : undefined;
      const l = tokens.limited !== undefined || pages === 0 ? await search(limited, jql, tokens.limited) : undefined;
      if (a) seen.admin.push(...keysOf(a));
      if (l) seen.limited.push(...keysOf(l));
      tokens = { admin: a?.nextPageToken, limited: l?.nextPageToken };
    }
    expect(seen).toEqual(expected);
    // A token holds an offset into the query's answer, never another user's answer.
    const adminFirst = await search(admin, jql);
    const limitedWithAdminsToken = await search(limited, jql, adminFirst.nextPageToken);
    expect(keysOf(limitedWithAdminsToken)).toEqual(expected.limited.slice(90, 180));
  });

  it('answers the pages after a write from the site as it is now, issue bodies included', async () => {
    const admin = userOf(site, DEMO_USERS.admin);
    const jql = 'project IS NOT EMPTY ORDER BY updated DESC, key DESC';
    const before = await unpaged(admin, jql);
    const first = await search(admin, jql);
    const second = await search(admin, jql, first.nextPageToken);
    expect([...keysOf(first), ...keysOf(second)]).toEqual(before.slice(0, 180));

    // An edit sets `updated`: the issue leaves the third page for the first, and every issue before it moves down one.
    const edited = before[200] ?? '';
    t.emulator.issues.update(edited, { summary: 'Edited between pages' });
    const afterEdit = await unpaged(admin, jql);
    expect(afterEdit[0]).toBe(edited);
    const third = await search(admin, jql, second.nextPageToken);
    expect(keysOf(third)).toEqual(afterEdit.slice(180, 270));

    const created = t.emulator.issues.create({ project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Created between pages' });
    const deleted = afterEdit[5] ?? '';
    t.emulator.issues.delete(deleted);
    const fourth = await search(admin, jql, third.nextPageToken);
    const after = await unpaged(admin, jql);
    expect(after).toContain(created.key);
    expect(after).not.toContain(deleted);
    expect(keysOf(fourth)).toEqual(after.slice(270, 360));
    const rendered = (await search(admin, `key = ${edited}`)).issues[0];
    expect(rendered?.fields?.['summary']).toBe('Edited between pages');
  });

  it('renders every page\'s issues from the current data, even when the ordered answer is kept', async () => {
    const admin = userOf(site, DEMO_USERS.admin);
    const jql = 'project IS NOT EMPTY ORDER BY key ASC';
    const first = await search(admin, jql);
    const second = await search(admin, jql, first.nextPageToken);
    const onThird = (await unpaged(admin, jql))[190] ?? '';
    t.emulator.issues.update(onThird, { summary: 'Edited between pages' });
    const third = await search(admin, jql, second.nextPageToken);
    expect(third.issues.find((i) => i.key === onThird)?.fields?.['summary']).toBe('Edited between pages');
  });

  it('answers the pages after a change of what the user may browse from what they browse now', async () => {
    const limited = userOf(site, DEMO_USERS.limited);
    const jql = 'id > 0 ORDER BY project ASC, id DESC';
    const first = await search(limited, jql);
    const second = await search(limited, jql, first.nextPageToken);
    expect([...keysOf(first), ...keysOf(second)]).toEqual((await unpaged(limited, jql)).slice(0, 180));
    limited.browseProjects = ['PAY', 'CARD'];
    const now = await unpaged(limited, jql);
    expect(now.every((key) => key.startsWith('PAY-') || key.startsWith('CARD-'))).toBe(true);
    const third = await search(limited, jql, second.nextPageToken);
    expect(keysOf(third)).toEqual(now.slice(180, 270));
  });

  it('still refuses a token replayed with another query once the answer is kept', async () => {
    const admin = userOf(site, DEMO_USERS.admin);
    const first = await search(admin, 'id > 0 ORDER BY id ASC');
    await search(admin, 'id > 0 ORDER BY id ASC', first.nextPageToken);
    const res = await t.call(admin, '/rest/api/3/search/jql', { body: { jql: 'id > 1 ORDER BY id ASC', nextPageToken: first.nextPageToken } });
    expect(res.status).toBe(400);
  });
});
