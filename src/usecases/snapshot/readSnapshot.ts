import { buildTransformationModel, type DataQualityWarning, type HiddenIssue, type TransformationConfig, type WorkItem } from '../../domain';
import type { JiraApi } from '../../jira/jiraHttp';
import { checkBrowse } from '../../jira/permissions';
import { kvsSet, readChunks, readHead, SNAPSHOT_KEYS, SnapshotChunkMissingError, SnapshotChunkUnreadableError } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead, SnapshotIssue } from '../../storage/snapshot/types';
import type { TransformationRead } from '../readTransformation';
import { findJqlBoxes } from '../jqlBoxes';
import { mappingFingerprint } from './snapshotIssue';

/** Why the snapshot could not serve this request; the caller reads live instead. */
export type SnapshotUnavailable = 'none' | 'mappingChanged' | 'unreadable';

/**
 * The last model built in this function container. Scrolling the roadmap asks for window after window of the same
 * model; rebuilding 100k issues for each would cost a second apiece. Valid only for the same snapshot, settings,
 * viewer's rights, JQL box matches and minute.
 */
let lastBuilt: { key: string; model: TransformationRead['model'] } | null = null;

/** Reads the chunks the head names; when a sync replaced the head meanwhile, reads the new head once. */
async function loadIssues(head: SnapshotHead): Promise<{ head: SnapshotHead; issues: SnapshotIssue[][] } | null> {
  try {
    return { head, issues: await readChunks(head.chunks) };
  } catch (error) {
    if (!(error instanceof SnapshotChunkMissingError)) throw error;
    const again = await readHead();
    return again ? { head: again, issues: await readChunks(again.chunks) } : null;
  }
}

/**
 * The transformation from the stored snapshot, built by the app, narrowed to what the caller may see: one bulk
 * permission check as the caller names the projects they may browse and which issues under a security level they may
 * see, and every other issue is left out before the model is built (so no figure counts it). JQL box types still run
 * as the caller.
 */
export async function readFromSnapshot(asCaller: JiraApi, config: TransformationConfig, now: Date): Promise<TransformationRead | SnapshotUnavailable> {
  const stored = await readHead();
  if (!stored) return 'none';
  if (stored.mappingFingerprint !== mappingFingerprint(config)) return 'mappingChanged';
  let loaded: Awaited<ReturnType<typeof loadIssues>>;
  try {
    loaded = await loadIssues(stored);
  } catch (error) {
    if (!(error instanceof SnapshotChunkUnreadableError)) throw error;
    // Served live meanwhile; the flag makes the next reconcile rebuild the snapshot.
    await kvsSet(SNAPSHOT_KEYS.unreadable, { key: error.key, at: now.toISOString() });
    return 'unreadable';
  }
  if (!loaded) return 'none';
  const { head, issues } = loaded;
  // Issues under a security level are checked one by one, in the same request as the projects.
  const restrictedIds = issues.flatMap((chunk) => chunk.filter((i) => i.restricted).map((i) => i.id));
  const browsable = await checkBrowse(asCaller, head.projects.map((p) => p.id), restrictedIds);
  const items: WorkItem[] = [];
  const issueIds = new Map<string, string>();
  const warnings: DataQualityWarning[] = [...head.fieldWarnings];
  const hidden: HiddenIssue[] = [];
  for (const chunk of issues) {
    for (const issue of chunk) {
      const project = browsable.projectIds.has(issue.projectId);
      if (!project || (issue.restricted && !browsable.issueIds.has(issue.id))) {
        // Kept server-side only, so each page can say whether it lost anything, and why.
        hidden.push({ key: issue.item.key, projectKey: issue.item.projectKey, parentKey: issue.item.parentKey, reason: project ? 'securityLevel' : 'project' });
        continue;
      }
      items.push(issue.item);
      issueIds.set(issue.item.key, issue.id);
      for (const w of issue.warnings) warnings.push(w);
    }
  }
  const jqlBoxes = await findJqlBoxes(asCaller, config);
  warnings.push(...jqlBoxes.warnings);
  const projectNames = Object.fromEntries(head.projects.filter((p) => browsable.projectIds.has(p.id)).map((p) => [p.key, p.name]));
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  const key = JSON.stringify([head.buildId, head.updatedAt ?? head.syncedAt, head.chunks.length, config, [...browsable.projectIds].sort(), [...browsable.issueIds].sort(), jqlBoxes.matches, minute]);
  if (lastBuilt?.key !== key) {
    lastBuilt = null; // let the old model be collected before the new one is built
    const built = buildTransformationModel(items, config, { now: minute, jqlMatches: jqlBoxes.matches, projectNames });
    lastBuilt = { key, model: { ...built, warnings: [...warnings, ...built.warnings] } };
  }
  return {
    model: lastBuilt.model,
    requests: browsable.requests + jqlBoxes.requests,
    issueIds,
    fieldIds: head.fieldIds,
    source: { kind: 'snapshot', asOf: head.updatedAt ?? head.syncedAt, rowsHidden: hidden.length > 0, note: null },
    hidden,
  };
}
