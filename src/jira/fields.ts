import { route } from '@forge/api';
import { callJira, JSON_HEADERS, type JiraApi, type RetryPolicy, DEFAULT_RETRY_POLICY } from './jiraHttp';
import { fieldListSchema, type JiraFieldDetails } from './schemas';
import type { DataQualityWarning, FieldConcept, FieldMapping } from '../domain';

/**
 * Lists the site's system and custom fields, so concepts are mapped by name and schema, never by hard-coded ids.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get
 */
export async function listFields(jira: JiraApi, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<JiraFieldDetails[]> {
  return callJira(() => jira.requestJira(route`/rest/api/3/field`, { method: 'GET', headers: JSON_HEADERS }), '/rest/api/3/field', fieldListSchema, policy);
}

export type SchemaKind = 'date' | 'number' | 'option' | 'user' | 'text' | 'options';

/** Which Jira schema types each concept accepts. */
export const CONCEPT_KINDS: Record<FieldConcept, SchemaKind[]> = {
  startDate: ['date'],
  dueDate: ['date'],
  storyPoints: ['number'],
  originalEstimate: ['number'],
  conversionStage: ['option', 'text'],
  riskLikelihood: ['option', 'number', 'text'],
  riskImpact: ['option', 'number', 'text'],
  residualLikelihood: ['option', 'number', 'text'],
  residualImpact: ['option', 'number', 'text'],
  mitigation: ['text'],
  targetValue: ['number'],
  realisedValue: ['number'],
  stageGate: ['option', 'text'],
  sponsor: ['user'],
  manualProgress: ['number'],
  flagged: ['options'],
};

export function schemaKind(field: JiraFieldDetails): SchemaKind | null {
  const type = field.schema?.type;
  switch (type) {
    case 'date':
    case 'datetime':
      return 'date';
    case 'number':
      return 'number';
    case 'option':
      return 'option';
    case 'user':
      return 'user';
    case 'string':
      return 'text';
    case 'array':
      return field.schema?.items === 'option' ? 'options' : null;
    default:
      return null;
  }
}

export interface ResolvedFields {
  /** Jira field id per concept, for the concepts whose field was found with an acceptable type. */
  ids: Partial<Record<FieldConcept, string>>;
  warnings: DataQualityWarning[];
}

/** Finds each concept's field by display name (case-insensitive) and checks its type. */
export function resolveFieldMapping(fields: readonly JiraFieldDetails[], mapping: FieldMapping): ResolvedFields {
  const byName = new Map<string, JiraFieldDetails[]>();
  for (const field of fields) {
    const name = field.name.trim().toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), field]);
  }
  const ids: Partial<Record<FieldConcept, string>> = {};
  const warnings: DataQualityWarning[] = [];
  for (const concept of Object.keys(mapping) as FieldConcept[]) {
    const wanted = mapping[concept];
    if (!wanted.trim()) continue;
    const candidates = byName.get(wanted.trim().toLowerCase()) ?? [];
    const accepted = candidates.filter((f) => {
      const kind = schemaKind(f);
      return kind !== null && CONCEPT_KINDS[concept].includes(kind);
    });
    const chosen = accepted[0];
    if (chosen) {
      ids[concept] = chosen.id;
      if (accepted.length > 1) {
        warnings.push({ code: 'unmappedField', issueKey: null, field: concept, message: `Several fields are named "${wanted}"; using ${chosen.id}` });
      }
    } else if (candidates.length) {
      warnings.push({ code: 'unmappedField', issueKey: null, field: concept, message: `The field "${wanted}" mapped to ${concept} has type ${candidates[0]?.schema?.type ?? 'unknown'}, which ${concept} cannot use (it needs ${CONCEPT_KINDS[concept].join(' or ')})` });
    } else {
      warnings.push({ code: 'unmappedField', issueKey: null, field: concept, message: `No field named "${wanted}" exists on this site, so ${concept} is not read` });
    }
  }
  return { ids, warnings };
}
