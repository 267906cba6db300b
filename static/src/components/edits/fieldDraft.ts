/** An issue's edit form: what the user changed, as the writes that make the change. No React here. */
import type { EditableConceptDto, EditableFieldDto, EditValueDto, FieldChangeRequestDto } from '../../../../src/contract';

export type Draft = Partial<Record<EditableConceptDto, EditValueDto>>;

export const CONCEPT_LABELS: Record<EditableConceptDto, string> = {
  startDate: 'Start date',
  dueDate: 'Due date',
  conversionStage: 'Conversion stage',
  riskLikelihood: 'Likelihood',
  riskImpact: 'Impact',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  mitigation: 'Mitigation',
  flagged: 'Flagged',
};

const same = (a: EditValueDto | undefined, b: EditValueDto | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
/** A flag reads false when Jira holds none. */
const normal = (field: EditableFieldDto): EditValueDto => (field.concept === 'flagged' ? field.current === true || (Array.isArray(field.current) && field.current.length > 0) : field.current);

/** The value a field shows in the form: the draft's if the user changed it, else Jira's. */
export const shownValue = (field: EditableFieldDto, draft: Draft): EditValueDto => (field.concept in draft ? (draft[field.concept] ?? null) : normal(field));

/** One write per editable field whose value the user changed, each expecting what Jira held when the form was read. */
export function draftChanges(issueKey: string, fields: readonly EditableFieldDto[], draft: Draft): FieldChangeRequestDto[] {
  return fields
    .filter((f) => f.editable && f.concept in draft && !same(draft[f.concept], normal(f)))
    .map((f) => ({ issueKey, concept: f.concept, value: draft[f.concept] ?? null, expected: f.current }));
}

/** "Likelihood, Mitigation" */
export const changedNames = (changes: readonly FieldChangeRequestDto[]): string => changes.map((c) => CONCEPT_LABELS[c.concept]).join(', ');
