import type { FieldChange, FieldConcept, StatusCategory } from '../domain';
import { fetchFieldChanges, type JiraFieldChange } from '../jira/changelog';
import type { JiraApi } from '../jira/jiraHttp';
import { listStatusCategories } from '../jira/statuses';
import { readHistory as readHistoryRows } from '../storage/snapshot/historyRows';
import type { ScopedRead } from './readScope';
import { historyReady, REPORT_CONCEPTS } from './snapshot/history';

/** Up to this many issues a report asks for its rows by id; a larger scope reads all of the build's and keeps its own. */
const ROWS_BY_ID_MAX = 5_000;

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

export interface ScopeHistory {
  history: FieldChange[];
  statusCategories: Record<string, StatusCategory>;
  requests: number;
}

/**
 * The changelog of every issue in scope for status and the concepts the reports follow: from the snapshot's changelog
 * rows when the figures come from a snapshot whose rows are complete (no Jira request), else read from Jira as the
 * caller. Changes made after the model's moment (`read.source.asOf`) are left out: the model does not show them yet,
 * and a report mixing the two would count a change against a state it did not come from.
 */
export async function readHistory(jira: JiraApi, read: ScopedRead): Promise<ScopeHistory> {
  const keys = [...read.scope.itemKeys, ...read.scope.boxIds];
  const issueIds = keys.map((key) => read.issueIds.get(key)).filter((id): id is string => id !== undefined);
  const keyById = new Map(keys.map((key) => [read.issueIds.get(key), key]));
  const asOf = Date.parse(read.source.asOf);
  const concepts = conceptsOf(read.fieldIds);
  const [changes, statusCategories] = await Promise.all([readChanges(jira, read, issueIds, [...concepts.keys()], asOf), readStatusCategories(jira)]);
  return { history: reportChanges(changes.changes, concepts, keyById, asOf), statusCategories, requests: changes.requests + 1 };
}

/** Which report concept each field id's changes are of: status, and the report concepts that are mapped. */
export function conceptsOf(fieldIds: Partial<Record<FieldConcept, string>>): Map<string, FieldChange['concept']> {
  const conceptByFieldId = new Map<string, FieldChange['concept']>([['status', 'status']]);
  for (const concept of REPORT_CONCEPTS) {
    const id = fieldIds[concept];
    if (id) conceptByFieldId.set(id, concept);
  }
  return conceptByFieldId;
}

/** The changes of the issues named in `keyById`, of a report concept, made up to `asOf`, as the reports read them. */
export function reportChanges(changes: readonly JiraFieldChange[], concepts: ReadonlyMap<string, FieldChange['concept']>, keyById: ReadonlyMap<string | undefined, string>, asOf: number): FieldChange[] {
  const history: FieldChange[] = [];
  for (const change of changes) {
    if (Date.parse(change.at) > asOf) continue;
    const key = keyById.get(change.issueId);
    const concept = change.fieldId ? concepts.get(change.fieldId) : undefined;
    if (key && concept) history.push({ key, at: change.at, concept, from: change.fromString, to: change.toString });
  }
  return history;
}

/** The site's statuses by name, with the category each is in (one Jira request). */
export async function readStatusCategories(jira: JiraApi): Promise<Record<string, StatusCategory>> {
  const statusCategories: Record<string, StatusCategory> = {};
  for (const [name, category] of Object.entries(await listStatusCategories(jira))) {
    const known = CATEGORIES.find((c) => c === category);
    if (known) statusCategories[name] = known;
  }
  return statusCategories;
}

async function readChanges(jira: JiraApi, read: ScopedRead, issueIds: readonly string[], fieldIds: readonly string[], asOf: number): Promise<{ changes: JiraFieldChange[]; requests: number }> {
  if (issueIds.length === 0) return { changes: [], requests: 0 };
  const buildId = read.source.kind === 'snapshot' ? read.snapshotBuildId : undefined;
  if (buildId !== undefined && (await historyReady(buildId))) {
    // Every id in scope is the viewer's: the model was built from the rows they may see.
    const changes = await readHistoryRows(buildId, issueIds.length <= ROWS_BY_ID_MAX ? issueIds : 'all', asOf);
    return { changes, requests: 0 };
  }
  return fetchFieldChanges(jira, issueIds, fieldIds);
}
