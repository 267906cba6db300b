import { z } from 'zod';
import { queueFiguresWork, queueHistoryWork, queueReportsWork, queueSnapshotWork } from '../events/snapshotQueue';
import { figuresWorkSchema, historyWorkSchema, snapshotWorkSchema } from '../events/snapshotWork';
import { jiraAsApp } from '../jira/forgeJira';
import { loadTransformationConfig } from '../storage/configStore';
import { runBuildStep, startFullBuild } from '../usecases/snapshot/fullBuild';
import { runHistoryStep, startHistory } from '../usecases/snapshot/history';
import { computePageFigures } from '../usecases/snapshot/pageFigures';
import { computeReportFigures } from '../usecases/snapshot/reportFigures';
import { reconcileSnapshot } from '../usecases/snapshot/reconcile';
import { mappingFingerprint } from '../usecases/snapshot/snapshotIssue';
import { readHead } from '../storage/snapshot/snapshotStore';
import { issueEventSchema, recordIssueEvent, SYNC_BATCH_SECONDS, syncPending } from '../usecases/snapshot/sync';

/** One build step stops reading well inside the consumer's 900 s (manifest timeoutSeconds). */
const BUILD_STEP_BUDGET_MS = 10 * 60_000;
const clock = () => new Date();
const queueBuild = (buildId: string, maxPages?: number) => queueSnapshotWork({ type: 'build', buildId, ...(maxPages ? { maxPages } : {}) });
const queueHistory = (buildId: string) => queueHistoryWork({ type: 'history', buildId });

/**
 * The documented lifecycle payload (events-reference/life-cycle): `{ id, installerAccountId | upgraderAccountId, app,
 * environment }`, with no `eventType`; this function is subscribed to nothing else, so the event itself says enough.
 */
const lifecycleEventSchema = z.looseObject({ id: z.string(), app: z.looseObject({ id: z.string(), version: z.string() }) });

/** Lifecycle trigger: the app was installed or upgraded to a new major version, so the snapshot is built (again). */
export async function onAppLifecycle(event: unknown): Promise<void> {
  const parsed = lifecycleEventSchema.safeParse(event);
  // A payload in another shape still means "installed or upgraded": build anyway, and say what was odd.
  if (!parsed.success) console.warn('The lifecycle event was not in the documented shape; building the snapshot anyway', z.prettifyError(parsed.error));
  const { config } = await loadTransformationConfig();
  const { state, started } = await startFullBuild(jiraAsApp(), config, clock());
  if (started) await queueBuild(state.buildId);
}

/** Product trigger: Jira issue created, updated or deleted. */
export async function onIssueEvent(event: unknown): Promise<void> {
  const parsed = issueEventSchema.safeParse(event);
  if (!parsed.success) {
    console.warn('An event the snapshot does not use was ignored', z.prettifyError(parsed.error));
    return;
  }
  await recordIssueEvent(parsed.data, clock(), () => queueSnapshotWork({ type: 'sync' }, SYNC_BATCH_SECONDS));
}

/** Scheduled trigger: the hourly safety net (see reconcileSnapshot). */
export async function onSchedule(): Promise<void> {
  const { config } = await loadTransformationConfig();
  const outcome = await reconcileSnapshot(jiraAsApp(), config, clock, (buildId) => queueBuild(buildId), queueHistory);
  console.log('Snapshot reconcile', JSON.stringify(outcome));
  // Also catches figures a failed consumer left behind: the consumer does nothing when they are current.
  if (outcome.kind === 'reconciled') await queueFiguresWork();
  // The stored reports are of one day: a new day's are computed before its first page load asks.
  else await queueReportsWork();
}

const stepLimits = () => ({ deadline: Date.now() + BUILD_STEP_BUDGET_MS, now: clock });

/**
 * Queue consumer: one step of a full build, or a sync of pending changes. A finished build goes on to its changelogs
 * (onHistoryWork). A throw makes Forge retry the event.
 */
export async function onSnapshotWork(event: unknown): Promise<void> {
  const body = z.looseObject({ body: z.unknown() }).parse(event).body;
  const work = snapshotWorkSchema.parse(body);
  if (work.type === 'sync') {
    const synced = await syncPending(jiraAsApp(), clock);
    if (synced.upserted + synced.deleted > 0) await queueFiguresWork();
    return;
  }
  const outcome = await runBuildStep(jiraAsApp(), work.buildId, { ...stepLimits(), maxPages: work.maxPages ?? Number.MAX_SAFE_INTEGER });
  if (outcome === 'continue') await queueBuild(work.buildId, work.maxPages);
  if (outcome === 'finished') {
    await startHistory(work.buildId, clock());
    await queueHistory(work.buildId);
    await queueFiguresWork();
  }
}

/**
 * Queue consumer: the page figures of the current head and settings (see computePageFigures), then, in an invocation
 * of their own (they read the history as well), the reports stored with them (see computeReportFigures).
 */
export async function onFiguresWork(event: unknown): Promise<void> {
  const work = figuresWorkSchema.parse(z.looseObject({ body: z.unknown() }).parse(event).body);
  const classKey = work.classKey ?? 'all';
  const { config } = await loadTransformationConfig();
  if (work.type === 'reports') {
    console.log('Report figures', await computeReportFigures(jiraAsApp(), config, clock(), classKey));
    return;
  }
  const outcome = await computePageFigures(config, clock(), classKey);
  console.log('Page figures', outcome);
  if (outcome === 'computed' || outcome === 'current') await queueReportsWork(classKey);
}

/** Queue consumer: one step of reading the current build's changelogs into the rows the reports read. */
export async function onHistoryWork(event: unknown): Promise<void> {
  const work = historyWorkSchema.parse(z.looseObject({ body: z.unknown() }).parse(event).body);
  const outcome = await runHistoryStep(jiraAsApp(), work.buildId, stepLimits());
  if (outcome === 'continue') await queueHistory(work.buildId);
  // The reports wait for the whole history: now they can be stored with the page figures.
  if (outcome === 'finished') await queueFiguresWork();
}

/**
 * After a settings save: a new field mapping maps issues differently, so the snapshot is rebuilt (pages read live
 * meanwhile); other settings change only the figures, which are computed again. Never fails the save; the hourly
 * reconcile starts the build (or the figures) if this could not.
 */
export async function rebuildSnapshotIfMappingChanged(): Promise<void> {
  try {
    const head = await readHead();
    const { config } = await loadTransformationConfig();
    if (!head) return;
    // Same mapping: the issues stand, but box types or progress methods may have changed the figures.
    if (head.mappingFingerprint === mappingFingerprint(config)) return await queueFiguresWork();
    const { state, started } = await startFullBuild(jiraAsApp(), config, clock());
    if (started) await queueBuild(state.buildId);
  } catch (error) {
    console.warn('The snapshot rebuild for the new field mapping could not be started; the hourly reconcile will', error);
  }
}
