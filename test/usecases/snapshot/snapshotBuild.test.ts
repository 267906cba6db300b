// The harness must be imported before @forge/kvs: it routes the real package to a local store.
import { useSql, useStore } from '../../dev/kvs/harness';

import { kvs } from '@forge/kvs';
import { DEMO_USERS } from '../../../dev/demo/generate';
import { LIMITED_HIDDEN_PROJECTS } from '../../../dev/demo/users';
import { startEmulator, type RunningEmulator } from '../../../dev/emulator';
import type { SiteData } from '../../../dev/emulator/siteData';
import { DEFAULT_CONFIG, resolveScope, scopeSummary, type TransformationConfig } from '../../../src/domain';
import { sql } from '@forge/sql';
import { allIssueIds } from '../../../src/storage/snapshot/snapshotRows';
import { readHead, SNAPSHOT_KEYS } from '../../../src/storage/snapshot/snapshotStore';
import { readBuildState, runBuildStep, startFullBuild, type BuildState } from '../../../src/usecases/snapshot/fullBuild';
import { LIVE_READ_MAX_ISSUES } from '../../../src/usecases/snapshot/notReady';
import { readScope } from '../../../src/usecases/readScope';
import { respond } from '../../../src/resolvers/envelope';
import { readFromSnapshot } from '../../../src/usecases/snapshot/readSnapshot';
import { reconcileSnapshot } from '../../../src/usecases/snapshot/reconcile';
import { recordIssueEvent, syncPending } from '../../../src/usecases/snapshot/sync';
import type { TransformationRead } from '../../../src/usecases/readTransformation';
import { emulatorJira } from '../../support/emulatorJira';
import { expectedModel } from '../../support/expectedModel';
import { testSite } from '../../support/platform';

const now = () => new Date();

/** How many rows a build has in Forge SQL, whatever their version. */
async function rowsOf(buildId: string): Promise<number> {
  const result = await sql.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM snapshot_issue WHERE build_id = ?').bindParams(buildId).execute();
  return Number(result.rows[0]?.n ?? -1);
}
const PAGE = 100;

/** The top-row figures of a model: what must not differ between a snapshot and the site itself. */
function figures(model: TransformationRead['model']) {
  const summary = scopeSummary(model, resolveScope(model, null));
  return { progress: summary.progress.ratio, teams: summary.teamsConverted, boxes: Object.keys(model.boxes).length, items: Object.keys(model.items).length };
}

async function served(emulator: RunningEmulator, site: SiteData, accountId: string, config: TransformationConfig = DEFAULT_CONFIG): Promise<TransformationRead> {
  const read = await readFromSnapshot(emulatorJira(emulator.url, site, accountId), config, now());
  if (typeof read === 'string') throw new Error(`no snapshot to serve: ${read}`);
  return read;
}

/** Runs a whole build in steps of `maxPages`, returning how many steps it took. */
async function buildInSteps(emulator: RunningEmulator, site: SiteData, maxPages: number): Promise<{ steps: number; requests: number }> {
  const jira = emulatorJira(emulator.url, site, DEMO_USERS.app);
  const { state } = await startFullBuild(jira, DEFAULT_CONFIG, now());
  let steps = 0;
  for (;;) {
    steps++;
    const outcome = await runBuildStep(jira, state.buildId, { maxPages, deadline: Date.now() + 60_000, now });
    if (outcome === 'finished') return { steps, requests: jira.requests };
    if (outcome === 'stale') throw new Error('build went stale');
  }
}

describe('the stored snapshot: built in resumable steps, kept current, served per user', () => {
  let site: SiteData;
  let emulator: RunningEmulator;

  beforeEach(async () => {
    useStore();
    await useSql();
    site = testSite();
    emulator = await startEmulator({ site });
  });
  afterEach(() => emulator.close());

  it('builds across many steps with about one request per 100 issues, and serves what the site holds', async () => {
    const { steps, requests } = await buildInSteps(emulator, site, 3);
    const n = site.issues.length;
    expect(steps).toBe(Math.ceil(Math.ceil(n / PAGE) / 3));
    expect(requests).toBeLessThanOrEqual(Math.ceil(n / PAGE) + 5);
    const head = await readHead();
    expect(head?.issueCount).toBe(n);
    expect(await readBuildState()).toBeNull();
    const read = await served(emulator, site, DEMO_USERS.admin);
    expect(read.source).toMatchObject({ kind: 'snapshot', rowsHidden: false });
    expect(figures(read.model)).toEqual(figures(expectedModel(site, DEMO_USERS.admin, read.model.readAt)));
  });

  it('keeps serving the previous complete snapshot while a rebuild is half done, then swaps it in whole', async () => {
    await buildInSteps(emulator, site, 100);
    const before = await readHead();
    const beforeFigures = figures((await served(emulator, site, DEMO_USERS.admin)).model);
    const countBefore = site.issues.length;
    // Deleting an issue deletes its sub-tasks too, so check each is still there.
    for (const key of site.issues.filter((i) => i.projectKey === 'OPS').map((i) => i.key)) if (site.issues.some((i) => i.key === key)) await emulator.issues.delete(key);
    const removed = countBefore - site.issues.length;
    expect(removed).toBeGreaterThan(0);

    const jira = emulatorJira(emulator.url, site, DEMO_USERS.app);
    const { state } = await startFullBuild(jira, DEFAULT_CONFIG, now());
    expect(await runBuildStep(jira, state.buildId, { maxPages: 2, deadline: Date.now() + 60_000, now })).toBe('continue');
    // Half written: the rows of the new build exist, but nobody sees them.
    expect(await rowsOf(state.buildId)).toBeGreaterThan(0);
    expect((await readHead())?.buildId).toBe(before?.buildId);
    expect(figures((await served(emulator, site, DEMO_USERS.admin)).model)).toEqual(beforeFigures);

    while ((await runBuildStep(jira, state.buildId, { maxPages: 2, deadline: Date.now() + 60_000, now })) === 'continue');
    const after = await readHead();
    expect(after?.buildId).toBe(state.buildId);
    expect(after?.issueCount).toBe((before?.issueCount ?? 0) - removed);
    // The old snapshot's rows are gone once the new head is in.
    expect(await rowsOf(before?.buildId ?? '')).toBe(0);
  });

  it('resumes a build that failed mid-way from its stored cursor and ends with every issue exactly once', async () => {
    const jira = emulatorJira(emulator.url, site, DEMO_USERS.app);
    const { state } = await startFullBuild(jira, DEFAULT_CONFIG, now());
    expect(await runBuildStep(jira, state.buildId, { maxPages: 4, deadline: Date.now() + 60_000, now })).toBe('continue');
    const cursor = (await readBuildState())?.cursorId ?? 0;
    expect(cursor).toBeGreaterThan(0);
    // Jira fails the second page of the next step: the invocation dies, as it would on Forge.
    emulator.faults.add({ pathPrefix: '/rest/api/3/search/jql', status: 400, times: 1 });
    await runBuildStep(jira, state.buildId, { maxPages: 4, deadline: Date.now() + 60_000, now }).catch(() => 'failed');
    expect((await readBuildState())?.cursorId).toBeGreaterThanOrEqual(cursor);
    while ((await runBuildStep(jira, state.buildId, { maxPages: 4, deadline: Date.now() + 60_000, now })) === 'continue');
    const head = await readHead();
    const ids = head ? await allIssueIds(head) : [];
    expect(ids).toHaveLength(site.issues.length);
    expect(new Set(ids)).toEqual(new Set(site.issues.map((i) => i.id)));
  });

  it('applies triggered changes in one bulk fetch per 100 issues, removing deleted issues', async () => {
    await buildInSteps(emulator, site, 100);
    const changed = site.issues.slice(0, 3);
    for (const [n, issue] of changed.entries()) await emulator.issues.update(issue.key, { summary: `Renamed ${n}` });
    const gone = site.issues[10];
    if (!gone) throw new Error('site too small');
    await emulator.issues.delete(gone.key);
    let queued = 0;
    for (const issue of changed) await recordIssueEvent({ eventType: 'avi:jira:updated:issue', issue: { id: issue.id } }, now(), async () => void queued++);
    await recordIssueEvent({ eventType: 'avi:jira:deleted:issue', issue: { id: gone.id } }, now(), async () => void queued++);
    // Four events, one queued sync.
    expect(queued).toBe(1);

    const jira = emulatorJira(emulator.url, site, DEMO_USERS.app);
    const result = await syncPending(jira, now);
    expect(result).toEqual({ upserted: 3, deleted: 1, requests: 1 });
    expect(jira.requests).toBe(1);
    const model = (await served(emulator, site, DEMO_USERS.admin)).model;
    expect(changed.map((i) => model.items[i.key]?.summary ?? model.boxes[i.key]?.name)).toEqual(['Renamed 0', 'Renamed 1', 'Renamed 2']);
    expect(model.items[gone.key]).toBeUndefined();
    expect(await kvs.get(`${SNAPSHOT_KEYS.pendingPrefix}${gone.id}`)).toBeUndefined();
    expect(figures(model)).toEqual(figures(expectedModel(site, DEMO_USERS.admin, model.readAt)));
  });

  it('the scheduled reconcile applies updates and deletions no trigger reported', async () => {
    await buildInSteps(emulator, site, 100);
    const renamed = site.issues[5];
    const gone = site.issues[6];
    if (!renamed || !gone) throw new Error('site too small');
    await emulator.issues.update(renamed.key, { summary: 'Changed while no trigger ran' });
    await emulator.issues.delete(gone.key);
    const jira = emulatorJira(emulator.url, site, DEMO_USERS.app);
    const outcome = await reconcileSnapshot(jira, DEFAULT_CONFIG, now, async () => undefined);
    expect(outcome).toEqual({ kind: 'reconciled', upserted: 1, deleted: 1, recounted: true, historyResumed: false });
    const model = (await served(emulator, site, DEMO_USERS.admin)).model;
    expect(figures(model)).toEqual(figures(expectedModel(site, DEMO_USERS.admin, model.readAt)));
    expect((await readHead())?.issueCount).toBe(site.issues.length);
  });

  it('serves each user only the projects Jira lets them browse, after one bulk permission check, and says rows were hidden', async () => {
    await buildInSteps(emulator, site, 100);
    const asLimited = emulatorJira(emulator.url, site, DEMO_USERS.limited);
    const read = await readFromSnapshot(asLimited, DEFAULT_CONFIG, now());
    if (typeof read === 'string') throw new Error(read);
    expect(asLimited.requests).toBe(1);
    expect(read.source.rowsHidden).toBe(true);
    expect(Object.values(read.model.items).some((i) => LIMITED_HIDDEN_PROJECTS.includes(i.projectKey))).toBe(false);
    expect(figures(read.model)).toEqual(figures(expectedModel(site, DEMO_USERS.limited, read.model.readAt)));
  });

  it('a snapshot whose rows are lost is not served: the page reads live, and the next reconcile rebuilds it', async () => {
    await buildInSteps(emulator, site, 100);
    await sql.executeDDL('DROP TABLE snapshot_issue');
    expect(await readFromSnapshot(emulatorJira(emulator.url, site, DEMO_USERS.admin), DEFAULT_CONFIG, now())).toBe('unreadable');
    const outcome = await reconcileSnapshot(emulatorJira(emulator.url, site, DEMO_USERS.app), DEFAULT_CONFIG, now, async () => undefined);
    expect(outcome.kind).toBe('buildStarted');
    expect(await kvs.get(SNAPSHOT_KEYS.unreadable)).toBeUndefined();
  });

  it('while the first snapshot of a large site is built, pages say how far it is instead of reading live', async () => {
    const jira = emulatorJira(emulator.url, site, DEMO_USERS.app);
    const { state } = await startFullBuild(jira, DEFAULT_CONFIG, now());
    expect(state.expectedIssues).toBe(site.issues.length);
    await runBuildStep(jira, state.buildId, { maxPages: 3, deadline: Date.now() + 60_000, now });
    const asAdmin = emulatorJira(emulator.url, site, DEMO_USERS.admin);
    // This site is small: it is read live meanwhile, and the page says why.
    const small = await readScope(asAdmin, DEFAULT_CONFIG, { projectKey: null }, now());
    expect(small.source).toMatchObject({ kind: 'live', note: expect.stringContaining('not built yet') });
    // Pretend it is large: a live read would time out, so the page is told the build's progress, and Jira is not read.
    const progress = (await readBuildState()) as BuildState;
    await kvs.set(SNAPSHOT_KEYS.build, { ...progress, expectedIssues: LIVE_READ_MAX_ISSUES + 1 });
    const before = asAdmin.requests;
    const answer = await respond(() => readScope(asAdmin, DEFAULT_CONFIG, { projectKey: null }, now()));
    expect(answer).toEqual({ success: false, error: { code: 'NOT_READY', message: expect.stringMatching(/being prepared .*: 300 of about 20,001 issues read so far\. About \d+ min to go\./) } });
    expect(asAdmin.requests).toBe(before);
  });

  it('does not serve a snapshot mapped with another field mapping', async () => {
    await buildInSteps(emulator, site, 100);
    const remapped = { ...DEFAULT_CONFIG, fieldMapping: { ...DEFAULT_CONFIG.fieldMapping, startDate: 'Target start' } };
    expect(await readFromSnapshot(emulatorJira(emulator.url, site, DEMO_USERS.admin), remapped, now())).toBe('mappingChanged');
  });
});
