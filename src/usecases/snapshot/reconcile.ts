import type { TransformationConfig } from '../../domain';
import { bulkFetchIssues } from '../../jira/bulkFetch';
import type { JiraApi } from '../../jira/jiraHttp';
import { approximateIssueCount } from '../../jira/permissions';
import { searchAllIssues } from '../../jira/search';
import { kvsDelete, kvsGet, readHead, SNAPSHOT_KEYS, writeHead } from '../../storage/snapshot/snapshotStore';
import { allIssueIds } from '../../storage/snapshot/snapshotRows';
import type { SnapshotHead } from '../../storage/snapshot/types';
import { applyChanges } from './applyChanges';
import { changesSince, toChanged } from './changesSince';
import { ALL_ISSUES_JQL, BUILD_STALE_MS, readBuildState, startFullBuild } from './fullBuild';
import { readHistoryState, refreshHistory } from './history';
import { mappingFingerprint, snapshotFields } from './snapshotIssue';
import { withSnapshotLock } from './snapshotLock';

/** Jira returns up to 5,000 issues a page when only ids are asked for. */
const ID_PAGE_SIZE = 5000;

export type ReconcileOutcome =
  | { kind: 'buildStarted'; buildId: string }
  | { kind: 'buildResumed'; buildId: string }
  | { kind: 'buildRunning'; buildId: string }
  | { kind: 'reconciled'; upserted: number; deleted: number; recounted: boolean; historyResumed: boolean };

/**
 * The scheduled safety net. Starts a build when there is no usable snapshot, resumes one that stopped, and
 * otherwise applies what triggers may have missed: issues updated since the last sync, and, when Jira's count
 * disagrees with the snapshot's, the deletions found by comparing every id.
 */
export async function reconcileSnapshot(
  jira: JiraApi,
  config: TransformationConfig,
  now: () => Date,
  queueBuild: (buildId: string) => Promise<void>,
  queueHistory: (buildId: string) => Promise<void> = async () => undefined,
): Promise<ReconcileOutcome> {
  const build = await readBuildState();
  if (build) {
    if (now().getTime() - Date.parse(build.heartbeatAt) < BUILD_STALE_MS) return { kind: 'buildRunning', buildId: build.buildId };
    if (build.mappingFingerprint === mappingFingerprint(config)) {
      await queueBuild(build.buildId);
      return { kind: 'buildResumed', buildId: build.buildId };
    }
  }
  const head = await readHead();
  const unreadable = (await kvsGet(SNAPSHOT_KEYS.unreadable)) !== undefined;
  if (!head || head.mappingFingerprint !== mappingFingerprint(config) || unreadable) {
    if (unreadable) await kvsDelete(SNAPSHOT_KEYS.unreadable);
    const { state } = await startFullBuild(jira, config, now());
    await queueBuild(state.buildId);
    return { kind: 'buildStarted', buildId: state.buildId };
  }
  const historyResumed = await resumeStaleHistory(head.buildId, now(), queueHistory);
  return withSnapshotLock(now, async () => {
    const current = (await readHead()) ?? head;
    const syncedAt = now();
    const changed = await changesSince(jira, new Date(current.syncedAt), syncedAt, current.fieldIds);
    let applied = await applyChanges(current, { upserts: changed.issues, deletedIds: [] }, changed.projects, syncedAt.getTime());
    let deleted = 0;
    const count = await approximateIssueCount(jira, ALL_ISSUES_JQL);
    const recounted = count !== applied.issueCount;
    if (recounted) {
      const recount = await compareIds(jira, applied);
      deleted = recount.deletedIds.length;
      const missing = await bulkFetchIssues(jira, recount.missingIds, snapshotFields(current.fieldIds));
      const found = toChanged(missing.issues, current.fieldIds, missing.requests);
      applied = await applyChanges(applied, { upserts: found.issues, deletedIds: recount.deletedIds }, found.projects, syncedAt.getTime());
      await refreshHistory(jira, applied, found.issues.map((issue) => issue.id));
    }
    await refreshHistory(jira, applied, changed.issues.map((issue) => issue.id));
    await writeHead({ ...applied, syncedAt: syncedAt.toISOString() });
    return { kind: 'reconciled' as const, upserted: changed.issues.length, deleted, recounted, historyResumed };
  });
}

/** The changelog reading of the current build stopped (its step died): queue it again. */
async function resumeStaleHistory(buildId: string, now: Date, queueHistory: (buildId: string) => Promise<void>): Promise<boolean> {
  const history = await readHistoryState();
  if (!history || history.buildId !== buildId || history.done || now.getTime() - Date.parse(history.heartbeatAt) < BUILD_STALE_MS) return false;
  await queueHistory(buildId);
  return true;
}

/** Every issue id Jira has against the snapshot's: what is gone, and what the snapshot never got. */
async function compareIds(jira: JiraApi, head: SnapshotHead): Promise<{ deletedIds: string[]; missingIds: string[] }> {
  const inJira = new Set((await searchAllIssues(jira, { jql: `${ALL_ISSUES_JQL} ORDER BY id ASC`, fields: ['key'], pageSize: ID_PAGE_SIZE })).issues.map((i) => i.id));
  const inSnapshot = new Set(await allIssueIds({ buildId: head.buildId, version: head.version }));
  return {
    deletedIds: [...inSnapshot].filter((id) => !inJira.has(id)),
    missingIds: [...inJira].filter((id) => !inSnapshot.has(id)),
  };
}
