import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS, demoRestrictedKeys, generateDemoSite } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import { startLocalPlatform, type LocalPlatform } from '../../dev/platform';
import type { InvocationReport } from '../../dev/runtime/runtime';
import { PANEL_KEYS, REPORT_KEYS, type BacklogPageDto, type OverviewDto, type PageSummaryDto, type ResolverResponse, type RiskMatrixDto, type RoadmapDto, type TeamsConvertedPanelDto, type WeeklyReportDto } from '../../src/contract';
import { SNAPSHOT_KEYS } from '../../src/storage/snapshot/snapshotStore';
import { GLOBAL_PAGE, TEST_ANCHOR } from '../support/platform';

const WHOLE = { projectKey: null };
const PAGE = 100;
const projectPage = (key: string) => ({ moduleKey: 'transformation-office-project', extension: { type: 'jira:projectPage', project: { key, id: '1', type: 'software' } } });

/** The snapshot end to end on the local platform: Forge triggers, the queue consumer, and the pages served from it. */
describe('pages served from the event-fed snapshot', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  const live = new Map<string, PageSummaryDto>();
  /** A period the demo's history covers, the same for the live read and the snapshot. */
  const REPORT_PERIOD = { from: '2026-04-01', to: '2026-05-31' };

  beforeAll(async () => {
    site = generateDemoSite({ seed: 7, anchorDate: TEST_ANCHOR });
    platform = await startLocalPlatform({
      site,
      appAccountId: DEMO_USERS.app,
      switcherAccountIds: [DEMO_USERS.admin],
      kvsFile: path.join(mkdtempSync(path.join(tmpdir(), 'to-kvs-')), 'kvs.json'),
      events: 'manual',
    });
  });
  afterAll(() => platform.close());

  async function call<T>(functionKey: string, payload: unknown, accountId: string = DEMO_USERS.admin, context: object = GLOBAL_PAGE): Promise<{ data: T; report: InvocationReport }> {
    const response = (await platform.runtime.invoke({ functionKey, payload, context: { ...(context as typeof GLOBAL_PAGE), accountId } })) as ResolverResponse<T>;
    if (!response.success) throw new Error(`${response.error.code}: ${response.error.message}`);
    const report = platform.runtime.reports.filter((r) => r.kind === 'resolver').at(-1);
    if (!report) throw new Error('no report');
    return { data: response.data, report };
  }
  /** Lets triggers fired by emulator writes run, then delivers every queued event. */
  const settle = async () => {
    await platform.runtime.idle();
    await platform.runtime.events.drain();
    await platform.runtime.idle();
  };
  /** Jira requests of the background invocations since then: the snapshot's (build, sync), or reading the changelogs. */
  const HISTORY_WORKER = 'history-worker';
  const backgroundRequests = (since: number, of: 'snapshot' | 'history' = 'snapshot') =>
    platform.runtime.reports
      .slice(since)
      .filter((r) => r.kind !== 'resolver' && (r.moduleKey === HISTORY_WORKER) === (of === 'history'))
      .reduce((sum, r) => sum + r.jiraRequests, 0);
  // The live read takes issues in key order, the snapshot in id order: the ratio may differ in its last binary digit.
  const figures = (s: PageSummaryDto) => ({ progress: s.progress.percentText, ratio: s.progress.ratio.toFixed(12), teams: s.teamsConverted, schedule: s.schedule, issueCount: s.issueCount, warnings: s.warningCount });

  it('before the first build, reads live and says why', async () => {
    for (const user of [DEMO_USERS.admin, DEMO_USERS.limited, DEMO_USERS.teamMember]) {
      const { data } = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: WHOLE }, user);
      expect(data.source).toMatchObject({ kind: 'live', note: expect.stringContaining('not built yet') });
      live.set(user, data);
    }
    live.set('PAY', (await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: 'PAY' } }, DEMO_USERS.teamMember, projectPage('PAY'))).data);
  });

  it('the install event builds the snapshot with about one Jira request per 100 issues', async () => {
    const since = platform.runtime.reports.length;
    await platform.install();
    await settle();
    const background = platform.runtime.reports.slice(since);
    expect(background.every((r) => r.outcome === 'ok')).toBe(true);
    // Delivered as Forge documents it (no eventType) to the lifecycle trigger, which started the build.
    expect(background).toContainEqual(expect.objectContaining({ kind: 'trigger', moduleKey: 'app-lifecycle-events', outcome: 'ok' }));
    expect(background.some((r) => r.kind === 'consumer')).toBe(true);
    expect(backgroundRequests(since)).toBeLessThanOrEqual(Math.ceil(site.issues.length / PAGE) + 5);
    expect(platform.runtime.events.failed).toEqual([]);
    // Then, on a queue of its own, the changelogs the reports read: one bulk request per 1,000 issues and its pages.
    expect(background.some((r) => r.moduleKey === HISTORY_WORKER && r.outcome === 'ok')).toBe(true);
    const entries = site.issues.reduce((sum, issue) => sum + issue.changelog.length, 0);
    expect(backgroundRequests(since, 'history')).toBeLessThanOrEqual(Math.ceil(site.issues.length / 1000) + Math.ceil(entries / 1000));
  });

  it('then serves every user the same figures the live read gave them, with one Jira request per page load', async () => {
    for (const user of [DEMO_USERS.admin, DEMO_USERS.limited, DEMO_USERS.teamMember]) {
      const { data, report } = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: WHOLE }, user);
      expect(data.source.kind).toBe('snapshot');
      expect(report.jiraRequests).toBeLessThanOrEqual(3);
      // The issues come from Forge SQL (reported per invocation); KVS serves only the small head.
      expect(report.sqlRequests).toBeGreaterThan(0);
      expect(report.sqlResponseBytes).toBeGreaterThan(0);
      expect(report.kvsReadUnits).toBeLessThanOrEqual(5);
      expect(figures(data)).toEqual(figures(live.get(user) as PageSummaryDto));
      expect(data.source.rowsHidden).toBe(user !== DEMO_USERS.admin);
      // The admin may see every issue: the page figures the build left serve them (restricted ids, one row, one count).
      if (user === DEMO_USERS.admin) expect({ queries: report.sqlRequests, under10KB: report.sqlResponseBytes < 10_000 }).toEqual({ queries: 3, under10KB: true });
      else expect(report.sqlResponseBytes).toBeGreaterThan(100_000);
      // So does a backlog page: the scope's row, its facets, the page's rows and their count.
      const backlog = await call<BacklogPageDto>(PANEL_KEYS.backlog, { scope: WHOLE, query: { page: 1, pageSize: 50 } }, user);
      expect(backlog.data.items).toHaveLength(50);
      if (user === DEMO_USERS.admin) expect({ queries: backlog.report.sqlRequests, under100KB: backlog.report.sqlResponseBytes < 100_000 }).toEqual({ queries: 5, under100KB: true });
      // And the risk matrix (the scope's row and its stored matrix), and the roadmap's default window: its rows,
      // milestones, dependencies, undated rows and time axis.
      const risks = await call<RiskMatrixDto>(PANEL_KEYS.risks, { scope: WHOLE }, user);
      expect(risks.data.risks.length).toBeGreaterThan(0);
      if (user === DEMO_USERS.admin) expect(risks.report.sqlRequests).toBe(3);
      // The Overview without a baseline: the scope's row and its stored rows, the day's schedule worked out on them.
      const overview = await call<OverviewDto>(PANEL_KEYS.overview, { scope: WHOLE }, user);
      expect(overview.data.rows.length).toBeGreaterThan(5);
      if (user === DEMO_USERS.admin) expect({ queries: overview.report.sqlRequests, under100KB: overview.report.sqlResponseBytes < 100_000 }).toEqual({ queries: 3, under100KB: true });
      // Teams converted: the scope's row, its stored rows and teams, and the teams' stage changes from the changelog rows.
      const teams = await call<TeamsConvertedPanelDto>(PANEL_KEYS.teams, { scope: WHOLE }, user);
      expect(teams.data.historySource).toBe('changelog');
      if (user === DEMO_USERS.admin) expect({ queries: teams.report.sqlRequests, jira: teams.report.jiraRequests, under100KB: teams.report.sqlResponseBytes < 100_000 }).toEqual({ queries: 4, jira: 1, under100KB: true });
      const roadmap = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: WHOLE }, user);
      expect(roadmap.data.rows.length).toBeGreaterThan(10);
      if (user === DEMO_USERS.admin) expect({ queries: roadmap.report.sqlRequests, under500KB: roadmap.report.sqlResponseBytes < 500_000 }).toEqual({ queries: 7, under500KB: true });
    }
  });

  it('answers the reports of this week from the report figures stored with the page figures: one document each', async () => {
    for (const user of [DEMO_USERS.admin, DEMO_USERS.limited]) {
      // The limited viewer's first load reads in full and asks for their class's figures, then the reports with them.
      await call<unknown>(REPORT_KEYS.weekly, { scope: WHOLE }, user);
      await settle();
      for (const key of Object.values(REPORT_KEYS)) {
        const { report } = await call<unknown>(key, { scope: WHOLE }, user);
        // The restricted ids, the scope's row, its stored report; no Jira request but the permission check.
        expect({ key, queries: report.sqlRequests, under500KB: report.sqlResponseBytes < 500_000, jira: report.jiraRequests }).toEqual({ key, queries: 3, under500KB: true, jira: 1 });
      }
    }
    // Another period is read in full, as before: every issue row and the history of the scope.
    const other = await call<WeeklyReportDto>(REPORT_KEYS.weekly, { scope: WHOLE, period: REPORT_PERIOD });
    expect(other.data.period).toEqual(REPORT_PERIOD);
    expect(other.report.sqlResponseBytes).toBeGreaterThan(100_000);
  });

  it('gives a viewer who may not see every issue page figures of their own once their first page load asked for them', async () => {
    for (const user of [DEMO_USERS.limited, DEMO_USERS.teamMember]) {
      const first = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: WHOLE }, user);
      await settle();
      const again = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: WHOLE }, user);
      expect(again.data).toEqual(first.data);
      expect(again.data.source.rowsHidden).toBe(true);
      expect({ queries: again.report.sqlRequests, under10KB: again.report.sqlResponseBytes < 10_000 }).toEqual({ queries: 3, under10KB: true });
    }
  });

  /** Every report for these users, once from the snapshot's changelog rows and once (their state set aside) from Jira's changelogs. */
  async function reportsBothWays(users: string[], period: { from: string; to: string } | undefined) {
    const reports = async () => {
      const out = new Map<string, { data: unknown; requests: number }>();
      for (const user of users) {
        for (const key of Object.values(REPORT_KEYS)) {
          const { data, report } = await call<unknown>(key, { scope: WHOLE, ...(period ? { period } : {}) }, user);
          out.set(`${user} ${key}`, { data, requests: report.jiraRequests });
        }
      }
      return out;
    };
    // The reports stored with the page figures are set aside as well: both ways are full reads.
    const stored = await platform.runtime.kvs.handle('/api/v1/query', { limit: 20, where: [{ property: 'key', condition: 'BEGINS_WITH', values: [SNAPSHOT_KEYS.reportsPrefix] }] });
    const records = (stored.body as { data?: { key: string; value: unknown }[] }).data ?? [];
    for (const { key } of records) await platform.runtime.kvs.handle('/api/v1/delete', { key });
    const fromRows = await reports();
    const state = (await platform.runtime.kvs.handle('/api/v1/get', { key: SNAPSHOT_KEYS.history })).body as { value: unknown };
    expect(state.value).toMatchObject({ done: true });
    await platform.runtime.kvs.handle('/api/v1/delete', { key: SNAPSHOT_KEYS.history });
    const fromJira = await reports();
    await platform.runtime.kvs.handle('/api/v1/set', { key: SNAPSHOT_KEYS.history, value: state.value });
    for (const { key, value } of records) await platform.runtime.kvs.handle('/api/v1/set', { key, value });
    return { fromRows, fromJira };
  }

  it("then answers every report from the snapshot's changelog rows, as from Jira's changelogs, asking Jira for none", async () => {
    const { fromRows, fromJira } = await reportsBothWays([DEMO_USERS.admin, DEMO_USERS.limited], REPORT_PERIOD);
    for (const [report, rows] of fromRows) {
      const jira = fromJira.get(report);
      expect([report, rows.data]).toEqual([report, jira?.data]);
      // The permission check and the status categories; no changelog.
      expect(rows.requests).toBeLessThanOrEqual(2);
      expect(jira?.requests).toBeGreaterThan(rows.requests);
    }
  });

  it('leaves out, for a user outside an issue security level, the restricted issues of projects they may browse', async () => {
    const restricted = demoRestrictedKeys(site);
    const search = async (user: string) => {
      const found = new Set<string>();
      for (const key of restricted) {
        const { data } = await call<BacklogPageDto>(PANEL_KEYS.backlog, { scope: WHOLE, query: { text: key } }, user);
        if (data.items.some((i) => i.key === key)) found.add(key);
      }
      return found;
    };
    const forAdmin = await search(DEMO_USERS.admin);
    const forLimited = await search(DEMO_USERS.limited);
    const limitedBrowses = site.issues.filter((i) => restricted.includes(i.key) && !['HR', 'OPS'].includes(i.projectKey)).map((i) => i.key);
    expect(limitedBrowses.length).toBeGreaterThan(0);
    // The admin is a member of the level; the limited user browses some of those projects but is not.
    expect([...forAdmin].sort()).toEqual([...restricted].sort());
    expect([...forLimited]).toEqual([]);
  });

  it('a project page from the snapshot shows its project, and nothing of a project the user may not browse', async () => {
    const { data } = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: 'PAY' } }, DEMO_USERS.teamMember, projectPage('PAY'));
    expect(data.source.kind).toBe('snapshot');
    expect(figures(data)).toEqual(figures(live.get('PAY') as PageSummaryDto));
    expect(data.issueCount).toBeGreaterThan(0);
    const hidden = (await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: 'HR' } }, DEMO_USERS.teamMember, projectPage('HR'))).data;
    expect(hidden).toMatchObject({ issueCount: 0, source: { kind: 'snapshot', rowsHidden: true } });
    expect(hidden.progress.ratio).toBe(0);
  });

  it('issue changes in Jira reach the pages through the triggers, in one bulk fetch per 100 changed issues', async () => {
    const before = (await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: WHOLE })).data;
    const storyType = site.issueTypes.find((t) => t.name === 'Story')?.id;
    const stories = site.issues.filter((i) => i.projectKey === 'PAY' && i.issueTypeId === storyType).slice(0, 5);
    const since = platform.runtime.reports.length;
    for (const [n, story] of stories.slice(0, 4).entries()) await platform.emulator.issues.update(story.key, { summary: `Snapshot rename ${n}` });
    const gone = stories[4];
    if (!gone) throw new Error('demo site too small');
    const countBefore = site.issues.length;
    await platform.emulator.issues.delete(gone.key);
    // Jira deletes an issue's sub-tasks with it, each with its own event.
    const deleted = countBefore - site.issues.length;
    await settle();
    const triggers = platform.runtime.reports.slice(since).filter((r) => r.kind === 'trigger');
    expect(triggers).toHaveLength(4 + deleted);
    expect(triggers.every((r) => r.jiraRequests === 0)).toBe(true);
    expect(backgroundRequests(since)).toBeLessThanOrEqual(Math.ceil(5 / PAGE) + 2);

    const after = (await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: WHOLE })).data;
    expect(after.issueCount).toBe(before.issueCount - deleted);
    const found = (await call<BacklogPageDto>(PANEL_KEYS.backlog, { scope: WHOLE, query: { text: 'Snapshot rename' } })).data;
    expect(found.items.map((i) => i.key).sort()).toEqual(stories.slice(0, 4).map((s) => s.key).sort());
  });

  it("keeps the changelog rows current: this week's transitions show in the reports as Jira's changelogs show them", async () => {
    const doneCategory = new Set(site.statuses.filter((st) => st.categoryKey === 'done').map((st) => st.id));
    const open = site.issues.filter((i) => i.projectKey === 'CARD' && !doneCategory.has(i.statusId)).slice(0, 3);
    expect(open).toHaveLength(3);
    for (const issue of open) platform.emulator.issues.update(issue.key, { status: { name: 'Done' } });
    await settle();
    // The default period is the week to today, which holds the transitions just made.
    const { fromRows, fromJira } = await reportsBothWays([DEMO_USERS.admin], undefined);
    const weekly = `${DEMO_USERS.admin} ${REPORT_KEYS.weekly}`;
    expect(JSON.stringify(fromRows.get(weekly)?.data)).toContain(open[0]?.key);
    for (const [report, rows] of fromRows) expect([report, rows.data]).toEqual([report, fromJira.get(report)?.data]);
  });
});
