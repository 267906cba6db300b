import type { FieldChange, FieldConcept, StatusCategory } from '../domain';
import { fetchFieldChanges } from '../jira/changelog';
import type { JiraApi } from '../jira/jiraHttp';
import { listStatusCategories } from '../jira/statuses';
import type { ScopedRead } from './readScope';

/** The fields whose history the reports read (Jira takes at most 10 field ids per request, status included). */
const REPORT_CONCEPTS: readonly FieldConcept[] = ['conversionStage', 'riskLikelihood', 'riskImpact', 'stageGate', 'realisedValue', 'targetValue', 'flagged'];

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

export interface ScopeHistory {
  history: FieldChange[];
  statusCategories: Record<string, StatusCategory>;
  requests: number;
}

/**
 * Reads, as the caller, the changelog of every issue in scope for status and the concepts the reports follow.
 * Changes made after the model's moment (`read.source.asOf`) are left out: the model does not show them yet, and
 * a report mixing the two would count a change against a state it did not come from.
 */
export async function readHistory(jira: JiraApi, read: ScopedRead): Promise<ScopeHistory> {
  const conceptByFieldId = new Map<string, FieldChange['concept']>([['status', 'status']]);
  for (const concept of REPORT_CONCEPTS) {
    const id = read.fieldIds[concept];
    if (id) conceptByFieldId.set(id, concept);
  }
  const keys = [...read.scope.itemKeys, ...read.scope.boxIds];
  const issueIds = keys.map((key) => read.issueIds.get(key)).filter((id): id is string => id !== undefined);
  const keyById = new Map(keys.map((key) => [read.issueIds.get(key), key]));
  const [changes, statuses] = await Promise.all([
    issueIds.length > 0 ? fetchFieldChanges(jira, issueIds, [...conceptByFieldId.keys()]) : Promise.resolve({ changes: [], requests: 0 }),
    listStatusCategories(jira),
  ]);
  const history: FieldChange[] = [];
  const asOf = Date.parse(read.source.asOf);
  for (const change of changes.changes) {
    if (Date.parse(change.at) > asOf) continue;
    const key = keyById.get(change.issueId);
    const concept = change.fieldId ? conceptByFieldId.get(change.fieldId) : undefined;
    if (key && concept) history.push({ key, at: change.at, concept, from: change.fromString, to: change.toString });
  }
  const statusCategories: Record<string, StatusCategory> = {};
  for (const [name, category] of Object.entries(statuses)) {
    const known = CATEGORIES.find((c) => c === category);
    if (known) statusCategories[name] = known;
  }
  return { history, statusCategories, requests: changes.requests + 1 };
}
