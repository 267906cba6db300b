// The harness must be imported before @forge/kvs: it routes the real package to a local store.
import { useSql, useStore } from '../../dev/kvs/harness';

import { ISSUE_TYPE } from '../../../dev/demo/catalog';
import { DEMO_USERS } from '../../../dev/demo/generate';
import { startEmulator, type RunningEmulator } from '../../../dev/emulator';
import type { SiteData } from '../../../dev/emulator/siteData';
import { DEFAULT_CONFIG, flowReport, forecast, lastWeek, valueTracking, weeklyReport, type ReportPeriod } from '../../../src/domain';
import { readHistory } from '../../../src/usecases/readHistory';
import { readScope, type ScopeRequest } from '../../../src/usecases/readScope';
import type { ReportPart, Reports } from '../../../src/usecases/reports';
import { runBuildStep, startFullBuild } from '../../../src/usecases/snapshot/fullBuild';
import { runHistoryStep, startHistory } from '../../../src/usecases/snapshot/history';
import { computePageFigures } from '../../../src/usecases/snapshot/pageFigures';
import { computeReportFigures } from '../../../src/usecases/snapshot/reportFigures';
import { reportFromFigures } from '../../../src/usecases/snapshot/reportsFromFigures';
import { recordIssueEvent, syncPending } from '../../../src/usecases/snapshot/sync';
import { emulatorJira } from '../../support/emulatorJira';
import { everyPageScope } from '../../support/pageScopes';
import { testSite } from '../../support/platform';

/** A few days before the demo's anchor: its last week holds transitions, milestones done, new risks. */
const NOW = new Date('2026-05-28T09:30:00Z');
const clock = () => NOW;
const PARTS: readonly ReportPart[] = ['weeklyReport', 'valueTracking', 'flowReport', 'forecast'];
const pace = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function build(emulator: RunningEmulator, site: SiteData): Promise<void> {
  const jira = emulatorJira(emulator.url, site, DEMO_USERS.app);
  const { state } = await startFullBuild(jira, DEFAULT_CONFIG, NOW);
  while ((await runBuildStep(jira, state.buildId, { maxPages: 1000, deadline: Date.now() + 60_000, now: clock })) !== 'finished');
  await startHistory(state.buildId, NOW);
  while ((await runHistoryStep(jira, state.buildId, { deadline: Date.now() + 60_000, now: clock })) !== 'finished');
}

/** Every report as a page gets it from the viewer's issues and their history read in full: what the stored ones must equal. */
async function inFull(emulator: RunningEmulator, site: SiteData, accountId: string, request: ScopeRequest, now = NOW): Promise<Reports> {
  const jira = emulatorJira(emulator.url, site, accountId);
  const read = await readScope(jira, DEFAULT_CONFIG, request, now);
  const { history, statusCategories } = await readHistory(jira, read);
  const period = lastWeek(read.today);
  return {
    weeklyReport: weeklyReport(read.model, DEFAULT_CONFIG, read.scope, history, statusCategories, period),
    valueTracking: valueTracking(read.model, DEFAULT_CONFIG, read.scope, history, read.today),
    flowReport: flowReport(read.model, DEFAULT_CONFIG, read.scope, history, statusCategories, period),
    forecast: forecast(read.model, DEFAULT_CONFIG, read.scope, history, statusCategories, read.today, 20_260_101),
  };
}

const noQueue = { figures: async (_classKey: string) => undefined, reports: async (_classKey: string) => undefined };

async function fromFigures(emulator: RunningEmulator, site: SiteData, accountId: string, request: ScopeRequest, now = NOW, period?: ReportPeriod, queue = noQueue): Promise<Partial<Reports> | 'readInFull'> {
  const jira = emulatorJira(emulator.url, site, accountId);
  const out: Partial<Record<ReportPart, unknown>> = {};
  for (const part of PARTS) {
    const answer = await reportFromFigures(jira, DEFAULT_CONFIG, request, part, period, now, queue);
    if (answer.kind !== 'answer') return 'readInFull';
    out[part] = answer.answer;
  }
  return out as Partial<Reports>;
}

describe('report figures: every scope\'s reports of today computed once per head and day, served instead of every issue\'s history', () => {
  let site: SiteData;
  let emulator: RunningEmulator;
  const app = () => emulatorJira(emulator.url, site, DEMO_USERS.app);

  beforeEach(async () => {
    useStore();
    await useSql();
    site = testSite();
    emulator = await startEmulator({ site });
    await build(emulator, site);
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
  });
  afterEach(() => emulator.close());

  it('equals every report read in full on the whole, every project\'s page and every box\'s page', async () => {
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW)).toBe('computed');
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW)).toBe('current');
    const admin = emulatorJira(emulator.url, site, DEMO_USERS.admin);
    const whole = await readScope(admin, DEFAULT_CONFIG, { projectKey: null }, NOW);
    const requests = everyPageScope(site, Object.keys(whole.model.boxes));
    expect(requests.length).toBeGreaterThan(20);
    let eventful = 0;
    for (const request of requests) {
      await pace(150);
      const expected = await inFull(emulator, site, DEMO_USERS.admin, request);
      expect({ request, reports: await fromFigures(emulator, site, DEMO_USERS.admin, request) }).toEqual({ request, reports: expected });
      const week = expected.weeklyReport.overall;
      if (week.converted.length + week.milestonesDone.length + week.risksNew.length + expected.flowReport.overall.velocity > 0) eventful += 1;
    }
    // The week must hold something to report in many scopes, or equal reports would prove little.
    expect(eventful).toBeGreaterThan(5);
  });

  it('gives a viewer who may not see every issue reports of their own class, equal to their own full read', async () => {
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW)).toBe('computed');
    const asked: string[] = [];
    const queue = { figures: async (classKey: string) => void asked.push(classKey), reports: async () => undefined };
    const jira = emulatorJira(emulator.url, site, DEMO_USERS.limited);
    expect(await reportFromFigures(jira, DEFAULT_CONFIG, { projectKey: null }, 'weeklyReport', undefined, NOW, queue)).toMatchObject({ kind: 'readInFull' });
    expect(asked).toHaveLength(1);
    const classKey = asked[0] as string;
    expect(classKey).not.toBe('all');
    // Not before the class's page figures: the reports are stored with them.
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW, classKey)).toBe('noFigures');
    expect(await computePageFigures(DEFAULT_CONFIG, NOW, classKey)).toBe('computed');
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW, classKey)).toBe('computed');
    const projects = [...new Set(site.issues.map((issue) => issue.projectKey))].map((projectKey) => ({ projectKey }));
    const whole = await readScope(jira, DEFAULT_CONFIG, { projectKey: null }, NOW);
    const boxes = Object.keys(whole.model.boxes).slice(0, 10).map((boxId) => ({ projectKey: null, boxId }));
    for (const request of [{ projectKey: null }, ...projects, ...boxes]) {
      await pace(150);
      const expected = await inFull(emulator, site, DEMO_USERS.limited, request);
      expect({ request, reports: await fromFigures(emulator, site, DEMO_USERS.limited, request) }).toEqual({ request, reports: expected });
    }
    // Their class's reports are not the admin's.
    expect(await fromFigures(emulator, site, DEMO_USERS.limited, { projectKey: null })).not.toEqual(await fromFigures(emulator, site, DEMO_USERS.admin, { projectKey: null }));
  });

  it('reads in full for another period, and on a later day until that day\'s are computed, asking once a minute', async () => {
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW)).toBe('computed');
    const whole = { projectKey: null };
    // The default week asked for by name is served; another week, or a page's own range, is read in full.
    expect(await fromFigures(emulator, site, DEMO_USERS.admin, whole, NOW, lastWeek('2026-05-28'))).toEqual(await inFull(emulator, site, DEMO_USERS.admin, whole));
    expect(await fromFigures(emulator, site, DEMO_USERS.admin, whole, NOW, lastWeek('2026-05-27'))).toBe('readInFull');
    expect(await fromFigures(emulator, site, DEMO_USERS.admin, whole, NOW, { from: '2026-04-01', to: '2026-05-28' })).toBe('readInFull');
    // The value tracking and the forecast have no period: one asked for does not matter.
    const jira = emulatorJira(emulator.url, site, DEMO_USERS.admin);
    expect((await reportFromFigures(jira, DEFAULT_CONFIG, whole, 'forecast', { from: '2026-04-01', to: '2026-05-28' }, NOW, noQueue)).kind).toBe('answer');

    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    const asked: string[] = [];
    const queue = { figures: async (_classKey: string) => undefined, reports: async (classKey: string) => void asked.push(classKey) };
    expect(await fromFigures(emulator, site, DEMO_USERS.admin, whole, tomorrow, undefined, queue)).toBe('readInFull');
    expect(await fromFigures(emulator, site, DEMO_USERS.admin, whole, new Date(tomorrow.getTime() + 30_000), undefined, queue)).toBe('readInFull');
    expect(asked).toEqual(['all']);
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, tomorrow)).toBe('computed');
    expect(await fromFigures(emulator, site, DEMO_USERS.admin, whole, tomorrow)).toEqual(await inFull(emulator, site, DEMO_USERS.admin, whole, tomorrow));
  });

  it('is not used for a head it was not computed for: after a sync, until both figures are computed again', async () => {
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW)).toBe('computed');
    const whole = { projectKey: null };
    const before = await fromFigures(emulator, site, DEMO_USERS.admin, whole);
    // One team fewer: every report of the whole counts teams.
    const team = site.issues.find((issue) => issue.issueTypeId === ISSUE_TYPE.team.id);
    if (!team || before === 'readInFull') throw new Error('fixture');
    await emulator.issues.delete(team.key);
    await recordIssueEvent({ eventType: 'avi:jira:deleted:issue', issue: { id: team.id, key: team.key } }, NOW, async () => undefined);
    await syncPending(app(), clock);
    expect(await fromFigures(emulator, site, DEMO_USERS.admin, whole)).toBe('readInFull');
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW)).toBe('noFigures');
    expect(await computePageFigures(DEFAULT_CONFIG, NOW)).toBe('computed');
    expect(await fromFigures(emulator, site, DEMO_USERS.admin, whole)).toBe('readInFull');
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW)).toBe('computed');
    const after = await fromFigures(emulator, site, DEMO_USERS.admin, whole);
    expect(after).toEqual(await inFull(emulator, site, DEMO_USERS.admin, whole));
    expect(after).not.toEqual(before);
  });

  it('waits for the history of the build: none is computed from part of it', async () => {
    const head = await readScope(app(), DEFAULT_CONFIG, { projectKey: null }, NOW);
    await startHistory(head.snapshotBuildId ?? '', NOW);
    expect(await computeReportFigures(app(), DEFAULT_CONFIG, NOW)).toBe('noHistory');
  });
});
