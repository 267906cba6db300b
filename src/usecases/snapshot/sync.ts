import { z } from 'zod';
import { bulkFetchIssues } from '../../jira/bulkFetch';
import type { JiraApi } from '../../jira/jiraHttp';
import { createIfAbsent, deleteKeys, kvsDelete, kvsGet, kvsSet, readAllWithPrefix, readHead, SNAPSHOT_KEYS, writeHead } from '../../storage/snapshot/snapshotStore';
import { applyChanges } from './applyChanges';
import { refreshHistory } from './history';
import { recordDeletion, toChanged } from './changesSince';
import { snapshotFields } from './snapshotIssue';
import { withSnapshotLock } from './snapshotLock';

/** Triggers within this many seconds are applied together, in one sync. */
export const SYNC_BATCH_SECONDS = 10;
/** A queued sync that has not run after this was lost; the next trigger queues another. */
const SYNC_QUEUED_STALE_MS = 15 * 60_000;

/** The parts of a Forge Jira issue event we use, validated: the payload comes from outside. */
export const issueEventSchema = z.looseObject({
  eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']),
  issue: z.looseObject({ id: z.string().regex(/^\d{1,18}$/) }),
});
export type IssueEvent = z.infer<typeof issueEventSchema>;

/**
 * What a trigger does with an issue event: notes the issue as pending (no Jira request) and makes sure one sync
 * is queued. Returns true when this call queued it.
 */
export async function recordIssueEvent(event: IssueEvent, now: Date, queueSync: () => Promise<void>): Promise<boolean> {
  const deleted = event.eventType === 'avi:jira:deleted:issue';
  await kvsSet(`${SNAPSHOT_KEYS.pendingPrefix}${event.issue.id}`, { kind: deleted ? 'delete' : 'upsert', at: now.toISOString() });
  if (deleted) await recordDeletion(event.issue.id, now);
  let queued = await createIfAbsent(SNAPSHOT_KEYS.syncQueued, { at: now.toISOString() });
  if (!queued) {
    const at = (await kvsGet(SNAPSHOT_KEYS.syncQueued)) as { at?: unknown } | undefined;
    if (typeof at?.at === 'string' && now.getTime() - Date.parse(at.at) > SYNC_QUEUED_STALE_MS) {
      await kvsDelete(SNAPSHOT_KEYS.syncQueued);
      queued = await createIfAbsent(SNAPSHOT_KEYS.syncQueued, { at: now.toISOString() });
    }
  }
  if (!queued) return false;
  try {
    await queueSync();
  } catch (error) {
    await kvsDelete(SNAPSHOT_KEYS.syncQueued);
    throw error;
  }
  return true;
}

export interface SyncResult {
  upserted: number;
  deleted: number;
  requests: number;
}

/**
 * Applies the pending issue changes to the snapshot: one bulk fetch per 100 issues, as the app; an issue Jira no
 * longer returns was deleted (or hidden from the app) and leaves the snapshot. Holds the lock throughout so the
 * pending list is cleared only together with the head that contains it.
 */
export async function syncPending(jira: JiraApi, now: () => Date): Promise<SyncResult> {
  await kvsDelete(SNAPSHOT_KEYS.syncQueued);
  return withSnapshotLock(now, async () => {
    const pending = await readAllWithPrefix(SNAPSHOT_KEYS.pendingPrefix);
    const head = await readHead();
    if (pending.length === 0) return { upserted: 0, deleted: 0, requests: 0 };
    if (!head) {
      // No snapshot yet: the build in progress (or the next) reads these issues anyway.
      await deleteKeys(pending.map((p) => p.key));
      return { upserted: 0, deleted: 0, requests: 0 };
    }
    const idOf = (key: string) => key.slice(SNAPSHOT_KEYS.pendingPrefix.length);
    const upsertIds = pending.filter((p) => (p.value as { kind?: unknown } | null)?.kind !== 'delete').map((p) => idOf(p.key));
    const deleteIds = pending.filter((p) => (p.value as { kind?: unknown } | null)?.kind === 'delete').map((p) => idOf(p.key));
    const fetched = await bulkFetchIssues(jira, upsertIds, snapshotFields(head.fieldIds));
    const changed = toChanged(fetched.issues, head.fieldIds, fetched.requests);
    const returned = new Set(fetched.issues.map((i) => i.id));
    const deletedIds = [...deleteIds, ...upsertIds.filter((id) => !returned.has(id))];
    const next = await applyChanges(head, { upserts: changed.issues, deletedIds }, changed.projects, now().getTime());
    // Before the head: a report on the new head must find the newest changes of what it shows.
    const historyRequests = await refreshHistory(jira, next, changed.issues.map((issue) => issue.id));
    await writeHead(next);
    await deleteKeys(pending.map((p) => p.key));
    return { upserted: changed.issues.length, deleted: deletedIds.length, requests: fetched.requests + historyRequests };
  });
}
