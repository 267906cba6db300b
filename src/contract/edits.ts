/** Changes a page makes in Jira, as the viewer (issue 16): one field of one issue, or a status transition. */

/** The concepts a page may change, each through the field the settings map it to. */
export const EDITABLE_CONCEPTS = ['startDate', 'dueDate', 'conversionStage', 'riskLikelihood', 'riskImpact', 'residualLikelihood', 'residualImpact', 'mitigation', 'flagged'] as const;
export type EditableConceptDto = (typeof EDITABLE_CONCEPTS)[number];

/** A field's value as the pages hold it: a date as yyyy-mm-dd, a number, an option's text, text, flags; null = empty. */
export type EditValueDto = string | number | boolean | string[] | null;

export interface FieldChangeRequestDto {
  issueKey: string;
  concept: EditableConceptDto;
  value: EditValueDto;
  /** The value the page showed: if Jira holds another one now, nothing is written and the answer says so. */
  expected: EditValueDto;
}

export interface FieldChangeDto {
  issueKey: string;
  concept: EditableConceptDto;
  /** What Jira held before: sending it back with `expected: current` undoes the change. */
  previous: EditValueDto;
  current: EditValueDto;
}

export interface TransitionOptionDto {
  id: string;
  name: string;
  toStatus: string;
  toCategory: 'new' | 'indeterminate' | 'done' | null;
  /** Fields the transition's screen requires: such a transition is refused here with their names. */
  requiredFields: Array<{ id: string; name: string }>;
}

export interface TransitionsDto {
  issueKey: string;
  status: string;
  transitions: TransitionOptionDto[];
}

export interface TransitionRequestDto {
  issueKey: string;
  transitionId: string;
  /** The status the page showed. */
  expectedStatus: string;
}

export interface TransitionDoneDto {
  issueKey: string;
  previousStatus: string;
  status: string;
}

/** Where the viewer may change issues: Jira project keys, from one bulk permission check as the viewer. */
export interface EditCapabilitiesDto {
  /** EDIT_ISSUES */
  edit: string[];
  /** TRANSITION_ISSUES */
  transition: string[];
  /** CREATE_ISSUES */
  create: string[];
}

/** One concept of one issue as its edit screen offers it to the viewer (Jira's editmeta). */
export interface EditableFieldDto {
  concept: EditableConceptDto;
  editable: boolean;
  /** Why it is read-only; null when editable. */
  reason: string | null;
  /** What Jira holds now, as a page holds it (the `expected` of a change made from this answer). */
  current: EditValueDto;
  /** An option field's options, as Jira's edit screen allows them; null for other fields. */
  options: string[] | null;
}

export interface IssueEditFieldsDto {
  issueKey: string;
  fields: EditableFieldDto[];
}

/** What a page may create under a box: a risk, a milestone or an action item (a task). */
export const CREATABLE_KINDS = ['risk', 'milestone', 'actionItem'] as const;
export type CreatableKindDto = (typeof CREATABLE_KINDS)[number];

export interface CreateIssueRequestDto {
  kind: CreatableKindDto;
  /** The box it is created under (its parent), in the box's project. */
  boxKey: string;
  summary: string;
  /** A milestone's or action item's due date. */
  dueDate?: string | null;
  /** A risk's likelihood and impact, as the options Jira offers (e.g. "Likely"). */
  likelihood?: string | null;
  impact?: string | null;
}

export interface CreatedIssueDto {
  key: string;
  kind: CreatableKindDto;
  boxKey: string;
  summary: string;
}

export const EDIT_KEYS = {
  change: 'edit/change',
  transitions: 'edit/transitions',
  transition: 'edit/transition',
  capabilities: 'edit/capabilities',
  fields: 'edit/fields',
  create: 'edit/create',
  /** Undoes a creation: deletes the issue if the caller created it and nobody changed it since. */
  uncreate: 'edit/uncreate',
} as const;
