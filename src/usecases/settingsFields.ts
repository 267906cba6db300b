import { FIELD_CONCEPTS, type ConceptFieldsDto, type FieldConceptDto, type FieldPreviewDto, type SettingsFieldDto, type SettingsFieldsDto } from '../contract';
import type { TransformationConfig } from '../domain/model';
import { CONCEPT_KINDS, listFields, resolveFieldMapping, schemaKind } from '../jira/fields';
import { JiraRequestError, type JiraApi } from '../jira/jiraHttp';
import { jqlString } from '../jira/jql';
import { approximateIssueCount } from '../jira/permissions';
import { fieldClausesSchema, type JiraFieldDetails } from '../jira/schemas';

const byName = (a: JiraFieldDetails, b: JiraFieldDetails): number => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

const accepts = (concept: FieldConceptDto, field: JiraFieldDetails): boolean => {
  const kind = schemaKind(field);
  return kind !== null && CONCEPT_KINDS[concept].includes(kind);
};

/** The site's fields, and for each concept which of them it can read and what the settings in force map it to. */
export async function settingsFields(jira: JiraApi, config: TransformationConfig): Promise<SettingsFieldsDto> {
  const fields = [...(await listFields(jira))].sort(byName);
  const resolved = resolveFieldMapping(fields, config.fieldMapping);
  const fieldDtos: SettingsFieldDto[] = fields.map((f) => ({ id: f.id, name: f.name, custom: f.custom ?? false, schemaType: f.schema?.type ?? null, kind: schemaKind(f) }));
  const concepts: ConceptFieldsDto[] = FIELD_CONCEPTS.map((concept) => ({
    concept,
    accepts: [...CONCEPT_KINDS[concept]],
    compatibleFieldIds: fields.filter((f) => accepts(concept, f)).map((f) => f.id),
    mappedName: config.fieldMapping[concept],
    mappedFieldId: resolved.ids[concept] ?? null,
    problem: resolved.warnings.find((w) => w.field === concept)?.message ?? null,
  }));
  return { fields: fieldDtos, concepts };
}

/**
 * "This field has a value" in JQL, built only from what Jira listed for the field: `cf[N]` for a custom
 * field, otherwise one of Jira's own clause names for it, quoted. Nothing the caller typed reaches the query.
 */
export function valuePresentJql(field: JiraFieldDetails): string {
  const custom = /^customfield_(\d+)$/.exec(field.id);
  if (custom) return `cf[${custom[1]}] IS NOT EMPTY`;
  const clauses = fieldClausesSchema.safeParse(field);
  const names = clauses.success ? (clauses.data.clauseNames ?? []) : [];
  const clause = names.includes(field.id) ? field.id : (names[0] ?? field.id);
  return `${jqlString(clause)} IS NOT EMPTY`;
}

/** How many issues (that the caller may browse) have a value in `fieldId`; null when there is no such field. */
export async function fieldPreview(jira: JiraApi, concept: FieldConceptDto, fieldId: string): Promise<FieldPreviewDto | null> {
  const field = (await listFields(jira)).find((f) => f.id === fieldId);
  if (!field) return null;
  const base = { concept, fieldId: field.id, fieldName: field.name };
  if (!accepts(concept, field)) {
    const problem = `The field "${field.name}" has type ${field.schema?.type ?? 'unknown'}, which ${concept} cannot use (it needs ${CONCEPT_KINDS[concept].join(' or ')})`;
    return { ...base, compatible: false, count: null, jql: null, problem };
  }
  const clauses = fieldClausesSchema.safeParse(field);
  if (clauses.success && clauses.data.searchable === false) {
    return { ...base, compatible: true, count: null, jql: null, problem: `Jira cannot search the field "${field.name}", so its values cannot be counted` };
  }
  const jql = valuePresentJql(field);
  try {
    return { ...base, compatible: true, count: await approximateIssueCount(jira, jql), jql, problem: null };
  } catch (error) {
    if (error instanceof JiraRequestError && error.status === 400) {
      return { ...base, compatible: true, count: null, jql, problem: `Jira could not count the issues with a value in "${field.name}": ${error.jiraMessages.join('; ') || 'the query was refused'}` };
    }
    throw error;
  }
}
