import { countVisible, discardAbove, markReplaced, pruneReplaced, writeIssues } from '../../storage/snapshot/snapshotRows';
import type { SnapshotHead, SnapshotIssue, SnapshotProject } from '../../storage/snapshot/types';

export interface SnapshotChanges {
  upserts: readonly SnapshotIssue[];
  deletedIds: readonly string[];
}

/** Rows replaced longer ago than this are removed: longer than any page takes to read one head. */
const KEEP_REPLACED_MS = 10 * 60_000;

/**
 * Writes the changes as rows of the head's next version and returns the head that shows them. Nothing visible
 * changes until the caller writes that head; the caller holds the snapshot lock, so no other change writes the
 * same version meanwhile.
 */
export async function applyChanges(head: SnapshotHead, changes: SnapshotChanges, projects: readonly SnapshotProject[], nowMs: number = Date.now()): Promise<SnapshotHead> {
  const knownProjects = new Map(head.projects.map((p) => [p.id, p]));
  for (const p of projects) knownProjects.set(p.id, p);
  const nextProjects = [...knownProjects.values()].sort((a, b) => a.key.localeCompare(b.key));
  if (changes.upserts.length === 0 && changes.deletedIds.length === 0) return { ...head, projects: nextProjects };
  const at = { buildId: head.buildId, version: head.version };
  const next = head.version + 1;
  // A change that died before its head was written left rows of the next version: they must not show later.
  await discardAbove(at);
  await markReplaced(head.buildId, [...changes.upserts.map((i) => i.id), ...changes.deletedIds], next, nowMs);
  await writeIssues(head.buildId, next, changes.upserts);
  await pruneReplaced(head.buildId, nowMs - KEEP_REPLACED_MS);
  return { ...head, version: next, issueCount: await countVisible({ buildId: head.buildId, version: next }), projects: nextProjects };
}
