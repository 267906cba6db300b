import { DEMO_FLAWS, DEMO_SECURITY_LEVEL, DEMO_USERS, demoRestrictedKeys } from '../../../dev/demo/generate';
import { applySecurityLevel } from '../../../dev/demo/restricted';
import type { SiteData, SiteUser } from '../../../dev/emulator/siteData';
import { expectedHistory, expectedModel } from '../../support/expectedModel';
import { startTestEmulator, type SearchPage, type TestEmulator } from '../emulator/emulatorClient';
import { demoSite, indexSite } from './helpers';

const userOf = (site: SiteData, accountId: string): SiteUser => {
  const user = site.users.find((u) => u.accountId === accountId);
  if (!user) throw new Error(`no user ${accountId}`);
  return user;
};
const browses = (user: SiteUser, projectKey: string): boolean => user.browseProjects === '*' || user.browseProjects.includes(projectKey);

describe.each([
  [42, 1],
  [7, 1],
  [42, 0.2],
  [3, 3],
])('the demo issue security level (seed %d, scale %d)', (seed, scale) => {
  const site = demoSite(seed, scale);
  const idx = indexSite(site);
  const keys = demoRestrictedKeys(site);
  const restricted = keys.map((k) => idx.byKey.get(k) ?? (undefined as never));

  it('defines one level, whose members are the admin persona and the app, not the team member nor the limited user', () => {
    expect(site.securityLevels).toEqual([{ id: '10100', name: 'DTO leadership only', description: expect.any(String), memberAccountIds: [DEMO_USERS.admin, DEMO_USERS.app] }]);
    expect(site.securityLevels?.[0]).toEqual(DEMO_SECURITY_LEVEL);
    expect(site.securityLevels?.[0]?.memberAccountIds).not.toContain(DEMO_USERS.teamMember);
    expect(site.securityLevels?.[0]?.memberAccountIds).not.toContain(DEMO_USERS.limited);
  });

  it('puts it on 3 to 5 issues: two confidential DTO risks and one work item in PAY and in DIGI, and on nothing else', () => {
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(keys.length).toBeLessThanOrEqual(5);
    expect(restricted.map((i) => `${i.projectKey}:${idx.typeOf(i)}`)).toEqual(['DTO:Risk', 'DTO:Risk', 'PAY:Bug', 'DIGI:Bug']);
    expect(site.issues.filter((i) => i.securityLevelId !== undefined).map((i) => i.key)).toEqual(keys);
    for (const issue of restricted) expect(issue.securityLevelId).toBe(DEMO_SECURITY_LEVEL.id);
  });

  it('hides something from both personas inside projects they browse', () => {
    const teamMember = userOf(site, DEMO_USERS.teamMember);
    const limited = userOf(site, DEMO_USERS.limited);
    expect(restricted.some((i) => i.projectKey !== 'DTO' && browses(teamMember, i.projectKey))).toBe(true);
    expect(restricted.some((i) => i.projectKey !== 'DTO' && i.projectKey !== 'PAY' && browses(limited, i.projectKey))).toBe(true);
    for (const issue of restricted) expect(browses(userOf(site, DEMO_USERS.admin), issue.projectKey) && browses(userOf(site, DEMO_USERS.app), issue.projectKey)).toBe(true);
  });

  it('chooses leaves without links, none of them a flaw or the personas\' own work, so hiding them hides nothing else', () => {
    const flawKeys = new Set(DEMO_FLAWS.map((f) => f.key));
    for (const issue of restricted) {
      expect(flawKeys.has(issue.key)).toBe(false);
      expect(site.issues.some((i) => i.parentKey === issue.key)).toBe(false);
      expect(issue.blocks).toEqual([]);
      expect(site.issues.some((i) => i.blocks.includes(issue.key))).toBe(false);
      for (const persona of [DEMO_USERS.teamMember, DEMO_USERS.limited]) {
        expect(issue.assigneeAccountId).not.toBe(persona);
        expect(issue.reporterAccountId).not.toBe(persona);
      }
    }
  });

  it('the risks chosen are the riskiest open ones', () => {
    const score = (key: string): number => {
      const issue = idx.byKey.get(key);
      const level = (name: string): number => {
        const value = issue?.customFields[idx.fieldId(name)] as { value?: string } | undefined;
        return value?.value === undefined ? 0 : site.fields.find((f) => f.name === name)?.options?.indexOf(value.value) ?? -1;
      };
      return (level('Risk likelihood') + 1) * (level('Risk impact') + 1);
    };
    const openRisks = idx.ofType('Risk').filter((i) => idx.categoryOf(i) !== 'done' && !DEMO_FLAWS.some((f) => f.key === i.key));
    const chosen = keys.filter((k) => k.startsWith('DTO-'));
    const lowestChosen = Math.min(...chosen.map(score));
    for (const risk of openRisks) if (!chosen.includes(risk.key)) expect(score(risk.key)).toBeLessThanOrEqual(lowestChosen);
  });

  it('is applied from the generated data alone, changing nothing but the chosen issues\' level', () => {
    const copy = JSON.parse(JSON.stringify(site)) as SiteData;
    for (const issue of copy.issues) delete issue.securityLevelId;
    delete copy.securityLevels;
    copy.securityLevels = applySecurityLevel(copy.issues);
    expect(JSON.stringify(copy) === JSON.stringify(site)).toBe(true);
  });

  it('the expected model and history leave the restricted issues out for non-members only', () => {
    for (const accountId of [DEMO_USERS.teamMember, DEMO_USERS.limited]) {
      const user = userOf(site, accountId);
      const items = Object.keys(expectedModel(site, accountId).items);
      const projectVisible = site.issues.filter((i) => browses(user, i.projectKey) && !keys.includes(i.key)).map((i) => i.key);
      expect(new Set(items)).toEqual(new Set(projectVisible.filter((k) => items.includes(k))));
      for (const key of keys) expect(items).not.toContain(key);
      const historyKeys = new Set(expectedHistory(site, accountId).history.map((c) => c.key));
      for (const key of keys) expect(historyKeys.has(key)).toBe(false);
    }
    for (const accountId of [DEMO_USERS.admin, DEMO_USERS.app]) {
      const items = Object.keys(expectedModel(site, accountId).items);
      for (const key of keys) expect(items).toContain(key);
      const historyKeys = new Set(expectedHistory(site, accountId).history.map((c) => c.key));
      expect(keys.some((k) => historyKeys.has(k))).toBe(true);
    }
  });
});

describe('the demo site over HTTP: the restricted issues', () => {
  const site = demoSite();
  const keys = demoRestrictedKeys(site);
  const ids = keys.map((k) => Number(site.issues.find((i) => i.key === k)?.id));
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site });
  });
  afterAll(() => t.emulator.close());

  const found = async (accountId: string): Promise<{ search: string[]; get: string[]; bulk: string[]; checked: number[] }> => {
    const user = userOf(site, accountId);
    const search = (await t.call(user, '/rest/api/3/search/jql', { body: { jql: 'issuetype in (Risk, Bug) ORDER BY id', fields: ['key'], maxResults: 5000 } }))
      .json<SearchPage>()
      .issues.map((i) => i.key ?? '')
      .filter((k) => keys.includes(k));
    const get: string[] = [];
    for (const key of keys) if ((await t.call(user, `/rest/api/3/issue/${key}?fields=security`)).status === 200) get.push(key);
    const bulk = (await t.call(user, '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: keys, fields: ['security'] } })).json<{ issues: { key: string }[] }>().issues.map((i) => i.key);
    const grants = (await t.call(user, '/rest/api/3/permissions/check', { body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: ids }] } })).json<{
      projectPermissions: { issues: number[] }[];
    }>();
    return { search, get, bulk, checked: grants.projectPermissions[0]?.issues ?? [] };
  };

  it('are read by the admin persona and the app account, which are members', async () => {
    for (const accountId of [DEMO_USERS.admin, DEMO_USERS.app]) expect(await found(accountId)).toEqual({ search: keys, get: keys, bulk: keys, checked: ids });
    const bean = (await t.call(userOf(site, DEMO_USERS.app), `/rest/api/3/issue/${keys[0] ?? ''}?fields=security`)).json<{ fields: { security: unknown } }>();
    expect(bean.fields.security).toEqual({ self: `${t.emulator.url}/rest/api/3/securitylevel/10100`, id: '10100', name: 'DTO leadership only', description: DEMO_SECURITY_LEVEL.description });
  });

  it('are not read by the team member nor the limited user, though they browse those projects', async () => {
    for (const accountId of [DEMO_USERS.teamMember, DEMO_USERS.limited]) expect(await found(accountId)).toEqual({ search: [], get: [], bulk: [], checked: [] });
  });
});
