// The harness must be imported before @forge/kvs: it routes the real package to a local store.
import { useSql, useStore } from '../../dev/kvs/harness';

import { sql } from '@forge/sql';
import { ISSUE_TYPE } from '../../../dev/demo/catalog';
import { DEMO_USERS } from '../../../dev/demo/generate';
import { startEmulator, type RunningEmulator } from '../../../dev/emulator';
import type { SiteData } from '../../../dev/emulator/siteData';
import fc from 'fast-check';
import { backlogPage, DEFAULT_CONFIG, riskMatrix, roadmap, type BacklogQuery, type TransformationConfig } from '../../../src/domain';
import { pageSummary } from '../../../src/usecases/pageSummary';
import { readScope, type ScopeRequest } from '../../../src/usecases/readScope';
import { runBuildStep, startFullBuild } from '../../../src/usecases/snapshot/fullBuild';
import { readFiguresState } from '../../../src/usecases/snapshot/figuresClasses';
import { computePageFigures, summaryFromFigures } from '../../../src/usecases/snapshot/pageFigures';
import { backlogFromFigures, overviewFromFigures, riskMatrixFromFigures, teamsFromFigures } from '../../../src/usecases/snapshot/panelFigures';
import { readHead } from '../../../src/storage/snapshot/snapshotStore';
import { runHistoryStep, startHistory } from '../../../src/usecases/snapshot/history';
import { teamsPanel } from '../../../src/usecases/teamsPanel';
import { FULL_READ_LIMIT, SnapshotNotReadyError } from '../../../src/usecases/snapshot/notReady';
import { overviewPanel } from '../../../src/usecases/overviewPanel';
import { recordIssueEvent, syncPending } from '../../../src/usecases/snapshot/sync';
import { roadmapFromFigures } from '../../../src/usecases/snapshot/roadmapFigures';
import { roadmapPanel } from '../../../src/usecases/roadmapPanel';
import { emulatorJira } from '../../support/emulatorJira';
import { everyPageScope } from '../../support/pageScopes';
import { testSite } from '../../support/platform';

const NOW = new Date('2026-03-10T09:30:00Z');
const clock = () => NOW;

async function build(emulator: RunningEmulator, site: SiteData): Promise<void> {
  const jira = emulatorJira(emulator.url, site, DEMO_USERS.app);
  const { state } = await startFullBuild(jira, DEFAULT_CONFIG, NOW);
  while ((await runBuildStep(jira, state.buildId, { maxPages: 1000, deadline: Date.now() + 60_000, now: clock })) !== 'finished');
}

/** The summary a page gets from the viewer's issues read in full: what the stored figures must equal. */
async function inFull(emulator: RunningEmulator, site: SiteData, accountId: string, request: ScopeRequest, now = NOW, config: TransformationConfig = DEFAULT_CONFIG) {
  const read = await readScope(emulatorJira(emulator.url, site, accountId), config, request, now);
  return pageSummary(read, config, request.projectKey);
}

async function fromFigures(emulator: RunningEmulator, site: SiteData, accountId: string, request: ScopeRequest, now = NOW, config: TransformationConfig = DEFAULT_CONFIG) {
  return summaryFromFigures(emulatorJira(emulator.url, site, accountId), config, request, now);
}

const figureRows = async (): Promise<number> => Number((await sql.prepare<{ n: number }>('SELECT COUNT(DISTINCT figures_id) AS n FROM page_figures').execute()).rows[0]?.n ?? -1);

describe('page figures: every page\'s top row computed once per head, served to viewers who may see every issue', () => {
  let site: SiteData;
  let emulator: RunningEmulator;

  beforeEach(async () => {
    useStore();
    await useSql();
    site = testSite();
    emulator = await startEmulator({ site });
    await build(emulator, site);
  });
  afterEach(() => emulator.close());

  it('equals the summary read in full on the whole, every project\'s page and every box\'s page, on two days', async () => {
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    const whole = await readScope(emulatorJira(emulator.url, site, DEMO_USERS.admin), DEFAULT_CONFIG, { projectKey: null }, NOW);
    const requests = everyPageScope(site, Object.keys(whole.model.boxes));
    expect(requests.length).toBeGreaterThan(20);
    // Every scope today, the pages without a box on a later day (when more is late); paced under Forge SQL's 150 requests a second.
    const later = requests.filter((request) => request.boxId === undefined);
    for (const [day, scopes] of [[NOW, requests], [new Date('2027-01-01T00:00:00Z'), later]] as const) {
      for (const request of scopes) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        const answer = await fromFigures(emulator, site, DEMO_USERS.admin, request, day);
        if (answer.kind !== 'answer') throw new Error(`no figures for ${JSON.stringify(request)}`);
        expect({ request, summary: answer.answer }).toEqual({ request, summary: await inFull(emulator, site, DEMO_USERS.admin, request, day) });
      }
    }
  });

  it('answers the risk matrix of the whole, every project and every box as the risk matrix read in full does', async () => {
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    const admin = emulatorJira(emulator.url, site, DEMO_USERS.admin);
    const whole = await readScope(admin, DEFAULT_CONFIG, { projectKey: null }, NOW);
    const requests = everyPageScope(site, Object.keys(whole.model.boxes));
    let withRisks = 0;
    for (const request of requests) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const answer = await riskMatrixFromFigures(admin, DEFAULT_CONFIG, request, NOW);
      if (answer.kind !== 'answer') throw new Error(`no figures for ${JSON.stringify(request)}`);
      const read = await readScope(admin, DEFAULT_CONFIG, request, NOW);
      const expected = riskMatrix(read.model, DEFAULT_CONFIG, read.scope);
      expect({ request, matrix: answer.answer }).toEqual({ request, matrix: expected });
      if (expected.risks.length > 0) withRisks += 1;
    }
    expect(withRisks).toBeGreaterThan(5);
  });

  it('answers the Overview of the whole, every project and every box as the Overview read in full does, on two days', async () => {
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    const admin = emulatorJira(emulator.url, site, DEMO_USERS.admin);
    const whole = await readScope(admin, DEFAULT_CONFIG, { projectKey: null }, NOW);
    const requests = everyPageScope(site, Object.keys(whole.model.boxes));
    const schedules = new Set<string>();
    // The later day is past most due dates: rows on track on the first are late on the second.
    for (const day of [NOW, new Date('2027-06-01T08:00:00Z')]) {
      for (const request of requests) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        const answer = await overviewFromFigures(admin, DEFAULT_CONFIG, request, day);
        if (answer.kind !== 'answer') throw new Error(`no figures for ${JSON.stringify(request)}`);
        const expected = await overviewPanel(await readScope(admin, DEFAULT_CONFIG, request, day), undefined);
        expect({ request, overview: answer.answer }).toEqual({ request, overview: expected });
        for (const row of answer.answer.rows) schedules.add(row.schedule);
      }
    }
    expect([...schedules].sort()).toEqual(['done', 'late', 'onTrack']);
  });

  it('answers teams converted of the whole, every project and every box as the panel read in full from Jira does, once the changelog rows are read', async () => {
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    const admin = emulatorJira(emulator.url, site, DEMO_USERS.admin);
    // Until the snapshot's changelog rows are complete, the stage history comes from Jira (the full read).
    expect((await teamsFromFigures(admin, DEFAULT_CONFIG, { projectKey: null }, NOW)).kind).toBe('readInFull');
    const head = await readHead();
    if (!head) throw new Error('no head');
    await startHistory(head.buildId, NOW);
    while ((await runHistoryStep(emulatorJira(emulator.url, site, DEMO_USERS.app), head.buildId, { deadline: Date.now() + 60_000, now: clock })) !== 'finished');
    // Reading the changelogs wrote many rows just now: a second for Forge SQL's 150 requests a second to allow more.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const whole = await readScope(admin, DEFAULT_CONFIG, { projectKey: null }, NOW);
    const requests = everyPageScope(site, Object.keys(whole.model.boxes));
    let withHistory = 0;
    for (const request of requests) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const answer = await teamsFromFigures(admin, DEFAULT_CONFIG, request, NOW);
      if (answer.kind !== 'answer') throw new Error(`no figures for ${JSON.stringify(request)}`);
      const read = await readScope(admin, DEFAULT_CONFIG, request, NOW);
      expect({ request, teams: answer.answer }).toEqual({ request, teams: await teamsPanel(admin, read, DEFAULT_CONFIG) });
      if (new Set(answer.answer.history.map((point) => point.converted)).size > 1) withHistory += 1;
    }
    // The conversion changed over the year in several scopes: the stage changes were read, not only today's stages.
    expect(withHistory).toBeGreaterThan(3);
  });

  it('answers backlog pages (search, filters, drills, every sort, paging) as the backlog read in full does', async () => {
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    const admin = emulatorJira(emulator.url, site, DEMO_USERS.admin);
    const projects = [...new Set(site.issues.map((issue) => issue.projectKey))];
    const words = [...new Set(site.issues.flatMap((issue) => issue.summary.split(/\s+/)).filter((w) => w.length > 3))].slice(0, 40);
    const types = [...new Set(Object.values((await readScope(admin, DEFAULT_CONFIG, { projectKey: null }, NOW)).model.items).map((item) => String(item.issueType)))];
    const scopes = fc.oneof(fc.constant({ projectKey: null }), fc.constantFrom(...projects).map((projectKey) => ({ projectKey })));
    // Each filter in about one query of four, so most pages have rows and every filter still meets the others.
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
    const queries: fc.Arbitrary<BacklogQuery> = fc
      .record({
        text: maybe(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...words).map((w) => ` ${w.slice(0, 3).toUpperCase()}  ${w.slice(1)} `), fc.constantFrom('-1', 'zzz-none'))),
        type: maybe(fc.oneof(fc.constantFrom(...types), fc.constantFrom(...types).map((t) => `  ${t.toUpperCase()} `), fc.constant('  '))),
        statusCategory: maybe(fc.constantFrom('new' as const, 'indeterminate' as const, 'done' as const)),
        riskBand: maybe(fc.constantFrom('low' as const, 'medium' as const, 'high' as const, 'critical' as const)),
        drill: maybe(fc.constantFrom('late' as const, 'risks' as const, 'milestones' as const)),
        sort: fc.option(fc.record({ column: fc.constantFrom('key' as const, 'summary' as const, 'type' as const, 'status' as const, 'assignee' as const, 'labels' as const, 'box' as const, 'start' as const, 'due' as const, 'storyPoints' as const, 'riskBand' as const, 'schedule' as const), direction: fc.constantFrom('asc' as const, 'desc' as const) }), { nil: undefined, freq: 5 }),
        page: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 }),
        pageSize: fc.integer({ min: 1, max: 60 }),
      })
      .map((query) => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as BacklogQuery);
    const cases = fc.sample(fc.tuple(scopes, queries, fc.integer({ min: 0, max: 4 }).map((n) => n === 0), fc.nat()), { numRuns: 160, seed: 4242 });
    let withRows = 0;
    for (const [request, query, inBox, pick] of cases) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const read = await readScope(admin, DEFAULT_CONFIG, request, NOW);
      const boxes = [...read.scope.boxIds];
      const asked: BacklogQuery = inBox && boxes.length > 0 ? { ...query, boxId: boxes[pick % boxes.length] } : query;
      const answer = await backlogFromFigures(admin, DEFAULT_CONFIG, request, asked, NOW);
      if (answer.kind !== 'answer') throw new Error(`no figures for ${JSON.stringify([request, asked])}`);
      const expected = backlogPage(read.model, DEFAULT_CONFIG, read.scope, asked, read.today);
      expect({ request, asked, page: answer.answer }).toEqual({ request, asked, page: expected });
      if (expected.items.length > 0) withRows += 1;
    }
    // The sample must reach pages with rows, not only empty ones.
    expect(withRows).toBeGreaterThan(cases.length / 4);
  });

  it('answers roadmap windows of the whole and of every box, collapsed or not, as the roadmap read in full does', async () => {
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    const admin = emulatorJira(emulator.url, site, DEMO_USERS.admin);
    const whole = await readScope(admin, DEFAULT_CONFIG, { projectKey: null }, NOW);
    const rowIds = roadmap(whole.model, DEFAULT_CONFIG, whole.scope, whole.today).rows.filter((row) => row.hasChildren).map((row) => row.id);
    const boxIds = Object.keys(whole.model.boxes);
    const cases = fc.sample(
      fc.record({
        boxId: fc.option(fc.constantFrom(...boxIds), { nil: undefined, freq: 3 }),
        collapsed: fc.oneof(fc.constant([] as string[]), fc.subarray(rowIds, { maxLength: 12 }), fc.constant(rowIds)),
        offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 })),
        limit: fc.oneof(fc.constant(300), fc.integer({ min: 1, max: 40 })),
        day: fc.constantFrom(NOW, new Date('2027-01-01T00:00:00Z')),
      }),
      { numRuns: 120, seed: 2026 },
    );
    for (const { boxId, collapsed, offset, limit, day } of cases) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const request: ScopeRequest = boxId === undefined ? { projectKey: null } : { projectKey: null, boxId };
      const collapse = { kind: 'listed' as const, ids: new Set(collapsed) };
      const answer = await roadmapFromFigures(admin, DEFAULT_CONFIG, request, { offset, limit }, collapse, undefined, day);
      if (answer.kind !== 'answer') throw new Error(`no figures for ${JSON.stringify(request)}`);
      const read = await readScope(admin, DEFAULT_CONFIG, request, day);
      const expected = await roadmapPanel(read, { offset, limit }, collapse, undefined);
      expect({ request, collapsed, offset, limit, window: answer.answer }).toEqual({ request, collapsed, offset, limit, window: expected });
    }
  });

  it('computes, once a page asks, the figures of a viewer who may not see every issue: equal to their own full read', async () => {
    await computePageFigures(DEFAULT_CONFIG, NOW);
    for (const viewer of [DEMO_USERS.limited, DEMO_USERS.teamMember]) {
      const jira = emulatorJira(emulator.url, site, viewer);
      const asked: string[] = [];
      const queue = async (classKey: string) => void asked.push(classKey);
      const first = await summaryFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, NOW, queue);
      if (first.kind !== 'readInFull' || first.prior?.check === undefined) throw new Error('expected a full read with the check');
      // The page reads in full meanwhile, with the one permission check already made.
      const read = await readScope(jira, DEFAULT_CONFIG, { projectKey: null }, NOW, first.prior);
      expect(jira.requests).toBe(1);
      const expected = pageSummary(read, DEFAULT_CONFIG, null);
      expect(expected.hiddenBecause.length).toBeGreaterThan(0);
      expect(asked).toHaveLength(1);
      // Asked once a minute at most, however many pages load meanwhile.
      await summaryFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, NOW, queue);
      expect(asked).toHaveLength(1);
      expect(await computePageFigures(DEFAULT_CONFIG, NOW, asked[0])).toBe('computed');
      const served = await summaryFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, NOW, queue);
      if (served.kind !== 'answer') throw new Error(`no figures for ${viewer}'s class`);
      expect(served.answer).toEqual(expected);
      const backlog = await backlogFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, { sort: { column: 'key', direction: 'asc' }, pageSize: 200 }, NOW, queue);
      if (backlog.kind !== 'answer') throw new Error('no backlog figures');
      expect(backlog.answer).toEqual(backlogPage(read.model, DEFAULT_CONFIG, read.scope, { sort: { column: 'key', direction: 'asc' }, pageSize: 200 }, read.today));
      const risks = await riskMatrixFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, NOW, queue);
      if (risks.kind !== 'answer') throw new Error('no risk figures');
      expect(risks.answer).toEqual(riskMatrix(read.model, DEFAULT_CONFIG, read.scope));
    }
    // The admin's figures were left alone by the other classes'.
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null })).kind).toBe('answer');
    // A class no page asked for in a day loses its figures when any figures are next computed (here: new settings).
    expect(await figureRows()).toBe(3);
    const renamed: TransformationConfig = { ...DEFAULT_CONFIG, name: 'Renamed' };
    expect(await computePageFigures(renamed, new Date(NOW.getTime() + 2 * 86_400_000), 'all')).toBe('computed');
    expect(await figureRows()).toBe(2);
  });

  it('is not used for a head it was not computed for: after a sync, until computed again, then shows the change', async () => {
    await computePageFigures(DEFAULT_CONFIG, NOW);
    const before = await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null });
    const story = site.issues.find((issue) => issue.issueTypeId === ISSUE_TYPE.story.id && issue.parentKey !== null);
    if (!story || before.kind !== 'answer') throw new Error('fixture');
    await emulator.issues.delete(story.key);
    await recordIssueEvent({ eventType: 'avi:jira:deleted:issue', issue: { id: story.id, key: story.key } }, NOW, async () => undefined);
    await syncPending(emulatorJira(emulator.url, site, DEMO_USERS.app), clock);
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null })).kind).toBe('readInFull');
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('current');
    const after = await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null });
    if (after.kind !== 'answer') throw new Error('no figures after computing them again');
    expect(after.answer).toEqual(await inFull(emulator, site, DEMO_USERS.admin, { projectKey: null }));
    expect(after.answer.issueCount).toBe(before.answer.issueCount - 1);
    // The figures before the last are kept for a page that read their state just then; older ones are gone.
    expect(await figureRows()).toBe(2);
  });

  describe('on a snapshot too large to read in full', () => {
    const usual = FULL_READ_LIMIT.maxIssues;
    beforeEach(() => {
      FULL_READ_LIMIT.maxIssues = 100; // the test site has more
    });
    afterEach(() => {
      FULL_READ_LIMIT.maxIssues = usual;
    });

    it('serves the previous figures, as of their own head, after a sync until the new ones are in; a full read says why not', async () => {
      await computePageFigures(DEFAULT_CONFIG, NOW);
      const admin = emulatorJira(emulator.url, site, DEMO_USERS.admin);
      const before = await summaryFromFigures(admin, DEFAULT_CONFIG, { projectKey: null }, NOW);
      const story = site.issues.find((issue) => issue.issueTypeId === ISSUE_TYPE.story.id && issue.parentKey !== null);
      if (!story || before.kind !== 'answer') throw new Error('fixture');
      await emulator.issues.delete(story.key);
      const later = new Date(NOW.getTime() + 60_000);
      await recordIssueEvent({ eventType: 'avi:jira:deleted:issue', issue: { id: story.id, key: story.key } }, later, async () => undefined);
      await syncPending(emulatorJira(emulator.url, site, DEMO_USERS.app), () => later);
      const meanwhile = await summaryFromFigures(admin, DEFAULT_CONFIG, { projectKey: null }, later);
      if (meanwhile.kind !== 'answer') throw new Error('expected the previous figures');
      expect(meanwhile.answer).toEqual(before.answer);
      // Views the figures do not serve say so instead of reading every issue.
      await expect(readScope(admin, DEFAULT_CONFIG, { projectKey: null }, later)).rejects.toThrow(/needs all [\d,]+ of the transformation's issues read at once/);
      expect(await computePageFigures(DEFAULT_CONFIG, later)).toBe('computed');
      const after = await summaryFromFigures(admin, DEFAULT_CONFIG, { projectKey: null }, later);
      if (after.kind !== 'answer') throw new Error('no figures after computing them again');
      expect(after.answer.issueCount).toBe(before.answer.issueCount - 1);
      expect(after.answer.readAt > before.answer.readAt).toBe(true);
    });

    it('tells a viewer whose figures are not computed yet that they are being prepared, then serves them', async () => {
      await computePageFigures(DEFAULT_CONFIG, NOW);
      const jira = emulatorJira(emulator.url, site, DEMO_USERS.limited);
      const asked: string[] = [];
      const first = await summaryFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, NOW, async (classKey) => void asked.push(classKey));
      if (first.kind !== 'readInFull') throw new Error('expected no figures yet');
      const refusal = readScope(jira, DEFAULT_CONFIG, { projectKey: null }, NOW, first.prior);
      await expect(refusal).rejects.toBeInstanceOf(SnapshotNotReadyError);
      await expect(refusal).rejects.toThrow(/being prepared/);
      expect(await computePageFigures(DEFAULT_CONFIG, NOW, asked[0])).toBe('computed');
      expect((await summaryFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, NOW)).kind).toBe('answer');
    });
  });

  it('is not used with other settings, nor at all with JQL box types (each viewer\'s JQL decides their boxes)', async () => {
    await computePageFigures(DEFAULT_CONFIG, NOW);
    const manual: TransformationConfig = { ...DEFAULT_CONFIG, boxTypes: DEFAULT_CONFIG.boxTypes.map((type) => ({ ...type, progressMethod: 'storyPoints' as const })) };
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null }, NOW, manual)).kind).toBe('readInFull');
    expect(await computePageFigures(manual, NOW)).toBe('computed');
    const answer = await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null }, NOW, manual);
    if (answer.kind !== 'answer') throw new Error('no figures for the new settings');
    expect(answer.answer).toEqual(await inFull(emulator, site, DEMO_USERS.admin, { projectKey: null }, NOW, manual));
    const jql: TransformationConfig = { ...DEFAULT_CONFIG, boxTypes: [...DEFAULT_CONFIG.boxTypes, { id: 'squad', name: 'Squad', parentTypeId: null, source: { kind: 'jql', jql: 'labels = squad' }, progressMethod: 'issueCount', toolset: [] }] };
    expect(await computePageFigures(jql, NOW)).toBe('unsupported');
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null }, NOW, jql)).kind).toBe('readInFull');
    expect((await readFiguresState())?.configFingerprint).toBeDefined();
  });

  it('two consumers computing at once leave the figures the state names whole', async () => {
    const outcomes = await Promise.all([computePageFigures(DEFAULT_CONFIG, NOW), computePageFigures(DEFAULT_CONFIG, new Date(NOW.getTime() + 1))]);
    expect(outcomes).toEqual(['computed', 'computed']);
    const answer = await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null });
    if (answer.kind !== 'answer') throw new Error('the state names figures whose rows are gone');
    expect(answer.answer).toEqual(await inFull(emulator, site, DEMO_USERS.admin, { projectKey: null }));
  });

  it('a box opened on a project page, and a box that is not there, are left to the full read', async () => {
    await computePageFigures(DEFAULT_CONFIG, NOW);
    const projectKey = site.issues[0]?.projectKey ?? 'DTO';
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey, boxId: site.issues[0]?.key ?? '' })).kind).toBe('readInFull');
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null, boxId: 'NOPE-1' })).kind).toBe('readInFull');
  });
});
