import type { DataQualityWarning, FieldConcept, RawFieldValue, StatusCategory, WorkItem } from '../domain';
import type { JiraIssueBean } from './schemas';

/** System fields every read asks for, besides the mapped concepts. */
export const BASE_FIELDS = ['summary', 'status', 'issuetype', 'project', 'parent', 'assignee', 'labels', 'created', 'updated', 'resolutiondate', 'issuelinks'];

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const STATUS_CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/** Plain text of an Atlassian Document Format node, as rich-text fields arrive in REST v3. */
function adfText(node: unknown): string {
  if (!isRecord(node)) return '';
  if (typeof node.text === 'string') return node.text;
  const children = Array.isArray(node.content) ? node.content.map(adfText) : [];
  return children.join(node.type === 'doc' ? '\n' : '');
}

/** Unwraps a Jira field value into something the domain can judge, or undefined if we cannot read it. */
export function unwrapFieldValue(value: unknown): RawFieldValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const parts = value.map((v) => unwrapFieldValue(v));
    return parts.every((p): p is string => typeof p === 'string') ? parts : undefined;
  }
  if (isRecord(value)) {
    if (value.type === 'doc') return adfText(value);
    if (typeof value.value === 'string') return value.value;
    if (typeof value.displayName === 'string') return value.displayName;
    if (typeof value.name === 'string') return value.name;
  }
  return undefined;
}

function blockedKeys(links: unknown): string[] {
  if (!Array.isArray(links)) return [];
  const keys: string[] = [];
  for (const link of links) {
    if (!isRecord(link) || !isRecord(link.type) || !isRecord(link.outwardIssue)) continue;
    const name = str(link.type.name)?.toLowerCase();
    const outward = str(link.type.outward)?.toLowerCase();
    const key = str(link.outwardIssue.key);
    if (key && (name === 'blocks' || outward === 'blocks')) keys.push(key);
  }
  return keys;
}

export interface MappedIssue {
  item: WorkItem;
  warnings: DataQualityWarning[];
}

/** Turns one issue of a search answer into a work item, reporting every field it could not read. */
export function toWorkItem(issue: JiraIssueBean, fieldIds: Partial<Record<FieldConcept, string>>): MappedIssue {
  const fields: Fields = issue.fields ?? {};
  const warnings: DataQualityWarning[] = [];
  const warn = (field: string, message: string) => warnings.push({ code: 'unexpectedFieldValue', issueKey: issue.key, field, message: `${issue.key}: ${message}` });

  const status = isRecord(fields.status) ? fields.status : null;
  const categoryKey = status && isRecord(status.statusCategory) ? str(status.statusCategory.key) : null;
  const statusCategory = STATUS_CATEGORIES.find((c) => c === categoryKey) ?? null;
  const project = isRecord(fields.project) ? str(fields.project.key) : null;
  const issueType = isRecord(fields.issuetype) ? str(fields.issuetype.name) : null;
  const summary = str(fields.summary);
  if (summary === null) warn('summary', 'the summary is missing or not text');
  if (issueType === null) warn('issuetype', 'the issue type is missing');
  const parentKey = isRecord(fields.parent) ? str(fields.parent.key) : null;
  if (parentKey === null && fields.parent !== undefined && fields.parent !== null) warn('parent', 'the parent field holds a value of an unexpected shape, so the issue is not placed under its parent');
  const labels = Array.isArray(fields.labels) ? fields.labels.filter((l): l is string => typeof l === 'string') : [];

  const mapped: Partial<Record<FieldConcept, RawFieldValue>> = {};
  for (const [concept, fieldId] of Object.entries(fieldIds) as [FieldConcept, string][]) {
    const raw = fields[fieldId];
    const value = unwrapFieldValue(raw);
    if (value === undefined) warn(concept, `the ${concept} field (${fieldId}) holds a value of an unexpected shape`);
    else mapped[concept] = value;
  }

  const item: WorkItem = {
    key: issue.key,
    projectKey: project ?? issue.key.split('-')[0] ?? '',
    issueType: issueType ?? 'Unknown',
    summary: summary ?? '(no summary)',
    status: status ? (str(status.name) ?? 'Unknown') : 'Unknown',
    statusCategory,
    parentKey,
    assignee: isRecord(fields.assignee) ? str(fields.assignee.displayName) : null,
    labels,
    created: str(fields.created),
    updated: str(fields.updated),
    resolved: str(fields.resolutiondate),
    fields: mapped,
    blocks: blockedKeys(fields.issuelinks),
  };
  return { item, warnings };
}
