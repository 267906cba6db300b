import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import { startLocalPlatform, type LocalPlatform } from '../../dev/platform';
import { PANEL_KEYS, type BacklogPageDto, type PageSummaryDto, type ResolverResponse, type RoadmapDto } from '../../src/contract';
import { DEFAULT_CONFIG, formatPercent } from '../../src/domain';
import { JiraDataChangedError } from '../../src/jira/jiraHttp';
import { respond } from '../../src/resolvers/envelope';
import { readTransformation } from '../../src/usecases/readTransformation';
import { scriptedJira } from '../jira/fakeJira';
import { bridgeInvoke } from '../security/bridgeClient';
import { expectedModel } from '../support/expectedModel';
import { GLOBAL_PAGE, startTestPlatform, testSite } from '../support/platform';

const WHOLE = { scope: { projectKey: null } };
const SEARCH = '/rest/api/3/search/jql';
const PAGES_OF = (issues: number) => Math.ceil(issues / 100);

/**
 * The local runtime answers Jira and KVS calls through one global __forge_fetch__, so only one platform may run
 * at a time in a test file: each describe below starts its own and closes it before the next.
 */
async function invokeOn<T>(on: LocalPlatform, functionKey: string, payload: unknown = WHOLE): Promise<ResolverResponse<T>> {
  return (await on.runtime.invoke({ functionKey, payload, context: { ...GLOBAL_PAGE, accountId: DEMO_USERS.admin } })) as ResolverResponse<T>;
}
const summaryOf = (on: LocalPlatform) => invokeOn<PageSummaryDto>(on, PANEL_KEYS.summary);
function dataOf<T>(response: ResolverResponse<T>): T {
  if (!response.success) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.data;
}
/** The figures that must never be wrong. */
const figures = (s: PageSummaryDto) => ({ issueCount: s.issueCount, progress: s.progress, teamsConverted: s.teamsConverted, schedule: s.schedule });

/** Jira failing in the ways Jira fails, through the emulator's faults, the local Forge runtime and the real handler. */
describe('fault injection: each fault ends in a correct answer or a clear error, never a wrong figure', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let clean: PageSummaryDto;

  beforeAll(async () => {
    site = testSite();
    platform = await startTestPlatform(site);
    clean = dataOf(await summaryOf(platform));
  }, 60_000);
  afterAll(() => platform.close());
  beforeEach(() => {
    platform.emulator.faults.clear();
    platform.emulator.resetStats();
  });

  const invoke = <T>(functionKey: string, payload: unknown = WHOLE) => invokeOn<T>(platform, functionKey, payload);
  const summary = () => summaryOf(platform);
  /** Lets `pages` search pages through untouched, then applies `rule` to the next ones. */
  const afterPages = (pages: number, rule: Parameters<LocalPlatform['emulator']['faults']['add']>[0]) => {
    platform.emulator.faults.add({ method: 'POST', pathPrefix: SEARCH, latencyMs: 0, times: pages });
    platform.emulator.faults.add({ method: 'POST', pathPrefix: SEARCH, ...rule });
  };
  const searches = () => platform.emulator.stats().byPath[SEARCH] ?? 0;

  it('the clean read is complete, so the comparisons below mean something', () => {
    expect(clean.issueCount).toBe(site.issues.length);
    expect(PAGES_OF(site.issues.length)).toBeGreaterThan(5);
  });

  it('429 with Retry-After: waits as told, retries, and answers the complete figures', async () => {
    afterPages(3, { status: 429, retryAfterSeconds: 1, times: 1 });
    const started = Date.now();
    const answer = dataOf(await summary());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(figures(answer)).toEqual(figures(clean));
    // Every page once, the refused one twice, and the keys-only check.
    expect(searches()).toBe(PAGES_OF(site.issues.length) + 2);
  });

  it('429 with a Retry-After longer than the page has: the app says when figures will be back, well before Forge would stop it', async () => {
    afterPages(2, { status: 429, retryAfterSeconds: 60, times: -1 });
    const answer = await summary();
    expect(answer).toEqual({ success: false, error: { code: 'JIRA_UNAVAILABLE', message: 'Jira is rate-limiting the app; figures will be back in about 60 s.' } });
    expect(platform.runtime.reports.at(-1)).toMatchObject({ functionKey: PANEL_KEYS.summary, outcome: 'ok' });
    // It did not wait: the refused page was asked once.
    expect(searches()).toBe(3);
  });

  it.each([500, 502, 503, 504])('a passing %i is retried and the answer is complete', async (status) => {
    afterPages(2, { status, retryAfterSeconds: 0, times: 2 });
    const before = searches();
    const answer = dataOf(await summary());
    expect(figures(answer)).toEqual(figures(clean));
    expect(searches() - before).toBeGreaterThanOrEqual(PAGES_OF(site.issues.length) + 2);
  });

  it('a 500 without Retry-After is retried with back-off too', async () => {
    afterPages(1, { status: 500, times: 1 });
    expect(figures(dataOf(await summary()))).toEqual(figures(clean));
  });

  it.each([500, 503])('a %i that does not pass ends in JIRA_UNAVAILABLE for every panel, with no figures at all', async (status) => {
    for (const key of [PANEL_KEYS.summary, PANEL_KEYS.roadmap, PANEL_KEYS.risks, PANEL_KEYS.teams, PANEL_KEYS.backlog]) {
      platform.emulator.faults.clear();
      // Half the issues are read before Jira starts failing: those must not be shown as the whole.
      afterPages(8, { status, retryAfterSeconds: 0, times: -1 });
      const answer = await invoke(key, key === PANEL_KEYS.backlog ? { ...WHOLE, query: {} } : WHOLE);
      expect(answer).toEqual({ success: false, error: { code: 'JIRA_UNAVAILABLE', message: `Jira is busy or unavailable (${status}); try again in a minute.` } });
    }
  });

  it.each([
    ['a search page', 'POST', SEARCH, 4],
    ['the field list', 'GET', '/rest/api/3/field', 0],
    ['the project list', 'GET', '/rest/api/3/project/search', 0],
  ] as const)('truncated JSON in %s is a clear JIRA_ERROR, not a crash, and the next call works', async (_what, method, pathPrefix, pagesFirst) => {
    if (pagesFirst > 0) platform.emulator.faults.add({ method, pathPrefix, latencyMs: 0, times: pagesFirst });
    platform.emulator.faults.add({ method, pathPrefix, malformedBody: true, times: 1 });
    const answer = await summary();
    expect(answer).toEqual({ success: false, error: { code: 'JIRA_ERROR', message: expect.stringMatching(new RegExp(`^Jira's answer to ${pathPrefix} was not in the expected shape: not valid JSON \\(\\d+ characters received\\)$`)) } });
    expect(figures(dataOf(await summary()))).toEqual(figures(clean));
  });

  it('a 404 in the middle of the read (the project gone for this user) is a clear JIRA_ERROR, not a partial answer', async () => {
    afterPages(5, { status: 404, times: 1 });
    const answer = await summary();
    expect(answer).toMatchObject({ success: false, error: { code: 'JIRA_ERROR', message: expect.stringContaining(`Jira answered 404 to ${SEARCH}`) } });
  });

  it('the backlog answers the same total after a retried fault as without one', async () => {
    const query = { ...WHOLE, query: { text: 'payments', pageSize: 5 } };
    const without = dataOf(await invoke<BacklogPageDto>(PANEL_KEYS.backlog, query));
    afterPages(6, { status: 503, retryAfterSeconds: 0, times: 1 });
    expect(dataOf(await invoke<BacklogPageDto>(PANEL_KEYS.backlog, query)).total).toBe(without.total);
  });
});


describe('fault injection: a project deleted while its issues are being read', () => {
  let local: LocalPlatform;
  let localSite: SiteData;

  beforeAll(async () => {
    localSite = testSite();
    local = await startTestPlatform(localSite);
  }, 60_000);
  afterAll(() => local.close());
  beforeEach(() => {
    // The emulator serves this object live: put the whole demo back in it.
    Object.assign(localSite, testSite());
    local.emulator.faults.clear();
    local.emulator.resetStats();
  });

  /** Starts a read, and between search page `page` and the next changes the site as `change` says. */
  async function readWhile(page: number, change: (site: SiteData) => void): Promise<ResolverResponse<PageSummaryDto>> {
    local.emulator.faults.add({ method: 'POST', pathPrefix: SEARCH, latencyMs: 0, times: page });
    local.emulator.faults.add({ method: 'POST', pathPrefix: SEARCH, latencyMs: 400, times: 1 });
    const reading = summaryOf(local);
    // The held request is counted as it arrives and answered after the delay: change the site meanwhile.
    while ((local.emulator.stats().byPath[SEARCH] ?? 0) < page + 1) await new Promise((resolve) => setTimeout(resolve, 10));
    change(localSite);
    return reading;
  }
  /** What a complete read of the site as it is now must show. */
  const expectCorrectForWhatRemains = (answer: PageSummaryDto) => {
    const expected = expectedModel(localSite, DEMO_USERS.admin, answer.readAt).boxes.root;
    expect(answer.issueCount).toBe(localSite.issues.length);
    expect(answer.progress.percentText).toBe(formatPercent(expected?.progress.ratio ?? NaN));
    expect(answer.teamsConverted).toMatchObject({ converted: expected?.teamsConverted.converted, total: expected?.teamsConverted.total });
  };
  const removeCard = (withProject: boolean) => (s: SiteData) => {
    s.issues = s.issues.filter((i) => i.projectKey !== 'CARD');
    if (withProject) s.projects = s.projects.filter((p) => p.key !== 'CARD');
  };

  it('its issues vanish after they were read (the later pages shift): the answer is exactly what remains', async () => {
    // CARD sorts first: its 226 issues fill the first pages, so removing them shifts every later page by 226.
    const before = localSite.issues.length;
    const answer = dataOf(await readWhile(4, removeCard(false)));
    expect(localSite.issues.length).toBeLessThan(before - 200);
    expectCorrectForWhatRemains(answer);
  });

  it('the project itself is deleted: the answer is exactly what remains', async () => {
    const answer = dataOf(await readWhile(4, removeCard(true)));
    expectCorrectForWhatRemains(answer);
    expect(JSON.stringify(answer)).not.toMatch(/CARD-\d+/);
  });

  it('a project deleted before the read is simply not there', async () => {
    localSite.issues = localSite.issues.filter((i) => i.projectKey !== 'HR');
    localSite.projects = localSite.projects.filter((p) => p.key !== 'HR');
    expectCorrectForWhatRemains(dataOf(await summaryOf(local)));
  });

  it('the read costs one keys-only request more than its pages when nothing changes', async () => {
    dataOf(await summaryOf(local));
    expect(local.emulator.stats().byPath[SEARCH]).toBe(PAGES_OF(localSite.issues.length) + 1);
  });
});

describe('fault injection: issues that keep changing while they are read', () => {
  const page = (keys: string[], next: string | null) => ({ status: 200, body: { issues: keys.map((key, n) => ({ id: String(n + 1), key, fields: { summary: key, issuetype: { name: 'Story' }, status: { name: 'Open', statusCategory: { key: 'new' } } } })), ...(next ? { nextPageToken: next, isLast: false } : { isLast: true }) } });
  const keysOnly = (keys: string[]) => ({ status: 200, body: { issues: keys.map((key, n) => ({ id: String(n + 1), key })), isLast: true } });
  const projects = { status: 200, body: { values: [{ id: '1', key: 'A', name: 'A' }], isLast: true } };

  it('after starting over once, answers a clear JIRA_UNAVAILABLE that says so, never the figures of a partial read', async () => {
    const jira = scriptedJira([
      { status: 200, body: [] },
      projects,
      page(['A-1', 'A-2'], 't1'),
      page(['A-4'], null),
      keysOnly(['A-2', 'A-3', 'A-4']),
      projects,
      page(['A-2', 'A-3'], 't2'),
      page(['A-5'], null),
      keysOnly(['A-3', 'A-4', 'A-5']),
    ]);
    const read = readTransformation(jira, DEFAULT_CONFIG, '2026-06-01T00:00:00.000Z');
    await expect(read).rejects.toBeInstanceOf(JiraDataChangedError);
    expect(await respond(() => read)).toEqual({
      success: false,
      error: { code: 'JIRA_UNAVAILABLE', message: expect.stringMatching(/^The issues changed in Jira while they were being read \(1 not read, 1 no longer there\), twice in a row, so no figures are shown/) },
    });
    expect(jira.calls).toHaveLength(9);
  });
});

describe('fault injection: Jira slower than the invocation has', () => {
  let slow: LocalPlatform;
  beforeAll(async () => {
    slow = await startLocalPlatform({
      site: testSite(),
      appAccountId: DEMO_USERS.app,
      switcherAccountIds: [DEMO_USERS.admin],
      kvsFile: path.join(mkdtempSync(path.join(tmpdir(), 'to-kvs-')), 'kvs.json'),
      // Room for a whole live read after the 2 s kept to answer, on a loaded machine.
      invocationTimeoutMs: 6_000,
    });
  }, 60_000);
  afterAll(async () => {
    slow.emulator.faults.clear();
    // Let the abandoned requests finish before the emulator goes.
    await new Promise((resolve) => setTimeout(resolve, 8_500));
    await slow.close();
  }, 20_000);

  it("answers the app's own message before the platform's timeout, through the runtime and the page host, and the next call works", async () => {
    slow.emulator.faults.add({ method: 'POST', pathPrefix: SEARCH, latencyMs: 8_000, times: 2 });
    const tooSlow = { success: false, error: { code: 'JIRA_UNAVAILABLE', message: expect.stringMatching(/^Jira did not answer in time \(\/rest\/api\/3\/search\/jql took longer than the [\d.]+ s left to answer\); try again in a moment\.$/) } };
    expect(await invokeOn(slow, PANEL_KEYS.summary)).toEqual(tooSlow);
    expect(slow.runtime.reports.at(-1)).toMatchObject({ outcome: 'ok', functionKey: PANEL_KEYS.summary });

    const bridge = await bridgeInvoke(slow.host.url, DEMO_USERS.admin, { module: 'global' }, PANEL_KEYS.roadmap, WHOLE);
    expect(bridge).toEqual({ ok: true, result: tooSlow });

    expect((await invokeOn<RoadmapDto>(slow, PANEL_KEYS.roadmap)).success).toBe(true);
  }, 40_000);
});
