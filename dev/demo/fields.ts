/**
 * The site's fields as /rest/api/3/field lists them, and builders for their values in REST v3 JSON shape.
 * Custom field names come from DEFAULT_CONFIG's field mapping so the app finds them out of the box.
 */
import type { SiteField } from '../emulator/siteData';
import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import { SITE_URL } from './catalog';
import type { Person } from './users';

const names = DEFAULT_CONFIG.fieldMapping;

export const STAGES: readonly string[] = DEFAULT_CONFIG.conversion.stages;
/** Index in STAGES from which a team counts as converted. */
export const CONVERTED_STAGE = STAGES.indexOf(DEFAULT_CONFIG.conversion.targetStage);
export const LIKELIHOODS: readonly string[] = DEFAULT_CONFIG.riskScale.likelihoodLabels;
export const IMPACTS: readonly string[] = DEFAULT_CONFIG.riskScale.impactLabels;
export const STAGE_GATES: readonly string[] = ['L0 Idea', 'L1 Validated', 'L2 Planned', 'L3 Approved', 'L4 Done', 'L5 Value realised'];
export const FLAG_IMPEDIMENT = 'Impediment';

/** Custom field ids. */
export const CF = {
  startDate: 'customfield_10015',
  storyPoints: 'customfield_10016',
  flagged: 'customfield_10021',
  conversionStage: 'customfield_10040',
  riskLikelihood: 'customfield_10041',
  riskImpact: 'customfield_10042',
  residualLikelihood: 'customfield_10043',
  residualImpact: 'customfield_10044',
  mitigation: 'customfield_10045',
  targetValue: 'customfield_10046',
  realisedValue: 'customfield_10047',
  stageGate: 'customfield_10048',
  sponsor: 'customfield_10049',
  manualProgress: 'customfield_10050',
} as const;

export type CustomFieldKey = keyof typeof CF;

const T = 'com.atlassian.jira.plugin.system.customfieldtypes:';

interface CustomDef {
  name: string;
  schemaType: string;
  items?: string;
  custom: string;
  /** Allowed values and the id of the first option (the rest follow). */
  options?: { values: readonly string[]; firstId: number };
}

const CUSTOM: Record<CustomFieldKey, CustomDef> = {
  startDate: { name: names.startDate, schemaType: 'date', custom: `${T}datepicker` },
  storyPoints: { name: names.storyPoints, schemaType: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' },
  flagged: { name: names.flagged, schemaType: 'array', items: 'option', custom: `${T}multicheckboxes`, options: { values: [FLAG_IMPEDIMENT], firstId: 10019 } },
  conversionStage: { name: names.conversionStage, schemaType: 'option', custom: `${T}select`, options: { values: STAGES, firstId: 10100 } },
  riskLikelihood: { name: names.riskLikelihood, schemaType: 'option', custom: `${T}select`, options: { values: LIKELIHOODS, firstId: 10110 } },
  riskImpact: { name: names.riskImpact, schemaType: 'option', custom: `${T}select`, options: { values: IMPACTS, firstId: 10120 } },
  residualLikelihood: { name: names.residualLikelihood, schemaType: 'option', custom: `${T}select`, options: { values: LIKELIHOODS, firstId: 10130 } },
  residualImpact: { name: names.residualImpact, schemaType: 'option', custom: `${T}select`, options: { values: IMPACTS, firstId: 10140 } },
  mitigation: { name: names.mitigation, schemaType: 'string', custom: `${T}textarea` },
  targetValue: { name: names.targetValue, schemaType: 'number', custom: `${T}float` },
  realisedValue: { name: names.realisedValue, schemaType: 'number', custom: `${T}float` },
  stageGate: { name: names.stageGate, schemaType: 'option', custom: `${T}select`, options: { values: STAGE_GATES, firstId: 10150 } },
  sponsor: { name: names.sponsor, schemaType: 'user', custom: `${T}userpicker` },
  manualProgress: { name: names.manualProgress, schemaType: 'number', custom: `${T}float` },
};

export function fieldName(key: CustomFieldKey): string {
  return CUSTOM[key].name;
}

type Schema = SiteField['schema'];

const SYSTEM_FIELDS: readonly (readonly [id: string, name: string, schema: Schema])[] = [
  ['summary', 'Summary', { type: 'string', system: 'summary' }],
  ['status', 'Status', { type: 'status', system: 'status' }],
  ['issuetype', 'Issue Type', { type: 'issuetype', system: 'issuetype' }],
  ['project', 'Project', { type: 'project', system: 'project' }],
  ['parent', 'Parent', undefined],
  ['assignee', 'Assignee', { type: 'user', system: 'assignee' }],
  ['reporter', 'Reporter', { type: 'user', system: 'reporter' }],
  ['labels', 'Labels', { type: 'array', items: 'string', system: 'labels' }],
  ['duedate', names.dueDate, { type: 'date', system: 'duedate' }],
  ['timeoriginalestimate', names.originalEstimate, { type: 'number', system: 'timeoriginalestimate' }],
  ['created', 'Created', { type: 'datetime', system: 'created' }],
  ['updated', 'Updated', { type: 'datetime', system: 'updated' }],
  ['resolutiondate', 'Resolved', { type: 'datetime', system: 'resolutiondate' }],
  ['resolution', 'Resolution', { type: 'resolution', system: 'resolution' }],
  ['issuelinks', 'Linked Issues', { type: 'array', items: 'issuelinks', system: 'issuelinks' }],
  ['priority', 'Priority', { type: 'priority', system: 'priority' }],
];

export function buildFields(): SiteField[] {
  const custom = (Object.keys(CUSTOM) as CustomFieldKey[]).map((key): SiteField => {
    const def = CUSTOM[key];
    const id = CF[key];
    const schema: NonNullable<SiteField['schema']> = { type: def.schemaType };
    if (def.items) schema.items = def.items;
    schema.custom = def.custom;
    schema.customId = Number(id.slice('customfield_'.length));
    const field: SiteField = { id, key: id, name: def.name, custom: true, schema };
    if (def.options) field.options = [...def.options.values];
    return field;
  });
  const system = SYSTEM_FIELDS.map(([id, name, schema]): SiteField => {
    const field: SiteField = { id, key: id, name, custom: false };
    if (schema) field.schema = { ...schema };
    return field;
  });
  return [...system, ...custom];
}

/** The option id Jira gives `value` in the select field `key`. */
export function optionId(key: CustomFieldKey, value: string): string {
  const options = CUSTOM[key].options;
  const index = options ? options.values.indexOf(value) : -1;
  if (!options || index < 0) throw new Error(`"${value}" is not an option of ${CUSTOM[key].name}`);
  return String(options.firstId + index);
}

export interface OptionValue {
  self: string;
  value: string;
  id: string;
}

/** A select option as REST v3 returns it. */
export function optionValue(key: CustomFieldKey, value: string): OptionValue {
  const id = optionId(key, value);
  return { self: `${SITE_URL}/rest/api/3/customFieldOption/${id}`, value, id };
}

export function flaggedValue(): OptionValue[] {
  return [optionValue('flagged', FLAG_IMPEDIMENT)];
}

export interface UserValue {
  accountId: string;
  displayName: string;
  active: true;
}

export function userValue(person: Person): UserValue {
  return { accountId: person.accountId, displayName: person.displayName, active: true };
}

export interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** A rich-text value (Atlassian Document Format): a paragraph, then an optional bullet list. */
export function adfDoc(paragraph: string, bullets: readonly string[] = []): AdfDoc {
  const content: AdfNode[] = [{ type: 'paragraph', content: [{ type: 'text', text: paragraph }] }];
  if (bullets.length > 0) {
    content.push({
      type: 'bulletList',
      content: bullets.map((b) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: b }] }] })),
    });
  }
  return { type: 'doc', version: 1, content };
}
