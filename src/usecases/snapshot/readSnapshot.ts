import { buildTransformationModel, type DataQualityWarning, type HiddenIssue, type TransformationConfig, type WorkItem } from '../../domain';
import type { JiraApi } from '../../jira/jiraHttp';
import { checkBrowse, type BrowseCheck } from '../../jira/permissions';
import { errorCodes, ForgeSQLAPIError } from '@forge/sql';
import { readHiddenRows, readVisibleIssues, restrictedIds, type ViewerFilter } from '../../storage/snapshot/snapshotRows';
import { kvsSet, readHead, SNAPSHOT_KEYS } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead } from '../../storage/snapshot/types';
import type { TransformationRead } from '../readTransformation';
import { findJqlBoxes } from '../jqlBoxes';
import { mappingFingerprint } from './snapshotIssue';
import { FULL_READ_LIMIT, fullReadTooLargeMessage, SnapshotNotReadyError } from './notReady';

/** Why the snapshot could not serve this request; the caller reads live instead. */
export type SnapshotUnavailable = 'none' | 'mappingChanged' | 'unreadable';

interface Built {
  key: string;
  model: TransformationRead['model'];
  issueIds: Map<string, string>;
  hidden: HiddenIssue[];
}

/**
 * The last model built in this function container. Scrolling the roadmap asks for window after window of the same
 * model; rebuilding 100k issues for each would cost a second apiece. Valid only for the same snapshot, settings,
 * viewer's rights, JQL box matches and minute.
 */
let lastBuilt: Built | null = null;

/** Forge SQL answers a query on a table that is not there (a database lost, or never migrated) with this. */
function isMissingTable(error: unknown): boolean {
  return error instanceof ForgeSQLAPIError && error.code === errorCodes.SQL_EXECUTION_ERROR && /doesn't exist|does not exist|no such table/i.test(error.message);
}

/** A model of the head as one viewer sees it, with the issues they may not see (never sent to a page). */
export interface ViewerModel {
  model: TransformationRead['model'];
  issueIds: Map<string, string>;
  hidden: HiddenIssue[];
}

/** Reads the viewer's rows of `head` and builds their model (JQL box types as the viewer's JQL matched). */
export async function modelOfHead(head: SnapshotHead, filter: ViewerFilter, config: TransformationConfig, jqlMatches: Parameters<typeof buildTransformationModel>[2]['jqlMatches'], minute: string): Promise<ViewerModel> {
  const at = { buildId: head.buildId, version: head.version };
  const issueIds = new Map<string, string>();
  const warnings: DataQualityWarning[] = [...head.fieldWarnings];
  // Only the work items are kept of each row, as it arrives: at 300k issues every row held at once would not fit.
  const items: WorkItem[] = await readVisibleIssues(at, filter, (issue) => {
    issueIds.set(issue.item.key, issue.id);
    for (const w of issue.warnings) warnings.push(w);
    return issue.item;
  });
  const hiddenRows = await readHiddenRows(at, filter);
  // Kept server-side only, so each page can say whether it lost anything, and why.
  const hidden: HiddenIssue[] = hiddenRows.map((row) => ({ key: row.key, projectKey: row.projectKey, parentKey: row.parentKey, reason: filter.projectIds.has(row.projectId) ? 'securityLevel' : 'project' }));
  const projectNames = Object.fromEntries(head.projects.filter((p) => filter.projectIds.has(p.id)).map((p) => [p.key, p.name]));
  const built = buildTransformationModel(items, config, { now: minute, jqlMatches, projectNames });
  return { model: { ...built, warnings: [...warnings, ...built.warnings] }, issueIds, hidden };
}

/** What one bulk permission check said a viewer may see of one head: its projects, and its issues under a security level. */
export interface ViewerCheck {
  buildId: string;
  version: number;
  /** The head's issues under a security level (all of them, not only those the viewer may see). */
  restricted: string[];
  browsable: BrowseCheck;
}

/** Asks Jira, as the viewer, which of the head's projects and restricted issues they may see: one bulk check. */
export async function checkViewer(asCaller: JiraApi, head: SnapshotHead): Promise<ViewerCheck> {
  const restricted = await restrictedIds({ buildId: head.buildId, version: head.version });
  // Issues under a security level are checked one by one, in the same request as the projects.
  const browsable = await checkBrowse(asCaller, head.projects.map((p) => p.id), restricted);
  return { buildId: head.buildId, version: head.version, restricted, browsable };
}

/** The viewer may see every issue of the head: every project, and every issue under a security level. */
export const seesEverything = (head: SnapshotHead, check: ViewerCheck): boolean =>
  head.projects.every((p) => check.browsable.projectIds.has(p.id)) && check.restricted.every((id) => check.browsable.issueIds.has(id));

/**
 * The transformation from the stored snapshot, built by the app, narrowed to what the caller may see: one bulk
 * permission check as the caller names the projects they may browse and which issues under a security level they may
 * see, and Forge SQL returns only those issues' rows (so no figure counts another). JQL box types still run as the
 * caller.
 */
/** What the same invocation already read of the snapshot: its head, and maybe the viewer's check of that head. */
export interface PriorRead {
  head: SnapshotHead;
  check?: ViewerCheck;
  /** The page figures of the viewer's class are not current and have been asked for. */
  figuresQueued?: boolean;
}

export async function readFromSnapshot(asCaller: JiraApi, config: TransformationConfig, now: Date, prior?: PriorRead): Promise<TransformationRead | SnapshotUnavailable> {
  let head = prior?.head ?? (await readHead());
  const checked = prior?.check;
  if (!head) return 'none';
  if (head.mappingFingerprint !== mappingFingerprint(config)) return 'mappingChanged';
  if (head.issueCount > FULL_READ_LIMIT.maxIssues) throw new SnapshotNotReadyError(fullReadTooLargeMessage(head.issueCount, prior?.figuresQueued === true));
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  let requests = 0;
  try {
    for (let attempt = 0; ; attempt++) {
      // A check the caller already made of this very head is not asked again.
      const usable = attempt === 0 && checked?.buildId === head.buildId && checked.version === head.version;
      const check = usable && checked ? checked : await checkViewer(asCaller, head);
      const browsable = usable ? { ...check.browsable, requests: 0 } : check.browsable;
      const jqlBoxes = await findJqlBoxes(asCaller, config);
      requests += browsable.requests + jqlBoxes.requests;
      const filter = { projectIds: browsable.projectIds, issueIds: browsable.issueIds };
      const key = JSON.stringify([head.buildId, head.version, head.updatedAt ?? head.syncedAt, config, [...browsable.projectIds].sort(), [...browsable.issueIds].sort(), jqlBoxes.matches, minute]);
      if (lastBuilt?.key !== key) {
        lastBuilt = null; // let the old model be collected before the new one is built
        const built = { key, ...(await modelOfHead(head, filter, config, jqlBoxes.matches, minute)) };
        // A full build swapped in meanwhile removes the old rows: what was read may be partial, so read the new head.
        const again = await readHead();
        if (again && again.buildId !== head.buildId && attempt === 0) {
          head = again;
          continue;
        }
        lastBuilt = { ...built, model: { ...built.model, warnings: [...built.model.warnings, ...jqlBoxes.warnings] } };
      }
      return {
        model: lastBuilt.model,
        requests,
        issueIds: lastBuilt.issueIds,
        fieldIds: head.fieldIds,
        source: { kind: 'snapshot', asOf: head.updatedAt ?? head.syncedAt, rowsHidden: lastBuilt.hidden.length > 0, note: null },
        hidden: lastBuilt.hidden,
        snapshotBuildId: head.buildId,
      };
    }
  } catch (error) {
    if (!isMissingTable(error)) throw error;
    // Served live meanwhile; the flag makes the next reconcile rebuild the snapshot.
    await kvsSet(SNAPSHOT_KEYS.unreadable, { reason: 'rows missing', at: now.toISOString() });
    return 'unreadable';
  }
}
