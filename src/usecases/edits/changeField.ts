import type { EditableConceptDto, EditValueDto, FieldChangeDto, FieldChangeRequestDto } from '../../contract';
import type { TransformationConfig } from '../../domain';
import { fromJiraValue, sameValue, toJiraValue } from '../../jira/editValues';
import { listFields, resolveFieldMapping } from '../../jira/fields';
import { editIssue, getEditMeta, getIssueFields } from '../../jira/issueEdits';
import type { JiraApi } from '../../jira/jiraHttp';

/** Why a change was not written, in words a user can act on. */
export class EditRefusedError extends Error {
  constructor(
    readonly reason: 'notMapped' | 'notEditable' | 'notOnScreen' | 'badValue' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'EditRefusedError';
  }
}

/** Jira holds another value than the page showed: someone changed it meanwhile. Nothing was written. */
export class EditConflictError extends Error {
  constructor(
    readonly issueKey: string,
    readonly concept: EditableConceptDto,
    readonly current: EditValueDto,
  ) {
    super(`${issueKey} changed in Jira since this page read it: it now holds ${JSON.stringify(current)}. Nothing was written; check the new value and try again.`);
    this.name = 'EditConflictError';
  }
}

/**
 * Changes one mapped field of one issue, as whoever `jira` acts for (the viewer): the field must be on the issue's
 * edit screen for them, and still hold what the page showed. Four Jira requests: fields, editmeta, the issue, the write.
 */
export async function changeField(jira: JiraApi, config: TransformationConfig, change: FieldChangeRequestDto): Promise<FieldChangeDto> {
  // The same resolution the reads use: by name, and only a field of a type the concept accepts.
  const fields = await listFields(jira);
  const fieldId = resolveFieldMapping(fields, config.fieldMapping).ids[change.concept];
  const field = fieldId === undefined ? undefined : fields.find((f) => f.id === fieldId);
  if (!field) throw new EditRefusedError('notMapped', `No Jira field is mapped to ${change.concept} in the settings, so it cannot be changed here.`);

  const meta = await getEditMeta(jira, change.issueKey);
  if (Object.keys(meta.fields).length === 0) throw new EditRefusedError('notEditable', `You may not edit ${change.issueKey} in Jira.`);
  if (!(field.id in meta.fields)) throw new EditRefusedError('notOnScreen', `${field.name} is not on ${change.issueKey}'s edit screen in Jira, so it is shown read-only.`);

  const jiraValue = toJiraValue(field, change.value);
  if (!jiraValue.ok) throw new EditRefusedError('badValue', `${field.name} takes ${jiraValue.problem}.`);

  const issue = await getIssueFields(jira, change.issueKey, [field.id]);
  const current = fromJiraValue(field, issue.fields?.[field.id]);
  if (current === undefined) throw new EditRefusedError('unreadable', `${change.issueKey}'s ${field.name} holds a value the app cannot read, so it is not overwritten.`);
  if (!sameValue(current, change.expected)) throw new EditConflictError(change.issueKey, change.concept, current);
  if (!sameValue(current, change.value)) await editIssue(jira, change.issueKey, { [field.id]: jiraValue.value });
  return { issueKey: change.issueKey, concept: change.concept, previous: current, current: change.value };
}
