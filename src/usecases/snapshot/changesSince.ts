import type { FieldConcept } from '../../domain';
import type { JiraApi } from '../../jira/jiraHttp';
import { searchAllIssues } from '../../jira/search';
import { kvsDelete, kvsSet, readAllWithPrefix, SNAPSHOT_KEYS } from '../../storage/snapshot/snapshotStore';
import type { SnapshotIssue, SnapshotProject } from '../../storage/snapshot/types';
import { projectOfIssue, snapshotFields, toSnapshotIssue } from './snapshotIssue';

/** Covers clock skew between Jira and the function, and the minute JQL's relative dates round to. */
const MARGIN_MINUTES = 2;
/** Deletions are journaled this long, longer than any build runs. */
const DELETION_JOURNAL_MS = 24 * 60 * 60_000;

export interface ChangedIssues {
  issues: SnapshotIssue[];
  projects: SnapshotProject[];
  requests: number;
}

/**
 * Every issue updated since `since`, as whoever `jira` acts for. JQL's relative form (`-15m`) avoids any
 * time-zone reading of an absolute date.
 */
export async function changesSince(jira: JiraApi, since: Date, now: Date, fieldIds: Partial<Record<FieldConcept, string>>): Promise<ChangedIssues> {
  const minutes = Math.max(1, Math.ceil((now.getTime() - since.getTime()) / 60_000)) + MARGIN_MINUTES;
  const found = await searchAllIssues(jira, { jql: `updated >= -${minutes}m ORDER BY id ASC`, fields: snapshotFields(fieldIds) });
  return toChanged(found.issues, fieldIds, found.pages);
}

export function toChanged(beans: Parameters<typeof toSnapshotIssue>[0][], fieldIds: Partial<Record<FieldConcept, string>>, requests: number): ChangedIssues {
  const projects = new Map<string, SnapshotProject>();
  const issues = beans.map((bean) => {
    const project = projectOfIssue(bean);
    if (project) projects.set(project.id, project);
    return toSnapshotIssue(bean, fieldIds);
  });
  return { issues, projects: [...projects.values()], requests };
}

export async function recordDeletion(issueId: string, at: Date): Promise<void> {
  await kvsSet(`${SNAPSHOT_KEYS.deletedPrefix}${issueId}`, { at: at.toISOString() });
}

const atOf = (value: unknown): number => {
  const at = (value as { at?: unknown } | null)?.at;
  return typeof at === 'string' ? Date.parse(at) : 0;
};

/** Ids of issues deleted since `since` (with the margin), from the journal. */
export async function deletionsSince(since: Date): Promise<string[]> {
  const from = since.getTime() - MARGIN_MINUTES * 60_000;
  const journal = await readAllWithPrefix(SNAPSHOT_KEYS.deletedPrefix);
  return journal.filter((e) => atOf(e.value) >= from).map((e) => e.key.slice(SNAPSHOT_KEYS.deletedPrefix.length));
}

export async function pruneDeletions(now: Date): Promise<void> {
  const journal = await readAllWithPrefix(SNAPSHOT_KEYS.deletedPrefix);
  for (const e of journal) if (atOf(e.value) < now.getTime() - DELETION_JOURNAL_MS) await kvsDelete(e.key);
}
