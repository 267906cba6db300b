import type { FieldConcept, TransformationConfig } from '../../domain';
import { BASE_FIELDS, toWorkItem } from '../../jira/issueMapper';
import type { JiraIssueBean } from '../../jira/schemas';
import type { SnapshotIssue, SnapshotProject } from '../../storage/snapshot/types';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields a snapshot read asks Jira for: the base fields, the issue security level and every mapped concept's field. */
export const snapshotFields = (fieldIds: Partial<Record<FieldConcept, string>>): string[] => [...BASE_FIELDS, 'security', ...new Set(Object.values(fieldIds))];

/** The project an issue is in, as the search answer names it; null when Jira left it out. */
export function projectOfIssue(issue: JiraIssueBean): SnapshotProject | null {
  const project = issue.fields?.project;
  if (!isRecord(project) || typeof project.id !== 'string' || typeof project.key !== 'string') return null;
  return { id: project.id, key: project.key, name: typeof project.name === 'string' ? project.name : project.key };
}

/** An issue as the snapshot stores it, mapped with the snapshot's field ids. */
export function toSnapshotIssue(issue: JiraIssueBean, fieldIds: Partial<Record<FieldConcept, string>>): SnapshotIssue {
  const { item, warnings } = toWorkItem(issue, fieldIds);
  const security = issue.fields?.security;
  // Anything but a clear "no level" counts as restricted: an unreadable value must not widen who sees the issue.
  const restricted = security !== null && security !== undefined;
  return { id: issue.id, projectId: projectOfIssue(issue)?.id ?? '', item, warnings, ...(restricted ? { restricted: true as const } : {}) };
}

/** Equal for two configurations exactly when their issues map to the same work items. */
export const mappingFingerprint = (config: TransformationConfig): string => JSON.stringify(Object.entries(config.fieldMapping).sort(([a], [b]) => a.localeCompare(b)));
