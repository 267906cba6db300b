// The harness must be imported before @forge/kvs: it routes the real package to a local store.
import { useSql, useStore } from '../../dev/kvs/harness';

import { sql } from '@forge/sql';
import { ISSUE_TYPE } from '../../../dev/demo/catalog';
import { DEMO_USERS } from '../../../dev/demo/generate';
import { startEmulator, type RunningEmulator } from '../../../dev/emulator';
import type { SiteData } from '../../../dev/emulator/siteData';
import { DEFAULT_CONFIG, type TransformationConfig } from '../../../src/domain';
import { pageSummary } from '../../../src/usecases/pageSummary';
import { readScope, type ScopeRequest } from '../../../src/usecases/readScope';
import { runBuildStep, startFullBuild } from '../../../src/usecases/snapshot/fullBuild';
import { computePageFigures, readFiguresState, summaryFromFigures } from '../../../src/usecases/snapshot/pageFigures';
import { recordIssueEvent, syncPending } from '../../../src/usecases/snapshot/sync';
import { emulatorJira } from '../../support/emulatorJira';
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
    const requests: ScopeRequest[] = [
      { projectKey: null },
      ...[...new Set(site.issues.map((issue) => issue.projectKey))].map((projectKey) => ({ projectKey })),
      ...Object.keys(whole.model.boxes).map((boxId) => ({ projectKey: null, boxId })),
    ];
    expect(requests.length).toBeGreaterThan(20);
    // Every scope today, the pages without a box on a later day (when more is late); paced under Forge SQL's 150 requests a second.
    const later = requests.filter((request) => request.boxId === undefined);
    for (const [day, scopes] of [[NOW, requests], [new Date('2027-01-01T00:00:00Z'), later]] as const) {
      for (const request of scopes) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        const answer = await fromFigures(emulator, site, DEMO_USERS.admin, request, day);
        if (answer.kind !== 'summary') throw new Error(`no figures for ${JSON.stringify(request)}`);
        expect({ request, summary: answer.summary }).toEqual({ request, summary: await inFull(emulator, site, DEMO_USERS.admin, request, day) });
      }
    }
  });

  it('sends a viewer who may not see every issue to the full read, with the one permission check already made', async () => {
    await computePageFigures(DEFAULT_CONFIG, NOW);
    for (const viewer of [DEMO_USERS.limited, DEMO_USERS.teamMember]) {
      const jira = emulatorJira(emulator.url, site, viewer);
      const answer = await summaryFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, NOW);
      if (answer.kind !== 'readInFull' || answer.prior?.check === undefined) throw new Error('expected a full read with the check');
      const read = await readScope(jira, DEFAULT_CONFIG, { projectKey: null }, NOW, answer.prior);
      expect(jira.requests).toBe(1);
      expect(pageSummary(read, DEFAULT_CONFIG, null)).toEqual(await inFull(emulator, site, viewer, { projectKey: null }));
    }
  });

  it('is not used for a head it was not computed for: after a sync, until computed again, then shows the change', async () => {
    await computePageFigures(DEFAULT_CONFIG, NOW);
    const before = await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null });
    const story = site.issues.find((issue) => issue.issueTypeId === ISSUE_TYPE.story.id && issue.parentKey !== null);
    if (!story || before.kind !== 'summary') throw new Error('fixture');
    await emulator.issues.delete(story.key);
    await recordIssueEvent({ eventType: 'avi:jira:deleted:issue', issue: { id: story.id, key: story.key } }, NOW, async () => undefined);
    await syncPending(emulatorJira(emulator.url, site, DEMO_USERS.app), clock);
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null })).kind).toBe('readInFull');
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('current');
    const after = await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null });
    if (after.kind !== 'summary') throw new Error('no figures after computing them again');
    expect(after.summary).toEqual(await inFull(emulator, site, DEMO_USERS.admin, { projectKey: null }));
    expect(after.summary.issueCount).toBe(before.summary.issueCount - 1);
    // The figures before the last are kept for a page that read their state just then; older ones are gone.
    expect(await figureRows()).toBe(2);
  });

  it('is not used with other settings, nor at all with JQL box types (each viewer\'s JQL decides their boxes)', async () => {
    await computePageFigures(DEFAULT_CONFIG, NOW);
    const manual: TransformationConfig = { ...DEFAULT_CONFIG, boxTypes: DEFAULT_CONFIG.boxTypes.map((type) => ({ ...type, progressMethod: 'storyPoints' as const })) };
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null }, NOW, manual)).kind).toBe('readInFull');
    expect(await computePageFigures(manual, NOW)).toBe('computed');
    const answer = await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null }, NOW, manual);
    if (answer.kind !== 'summary') throw new Error('no figures for the new settings');
    expect(answer.summary).toEqual(await inFull(emulator, site, DEMO_USERS.admin, { projectKey: null }, NOW, manual));
    const jql: TransformationConfig = { ...DEFAULT_CONFIG, boxTypes: [...DEFAULT_CONFIG.boxTypes, { id: 'squad', name: 'Squad', parentTypeId: null, source: { kind: 'jql', jql: 'labels = squad' }, progressMethod: 'issueCount', toolset: [] }] };
    expect(await computePageFigures(jql, NOW)).toBe('unsupported');
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null }, NOW, jql)).kind).toBe('readInFull');
    expect((await readFiguresState())?.configFingerprint).toBeDefined();
  });

  it('a box opened on a project page, and a box that is not there, are left to the full read', async () => {
    await computePageFigures(DEFAULT_CONFIG, NOW);
    const projectKey = site.issues[0]?.projectKey ?? 'DTO';
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey, boxId: site.issues[0]?.key ?? '' })).kind).toBe('readInFull');
    expect((await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null, boxId: 'NOPE-1' })).kind).toBe('readInFull');
  });
});
