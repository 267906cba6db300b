import { buildTransformationModel, DEFAULT_CONFIG } from '../../src/domain';
import type { BoxType, BuildModelOptions, ProgressMethod, TransformationConfig, TransformationModel, WorkItem, WarningCode } from '../../src/domain';

export const NOW = '2026-03-01T12:00:00.000Z';

let nextNumber = 1;

/** A plain story, not done, with no parent and no mapped fields, unless told otherwise. */
export function workItem(overrides: Partial<WorkItem> = {}): WorkItem {
  const key = overrides.key ?? `ITEM-${nextNumber++}`;
  return {
    key,
    projectKey: key.split('-')[0] ?? 'ITEM',
    issueType: 'Story',
    summary: `Summary of ${key}`,
    status: 'To Do',
    statusCategory: 'new',
    parentKey: null,
    assignee: null,
    labels: [],
    created: null,
    updated: null,
    resolved: null,
    fields: {},
    blocks: [],
    ...overrides,
  };
}

/** A work item in status category 'done'. */
export function doneItem(overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({ status: 'Done', statusCategory: 'done', ...overrides });
}

export function workstream(key: string, overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({ key, issueType: 'Workstream', summary: `Workstream ${key}`, ...overrides });
}

export function initiative(key: string, parentKey: string | null, overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({ key, issueType: 'Initiative', summary: `Initiative ${key}`, parentKey, ...overrides });
}

export function team(key: string, parentKey: string | null, stage: string | null = 'Not started', overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({ key, issueType: 'Team', summary: `Team ${key}`, parentKey, fields: { conversionStage: stage }, ...overrides });
}

/** A fresh copy of the default configuration with some top-level settings replaced. */
export function config(overrides: Partial<TransformationConfig> = {}): TransformationConfig {
  const copy = JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as TransformationConfig;
  return { ...copy, ...overrides };
}

/** The default configuration with the progress method of some box types changed. */
export function configWithMethods(methods: Record<string, ProgressMethod>, overrides: Partial<TransformationConfig> = {}): TransformationConfig {
  const base = config(overrides);
  return { ...base, boxTypes: base.boxTypes.map((type) => ({ ...type, progressMethod: methods[type.id] ?? type.progressMethod })) };
}

export function boxType(id: string, parentTypeId: string | null, issueType: string, progressMethod: ProgressMethod = 'issueCount'): BoxType {
  return { id, name: issueType, parentTypeId, source: { kind: 'issueType', issueType }, progressMethod, toolset: [] };
}

export function rootType(progressMethod: ProgressMethod = 'issueCount'): BoxType {
  return { id: 'transformation', name: 'Transformation', parentTypeId: null, source: { kind: 'root' }, progressMethod, toolset: [] };
}

/** A box type whose boxes are the direct children of its parent type's boxes (only of these issue types, when given). */
export function parentLinkType(id: string, parentTypeId: string | null, issueTypes?: string[], progressMethod: ProgressMethod = 'issueCount'): BoxType {
  return { id, name: id, parentTypeId, source: issueTypes === undefined ? { kind: 'parentLink' } : { kind: 'parentLink', issueTypes }, progressMethod, toolset: [] };
}

/** A box type whose boxes are the issues its JQL matched (passed to the build as `jqlMatches[id]`). */
export function jqlType(id: string, parentTypeId: string | null, jql = `labels = ${id}`, progressMethod: ProgressMethod = 'issueCount'): BoxType {
  return { id, name: id, parentTypeId, source: { kind: 'jql', jql }, progressMethod, toolset: [] };
}

/** A box type with one virtual box per Jira project (only these projects, when given). */
export function projectType(id: string, parentTypeId: string | null, projectKeys?: string[], progressMethod: ProgressMethod = 'issueCount'): BoxType {
  return { id, name: id, parentTypeId, source: projectKeys === undefined ? { kind: 'project' } : { kind: 'project', projectKeys }, progressMethod, toolset: [] };
}

/** `options` adds jqlMatches or projectNames to the build; `now` is always NOW. */
export function build(items: WorkItem[], cfg: TransformationConfig = config(), options: Omit<BuildModelOptions, 'now'> = {}): TransformationModel {
  return buildTransformationModel(items, cfg, { ...options, now: NOW });
}

export function codes(model: TransformationModel): WarningCode[] {
  return model.warnings.map((warning) => warning.code);
}

export function warningsWith(model: TransformationModel, code: WarningCode): TransformationModel['warnings'] {
  return model.warnings.filter((warning) => warning.code === code);
}

/** The box with this id; fails the test if there is none. */
export function boxOf(model: TransformationModel, id: string): TransformationModel['boxes'][string] {
  const box = model.boxes[id];
  if (box === undefined) throw new Error(`no box ${id}; boxes are ${Object.keys(model.boxes).join(', ')}`);
  return box;
}

/** A story; `points` goes into the story point field. */
export function story(key: string, parentKey: string | null, points: number | null = null, overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({ key, parentKey, summary: `Story ${key}`, ...overrides, fields: { ...(points === null ? {} : { storyPoints: points }), ...overrides.fields } });
}

export function epic(key: string, parentKey: string | null, overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({ key, issueType: 'Epic', parentKey, summary: `Epic ${key}`, ...overrides });
}

export function milestone(key: string, parentKey: string | null, due: string | null, overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({ key, issueType: 'Milestone', parentKey, summary: `Milestone ${key}`, ...overrides, fields: { ...(due === null ? {} : { dueDate: due }), ...overrides.fields } });
}

/** A risk; `fields` takes the likelihood, impact, residual levels and mitigation as Jira sent them. */
export function riskItem(key: string, parentKey: string | null, fields: WorkItem['fields'] = {}, overrides: Partial<WorkItem> = {}): WorkItem {
  return workItem({ key, issueType: 'Risk', parentKey, summary: `Risk ${key}`, fields, ...overrides });
}
