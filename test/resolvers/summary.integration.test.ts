import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { formatPercent } from '../../src/domain';
import { PANEL_KEYS, type PageSummaryDto, type ResolverResponse } from '../../src/contract';
import { expectedModel, issueVisibleTo } from '../support/expectedModel';
import { GLOBAL_PAGE, startTestPlatform, testSite } from '../support/platform';

const WHOLE = { scope: { projectKey: null } };

/** Resolver → real @forge/api → HTTP → emulator, as each demo user. */
describe('page summary resolver over HTTP against the Jira emulator', () => {
  let site: SiteData;
  let platform: LocalPlatform;

  beforeAll(async () => {
    site = testSite();
    platform = await startTestPlatform(site);
  });
  afterAll(() => platform.close());
  beforeEach(() => {
    platform.emulator.faults.clear();
    platform.emulator.resetStats();
  });

  const overviewAs = async (accountId: string | undefined, payload: unknown = WHOLE) =>
    (await platform.runtime.invoke({ functionKey: PANEL_KEYS.summary, payload, context: { ...GLOBAL_PAGE, accountId } })) as ResolverResponse<PageSummaryDto>;

  const dataOf = (response: ResolverResponse<PageSummaryDto>): PageSummaryDto => {
    if (!response.success) throw new Error(`${response.error.code}: ${response.error.message}`);
    return response.data;
  };

  it('answers the figures the domain core computes from the same data, reading every page of the search', async () => {
    const overview = dataOf(await overviewAs(DEMO_USERS.admin));
    const expected = expectedModel(site, DEMO_USERS.admin, overview.readAt);
    const root = expected.boxes.root;
    expect(overview.issueCount).toBe(site.issues.length);
    expect(overview.progress.percentText).toBe(formatPercent(root?.progress.ratio ?? NaN));
    expect(overview.teamsConverted).toMatchObject({ converted: root?.teamsConverted.converted, total: root?.teamsConverted.total });
    expect(overview.teamsConverted.total).toBe(40);
    expect(overview.toolset).toEqual(['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports']);

    const searches = platform.emulator.stats().byPath['/rest/api/3/search/jql'] ?? 0;
    // Every page, then one keys-only search that checks nothing changed while the pages were read.
    expect(searches).toBe(Math.ceil(site.issues.length / 100) + 1);
    expect(searches).toBeGreaterThan(1);
    expect(platform.runtime.reports.at(-1)).toMatchObject({ outcome: 'ok', jiraRequests: searches + 2 });
  });

  it('shows a user only what they may browse', async () => {
    const limited = site.users.find((u) => u.accountId === DEMO_USERS.limited);
    if (!limited || limited.browseProjects === '*') throw new Error('the demo must have a user with limited browse rights');
    const visible = site.issues.filter(issueVisibleTo(site, DEMO_USERS.limited));
    const overview = dataOf(await overviewAs(DEMO_USERS.limited));
    const expected = expectedModel(site, DEMO_USERS.limited, overview.readAt).boxes.root;
    expect(overview.issueCount).toBe(visible.length);
    expect(overview.issueCount).toBeLessThan(site.issues.length);
    expect(overview.teamsConverted).toMatchObject({ converted: expected?.teamsConverted.converted, total: expected?.teamsConverted.total });
    expect(overview.progress.percentText).toBe(formatPercent(expected?.progress.ratio ?? NaN));
  });

  it('retries a 429 from Jira after Retry-After and still answers complete figures', async () => {
    const clean = dataOf(await overviewAs(DEMO_USERS.admin));
    platform.emulator.resetStats();
    platform.emulator.faults.add({ method: 'POST', pathPrefix: '/rest/api/3/search/jql', status: 429, retryAfterSeconds: 1, times: 1 });
    const retried = dataOf(await overviewAs(DEMO_USERS.admin));
    expect(retried.progress).toEqual(clean.progress);
    expect(retried.issueCount).toBe(clean.issueCount);
    expect(platform.emulator.stats().byPath['/rest/api/3/search/jql']).toBe(Math.ceil(site.issues.length / 100) + 2);
  });

  it('says clearly when Jira stays unavailable, instead of answering partial figures', async () => {
    platform.emulator.faults.add({ pathPrefix: '/rest/api/3/search/jql', status: 503, times: -1 });
    const response = await overviewAs(DEMO_USERS.admin);
    expect(response).toEqual({ success: false, error: { code: 'JIRA_UNAVAILABLE', message: expect.stringContaining('503') } });
  }, 60_000);

  it('refuses a malformed payload with a message naming the problem', async () => {
    const response = await overviewAs(DEMO_USERS.admin, { scope: { projectKey: 'pay; DROP' } });
    expect(response).toEqual({ success: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('scope.projectKey: must be a Jira project key') } });
    expect(await overviewAs(DEMO_USERS.admin, { scope: { projectKey: null }, extra: 1 })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a caller Forge did not identify', async () => {
    expect(await overviewAs(undefined)).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
  });

  it('fails an unknown resolver key with a clear error and keeps serving the others', async () => {
    await expect(platform.runtime.invoke({ functionKey: 'page/nope', payload: WHOLE, context: { ...GLOBAL_PAGE, accountId: DEMO_USERS.admin } })).rejects.toThrow("Resolver has no definition for 'page/nope'");
    expect((await overviewAs(DEMO_USERS.admin)).success).toBe(true);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__'])('answers the inherited name %s as an unknown key, not as a resolver', async (functionKey) => {
    await expect(platform.runtime.invoke({ functionKey, payload: WHOLE, context: { ...GLOBAL_PAGE, accountId: DEMO_USERS.admin } })).rejects.toThrow(`Resolver has no definition for '${functionKey}'`);
  });
});

describe('field discovery and unexpected values', () => {
  it('maps fields by name whatever their ids, and reports a malformed value as a warning naming the issue', async () => {
    const site = testSite();
    // Another site numbers its custom fields differently: shift every custom field id.
    const renamed = new Map(site.fields.filter((f) => f.custom).map((f, i) => [f.id, `customfield_${20000 + i}`]));
    site.fields = site.fields.map((f) => ({ ...f, id: renamed.get(f.id) ?? f.id, key: renamed.get(f.id) ?? f.key }));
    for (const issue of site.issues) issue.customFields = Object.fromEntries(Object.entries(issue.customFields).map(([id, v]) => [renamed.get(id) ?? id, v]));
    const storyPointsId = site.fields.find((f) => f.name === 'Story point estimate')?.id ?? '';
    const victim = site.issues.find((i) => typeof i.customFields[storyPointsId] === 'number');
    if (!victim) throw new Error('the demo must have story points');
    victim.customFields[storyPointsId] = { unexpected: ['shape'] };

    const platform = await startTestPlatform(site);
    try {
      const response = (await platform.runtime.invoke({ functionKey: PANEL_KEYS.summary, payload: WHOLE, context: { ...GLOBAL_PAGE, accountId: DEMO_USERS.admin } })) as ResolverResponse<PageSummaryDto>;
      if (!response.success) throw new Error(response.error.message);
      const expected = expectedModel(site, DEMO_USERS.admin, response.data.readAt).boxes.root;
      expect(response.data.progress.percentText).toBe(formatPercent(expected?.progress.ratio ?? NaN));
      expect(response.data.teamsConverted.converted).toBe(expected?.teamsConverted.converted);
      expect(response.data.warnings).toContainEqual(expect.objectContaining({ issueKey: victim.key, field: 'storyPoints', code: 'unexpectedFieldValue' }));
    } finally {
      await platform.close();
    }
  });
});
