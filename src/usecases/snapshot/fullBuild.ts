import { randomUUID } from 'node:crypto';
import type { DataQualityWarning, FieldConcept, TransformationConfig } from '../../domain';
import { listFields, resolveFieldMapping } from '../../jira/fields';
import type { JiraApi } from '../../jira/jiraHttp';
import { approximateIssueCount } from '../../jira/permissions';
import { searchPage } from '../../jira/search';
import { ensureSchema } from '../../storage/sql/schema';
import { deleteBuild, deleteOtherBuilds, writeIssues } from '../../storage/snapshot/snapshotRows';
import { deleteOtherBuildsHistory } from '../../storage/snapshot/historyRows';
import { kvsDelete, kvsGet, kvsSet, SNAPSHOT_KEYS, writeHead } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead, SnapshotIssue, SnapshotProject } from '../../storage/snapshot/types';
import { applyChanges } from './applyChanges';
import { changesSince, deletionsSince, pruneDeletions } from './changesSince';
import { withSnapshotLock } from './snapshotLock';
import { mappingFingerprint, projectOfIssue, snapshotFields, toSnapshotIssue } from './snapshotIssue';

/** Issues are written to Forge SQL in batches of about this much JSON (one or two requests each). */
const FLUSH_BYTES = 512 * 1024;

/** A full build in progress, stored after every batch of rows so the next invocation resumes where this one stopped. */
export interface BuildState {
  buildId: string;
  startedAt: string;
  heartbeatAt: string;
  /** Every issue with an id up to this one is stored, as a row of version 0 of this build. */
  cursorId: number;
  projects: SnapshotProject[];
  fieldIds: Partial<Record<FieldConcept, string>>;
  fieldWarnings: DataQualityWarning[];
  mappingFingerprint: string;
  /** Jira's estimate, when the build started, of how many issues it will read. */
  expectedIssues: number | null;
  /** Issues stored so far. */
  issuesRead: number;
  /** Jira requests so far, for the build's report. */
  requests: number;
  steps: number;
}

export const readBuildState = async (): Promise<BuildState | null> => ((await kvsGet(SNAPSHOT_KEYS.build)) as BuildState | undefined) ?? null;

/** Every issue the app may see: a bounded JQL, as the enhanced search requires. */
export const ALL_ISSUES_JQL = 'id > 0';

/** A build whose last heartbeat is older than this died; the reconcile resumes it. */
export const BUILD_STALE_MS = 20 * 60_000;

/**
 * Starts a full build (or keeps the one running): discovers the mapped fields as the app and stores the empty state.
 * Returns the build to continue; `started` is false when a live build was already running.
 */
export async function startFullBuild(jira: JiraApi, config: TransformationConfig, now: Date): Promise<{ state: BuildState; started: boolean }> {
  const running = await readBuildState();
  const fingerprint = mappingFingerprint(config);
  if (running && running.mappingFingerprint === fingerprint && now.getTime() - Date.parse(running.heartbeatAt) < BUILD_STALE_MS) return { state: running, started: false };
  await ensureSchema();
  if (running) await deleteBuild(running.buildId);
  const [fields, expectedIssues] = await Promise.all([listFields(jira), approximateIssueCount(jira, ALL_ISSUES_JQL).catch(() => null)]);
  const resolved = resolveFieldMapping(fields, config.fieldMapping);
  const state: BuildState = {
    buildId: `${now.getTime().toString(36)}-${randomUUID().slice(0, 8)}`,
    startedAt: now.toISOString(),
    heartbeatAt: now.toISOString(),
    cursorId: 0,
    projects: [],
    fieldIds: resolved.ids,
    fieldWarnings: resolved.warnings,
    mappingFingerprint: fingerprint,
    expectedIssues,
    issuesRead: 0,
    requests: 2,
    steps: 0,
  };
  await kvsSet(SNAPSHOT_KEYS.build, state);
  return { state, started: true };
}

export interface StepLimits {
  maxPages: number;
  /** Stop reading new pages after this moment (ms since epoch), to finish well inside the invocation limit. */
  deadline: number;
  now: () => Date;
}

/**
 * Reads the next pages of the build, ordered by issue id from the stored cursor, as the app. Issues are written as
 * rows in batches; the cursor only moves past issues already stored, so a step that dies is redone, not lost.
 * Returns 'finished' when the snapshot was swapped in, 'continue' when another step is needed, 'stale' when the
 * build was replaced by a newer one.
 */
export async function runBuildStep(jira: JiraApi, buildId: string, limits: StepLimits): Promise<'finished' | 'continue' | 'stale'> {
  const state = await readBuildState();
  if (!state || state.buildId !== buildId) return 'stale';
  const fields = snapshotFields(state.fieldIds);
  const projects = new Map(state.projects.map((p) => [p.id, p]));
  let buffer: SnapshotIssue[] = [];
  let bufferBytes = 2;
  let readUpTo = state.cursorId;
  const flush = async () => {
    if (buffer.length === 0) return;
    await writeIssues(state.buildId, 0, buffer);
    state.issuesRead += buffer.length;
    state.cursorId = readUpTo;
    state.projects = [...projects.values()];
    state.heartbeatAt = limits.now().toISOString();
    await kvsSet(SNAPSHOT_KEYS.build, state);
    buffer = [];
    bufferBytes = 2;
  };
  state.steps++;
  await ensureSchema();
  let done = false;
  for (let pages = 0; pages < limits.maxPages && limits.now().getTime() < limits.deadline; pages++) {
    // A fresh bounded query per page: the id cursor survives invocations, and deletions cannot shift later pages.
    const page = await searchPage(jira, { jql: `id > ${readUpTo} ORDER BY id ASC`, fields });
    state.requests++;
    for (const issue of page.issues) {
      const project = projectOfIssue(issue);
      if (project) projects.set(project.id, project);
      const stored = toSnapshotIssue(issue, state.fieldIds);
      const size = JSON.stringify(stored).length;
      if (bufferBytes + size > FLUSH_BYTES) await flush();
      buffer.push(stored);
      bufferBytes += size;
      readUpTo = Math.max(readUpTo, Number(issue.id));
    }
    if (!page.nextPageToken) {
      done = true;
      break;
    }
  }
  await flush();
  if (!done) {
    state.heartbeatAt = limits.now().toISOString();
    await kvsSet(SNAPSHOT_KEYS.build, state);
    return 'continue';
  }
  await finishBuild(jira, state, limits.now);
  return 'finished';
}

/**
 * Brings the finished build up to date with what changed while it ran (issues updated since it started,
 * deletions journaled since), then swaps it in with one write of the head and removes the old snapshot's rows.
 */
async function finishBuild(jira: JiraApi, state: BuildState, now: () => Date): Promise<void> {
  const syncedAt = now();
  const changed = await changesSince(jira, new Date(state.startedAt), syncedAt, state.fieldIds);
  const deletedIds = await deletionsSince(new Date(state.startedAt));
  const base: SnapshotHead = {
    schema: 2,
    buildId: state.buildId,
    builtAt: state.startedAt,
    syncedAt: syncedAt.toISOString(),
    mappingFingerprint: state.mappingFingerprint,
    fieldIds: state.fieldIds,
    fieldWarnings: state.fieldWarnings,
    projects: state.projects,
    version: 0,
    issueCount: state.issuesRead,
  };
  const head = await applyChanges(base, { upserts: changed.issues, deletedIds }, changed.projects, syncedAt.getTime());
  await withSnapshotLock(now, async () => {
    await writeHead(head);
    await kvsDelete(SNAPSHOT_KEYS.build);
  });
  // A page still reading the old head notices the swap and reads the new one (readSnapshot.ts).
  await deleteOtherBuilds(head.buildId);
  await deleteOtherBuildsHistory(head.buildId);
  await pruneDeletions(syncedAt);
}
