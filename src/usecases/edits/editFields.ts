import { EDITABLE_CONCEPTS, type EditableFieldDto, type IssueEditFieldsDto } from '../../contract';
import type { TransformationConfig } from '../../domain';
import { fromJiraValue } from '../../jira/editValues';
import { listFields, resolveFieldMapping } from '../../jira/fields';
import { getEditMeta, getIssueFields } from '../../jira/issueEdits';
import type { JiraApi } from '../../jira/jiraHttp';

/**
 * What the viewer may change on one issue, concept by concept, and why not where not: the field must be mapped in the
 * settings and on the issue's edit screen for them (Jira's editmeta). Carries Jira's current values, so a change made
 * from this answer is checked against what the viewer saw.
 */
export async function issueEditFields(jira: JiraApi, config: TransformationConfig, issueKey: string): Promise<IssueEditFieldsDto> {
  const fields = await listFields(jira);
  const ids = resolveFieldMapping(fields, config.fieldMapping).ids;
  const mapped = EDITABLE_CONCEPTS.map((concept) => ({ concept, field: fields.find((f) => f.id === ids[concept]) }));
  const [meta, issue] = await Promise.all([getEditMeta(jira, issueKey), getIssueFields(jira, issueKey, mapped.flatMap(({ field }) => (field ? [field.id] : [])))]);
  const mayEdit = Object.keys(meta.fields).length > 0;
  return {
    issueKey,
    fields: mapped.map(({ concept, field }): EditableFieldDto => {
      if (!field) return { concept, editable: false, reason: `No Jira field is mapped to ${concept} in the settings.`, current: null, options: null };
      const current = fromJiraValue(field, issue.fields?.[field.id]);
      const screen = meta.fields[field.id];
      const options = screen?.allowedValues ? screen.allowedValues.flatMap((v) => (v.value === undefined ? [] : [v.value])) : null;
      const reason = !mayEdit
        ? `You may not edit ${issueKey} in Jira.`
        : !screen
          ? `${field.name} is not on ${issueKey}'s edit screen in Jira.`
          : current === undefined
            ? `${field.name} holds a value the app cannot read, so it is not overwritten.`
            : null;
      return { concept, editable: reason === null, reason, current: current ?? null, options };
    }),
  };
}
