import { boxScope, resolveScope, type Scope, type TransformationConfig } from '../domain';
import type { JiraApi } from '../jira/jiraHttp';
import { readTransformation, type TransformationRead } from './readTransformation';
import { BUILD_STALE_MS, readBuildState } from './snapshot/fullBuild';
import { buildProgressMessage, LIVE_READ_MAX_ISSUES, SnapshotNotReadyError } from './snapshot/notReady';
import { readFromSnapshot, type PriorRead, type SnapshotUnavailable } from './snapshot/readSnapshot';

/** What a page asks to see: the whole transformation or a project's part, optionally one box of it. */
export interface ScopeRequest {
  projectKey: string | null;
  boxId?: string;
}

/** The page asked for a box that is not in its scope, or that the viewer cannot see. */
export class BoxNotOnPageError extends Error {
  constructor(readonly boxId: string) {
    super(`There is no box ${boxId} on this page: it may have been deleted, lie outside this project, or you may not be allowed to browse it.`);
  }
}

export interface ScopedRead extends TransformationRead {
  /** What the figures cover: the page's scope, or the open box's subtree. */
  scope: Scope;
  /** The page's own scope (the whole transformation or the project's part), whichever box is open. */
  pageScope: Scope;
  /** The open box, or null. */
  boxId: string | null;
  /** 'yyyy-mm-dd' of the read, the roadmap's "today". */
  today: string;
  /** The configuration the model was built with. */
  config: TransformationConfig;
}

const LIVE_NOTE: Record<SnapshotUnavailable, string> = {
  none: 'The stored snapshot is not built yet, so these figures were read from Jira just now.',
  mappingChanged: 'The field mapping changed and the snapshot is being rebuilt, so these figures were read from Jira just now.',
  unreadable: 'Part of the stored snapshot could not be read, so these figures were read from Jira just now; the snapshot will be rebuilt.',
};

/**
 * The transformation as the caller may see it, narrowed to a project's part or the whole, and then to one box of it
 * when asked (refused with BoxNotOnPageError when the box is not in that part): from the stored snapshot
 * when there is a usable one, otherwise read from Jira as the caller (and the page says so) — unless the snapshot of a
 * site too large to read live is still being built, which the caller is told, with its progress.
 */
export async function readScope(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, now: Date, prior?: PriorRead): Promise<ScopedRead> {
  const snapshot = await readFromSnapshot(asCaller, config, now, prior);
  let read: TransformationRead;
  if (typeof snapshot === 'string') {
    const build = await readBuildState();
    const building = build !== null && now.getTime() - Date.parse(build.heartbeatAt) < BUILD_STALE_MS;
    // A live read of a large site would only time out: say how far the build is instead.
    if (building && (build.expectedIssues ?? 0) > LIVE_READ_MAX_ISSUES) throw new SnapshotNotReadyError(buildProgressMessage(build, now));
    const live = await readTransformation(asCaller, config, now.toISOString());
    read = { ...live, source: { ...live.source, note: LIVE_NOTE[snapshot] } };
  } else {
    read = snapshot;
  }
  const pageScope = resolveScope(read.model, request.projectKey);
  const scope = request.boxId === undefined ? pageScope : boxScope(read.model, pageScope, request.boxId);
  if (scope === null) throw new BoxNotOnPageError(request.boxId ?? '');
  return { ...read, scope, pageScope, boxId: request.boxId ?? null, today: now.toISOString().slice(0, 10), config };
}
