import { resolveScope, type TransformationConfig } from '../domain';
import type { JiraApi } from '../jira/jiraHttp';
import { readTransformation, type TransformationRead } from './readTransformation';
import { readFromSnapshot, type SnapshotUnavailable } from './snapshot/readSnapshot';

export interface ScopedRead extends TransformationRead {
  scope: ReturnType<typeof resolveScope>;
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
 * The transformation as the caller may see it, narrowed to a project's part or the whole: from the stored snapshot
 * when there is a usable one, otherwise read from Jira as the caller (and the page says so).
 */
export async function readScope(asCaller: JiraApi, config: TransformationConfig, projectKey: string | null, now: Date): Promise<ScopedRead> {
  const snapshot = await readFromSnapshot(asCaller, config, now);
  let read: TransformationRead;
  if (typeof snapshot === 'string') {
    const live = await readTransformation(asCaller, config, now.toISOString());
    read = { ...live, source: { ...live.source, note: LIVE_NOTE[snapshot] } };
  } else {
    read = snapshot;
  }
  return { ...read, scope: resolveScope(read.model, projectKey), today: now.toISOString().slice(0, 10), config };
}
