import type { CreatedIssueDto, CreateIssueRequestDto, EditableConceptDto } from '../../contract';
import type { TransformationConfig } from '../../domain';
import { toJiraValue } from '../../jira/editValues';
import { listFields, resolveFieldMapping } from '../../jira/fields';
import { createIssue, deleteIssue, getCreatableIssueTypes } from '../../jira/issueCreate';
import { getIssueFields } from '../../jira/issueEdits';
import type { JiraApi } from '../../jira/jiraHttp';
import { EditRefusedError } from './changeField';

/** The settings name no type for action items: they are Jira's ordinary tasks. */
const ACTION_ITEM_TYPES = ['Task'];

const typeNames = (config: TransformationConfig, kind: CreateIssueRequestDto['kind']): readonly string[] =>
  kind === 'risk' ? config.riskIssueTypes : kind === 'milestone' ? config.milestoneIssueTypes : ACTION_ITEM_TYPES;

const projectOf = (issueKey: string) => issueKey.slice(0, issueKey.lastIndexOf('-'));

/**
 * Creates a risk, a milestone or an action item under a box, in the box's project, as whoever `jira` acts for (the
 * viewer): Jira must offer them the issue type there (createmeta), and applies its own checks to the rest.
 */
export async function createUnderBox(jira: JiraApi, config: TransformationConfig, request: CreateIssueRequestDto): Promise<CreatedIssueDto> {
  const projectKey = projectOf(request.boxKey);
  const wanted = typeNames(config, request.kind).map((n) => n.trim().toLowerCase());
  const type = (await getCreatableIssueTypes(jira, projectKey)).find((t) => wanted.includes(t.name.trim().toLowerCase()));
  if (!type) throw new EditRefusedError('notEditable', `Jira does not let you create a ${typeNames(config, request.kind)[0] ?? request.kind} in ${projectKey}.`);

  const fields: Record<string, unknown> = { project: { key: projectKey }, issuetype: { id: type.id }, summary: request.summary, parent: { key: request.boxKey } };
  const values: Array<[EditableConceptDto, string | null | undefined]> = [
    ['dueDate', request.kind === 'risk' ? undefined : request.dueDate],
    ['riskLikelihood', request.kind === 'risk' ? request.likelihood : undefined],
    ['riskImpact', request.kind === 'risk' ? request.impact : undefined],
  ];
  const given = values.filter((v): v is [EditableConceptDto, string] => typeof v[1] === 'string');
  if (given.length > 0) {
    const jiraFields = await listFields(jira);
    const ids = resolveFieldMapping(jiraFields, config.fieldMapping).ids;
    for (const [concept, value] of given) {
      const field = jiraFields.find((f) => f.id === ids[concept]);
      if (!field) throw new EditRefusedError('notMapped', `No Jira field is mapped to ${concept} in the settings, so it cannot be set here.`);
      const jiraValue = toJiraValue(field, value);
      if (!jiraValue.ok) throw new EditRefusedError('badValue', `${field.name} takes ${jiraValue.problem}.`);
      fields[field.id] = jiraValue.value;
    }
  }
  const created = await createIssue(jira, fields);
  return { key: created.key, kind: request.kind, boxKey: request.boxKey, summary: request.summary };
}

const reporterOf = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && 'accountId' in value && typeof value.accountId === 'string' ? value.accountId : null;

/**
 * Undoes a creation from the app: deletes the issue, as the viewer, only if they reported it and nobody has changed
 * it since it was created. Anything else is left for Jira itself.
 */
export async function uncreate(jira: JiraApi, accountId: string, issueKey: string): Promise<{ issueKey: string }> {
  const issue = await getIssueFields(jira, issueKey, ['reporter', 'created', 'updated']);
  const fields = issue.fields ?? {};
  const untouched = typeof fields['created'] === 'string' && fields['created'] === fields['updated'];
  if (reporterOf(fields['reporter']) !== accountId || !untouched) {
    throw new EditRefusedError('notEditable', `${issueKey} was created by someone else or changed since, so the app does not delete it; do that in Jira if you mean it.`);
  }
  await deleteIssue(jira, issueKey);
  return { issueKey };
}
