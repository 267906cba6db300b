import { ALL_PANELS } from './model';
import type { BoxType, ProgressMethod, TransformationConfig, WorkItem } from './model';
import { normaliseName, sameName } from './names';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** Used when the configuration has no box type with source kind 'root'. */
export const FALLBACK_ROOT_TYPE_ID = '__root__';

const PROGRESS_METHODS: readonly ProgressMethod[] = ['issueCount', 'storyPoints', 'originalEstimate', 'manual'];

/** The box types of a configuration, repaired so that every type leads up to the root type. */
export interface BoxTypeCatalog {
  root: BoxType;
  byId: ReadonlyMap<string, BoxType>;
  /** The parent type of a type after repairs; null only for the root type. */
  parentTypeOf(typeId: string): BoxType | null;
  /** The box type an issue is a box of, or null when it is a work item. */
  boxTypeOf(item: WorkItem): BoxType | null;
}

function withValidMethod(type: BoxType, sink: WarningSink): BoxType {
  if (PROGRESS_METHODS.includes(type.progressMethod)) return type;
  sink.push(warn.invalidConfig(`boxTypes.${type.id}.progressMethod`, `box type "${type.name}" has unknown progress method ${JSON.stringify(type.progressMethod)}; issue count is used`));
  return { ...type, progressMethod: 'issueCount' };
}

function uniqueTypes(config: TransformationConfig, sink: WarningSink): BoxType[] {
  const seen = new Set<string>();
  const types: BoxType[] = [];
  for (const type of Array.isArray(config.boxTypes) ? config.boxTypes : []) {
    if (seen.has(type.id)) {
      sink.push(warn.invalidConfig(`boxTypes.${type.id}`, `box type id "${type.id}" is used more than once; the first one is used`));
      continue;
    }
    seen.add(type.id);
    types.push(withValidMethod(type, sink));
  }
  return types;
}

function pickRoot(types: BoxType[], config: TransformationConfig, sink: WarningSink): { root: BoxType; extraRootIds: Set<string> } {
  const roots = types.filter((type) => type.source.kind === 'root');
  const extraRootIds = new Set(roots.slice(1).map((type) => type.id));
  for (const id of extraRootIds) {
    sink.push(warn.invalidConfig(`boxTypes.${id}`, `box type "${id}" is a second transformation root; it is treated as the first one`));
  }
  const first = roots[0];
  if (first !== undefined) {
    if (first.parentTypeId !== null) {
      sink.push(warn.invalidConfig(`boxTypes.${first.id}.parentTypeId`, `the root box type "${first.name}" cannot have a parent type; it is ignored`));
    }
    return { root: { ...first, parentTypeId: null }, extraRootIds };
  }
  sink.push(warn.invalidConfig('boxTypes', 'no box type is the transformation root; one is assumed'));
  const root: BoxType = { id: FALLBACK_ROOT_TYPE_ID, name: config.name, parentTypeId: null, source: { kind: 'root' }, progressMethod: 'issueCount', toolset: [...ALL_PANELS] };
  return { root, extraRootIds };
}

/** Parent type ids after repair: unknown or missing parents, and the links that close a cycle, go to the root type. */
function repairParents(types: BoxType[], root: BoxType, extraRootIds: Set<string>, sink: WarningSink): Map<string, string> {
  const ids = new Set(types.map((type) => type.id));
  const parentOf = new Map<string, string>();
  for (const type of types) {
    if (type.source.kind === 'root') continue;
    const parentId = type.parentTypeId;
    if (parentId === null || parentId === undefined) {
      sink.push(warn.invalidConfig(`boxTypes.${type.id}.parentTypeId`, `box type "${type.name}" has no parent type; it is placed under the transformation`));
      parentOf.set(type.id, root.id);
    } else if (parentId === root.id || extraRootIds.has(parentId)) {
      parentOf.set(type.id, root.id);
    } else if (!ids.has(parentId)) {
      sink.push(warn.invalidConfig(`boxTypes.${type.id}.parentTypeId`, `box type "${type.name}" has parent type "${parentId}", which does not exist; it is placed under the transformation`));
      parentOf.set(type.id, root.id);
    } else {
      parentOf.set(type.id, parentId);
    }
  }
  breakTypeCycles(types, root, parentOf, sink);
  return parentOf;
}

function breakTypeCycles(types: BoxType[], root: BoxType, parentOf: Map<string, string>, sink: WarningSink): void {
  const finished = new Set<string>([root.id]);
  for (const type of types) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = type.id;
    while (current !== undefined && !finished.has(current)) {
      path.push(current);
      onPath.add(current);
      const next: string | undefined = parentOf.get(current);
      if (next !== undefined && onPath.has(next)) {
        sink.push(warn.invalidConfig(`boxTypes.${current}.parentTypeId`, `box types form a loop (${[...path.slice(path.indexOf(next)), next].join(' → ')}); "${current}" is placed under the transformation`));
        parentOf.set(current, root.id);
        break;
      }
      current = next;
    }
    for (const id of path) finished.add(id);
  }
}

function indexByIssueType(types: BoxType[], sink: WarningSink): Map<string, BoxType[]> {
  const index = new Map<string, BoxType[]>();
  for (const type of types) {
    if (type.source.kind !== 'issueType') continue;
    const issueType = normaliseName(type.source.issueType);
    if (issueType === '') {
      sink.push(warn.invalidConfig(`boxTypes.${type.id}.source`, `box type "${type.name}" names no issue type, so it has no boxes`));
      continue;
    }
    index.set(issueType, [...(index.get(issueType) ?? []), type]);
  }
  return index;
}

function inProjects(item: WorkItem, projectKeys: string[] | undefined): boolean {
  if (projectKeys === undefined || projectKeys.length === 0) return true;
  return projectKeys.some((projectKey) => sameName(projectKey, item.projectKey));
}

export function resolveBoxTypes(config: TransformationConfig, sink: WarningSink): BoxTypeCatalog {
  const types = uniqueTypes(config, sink);
  const { root, extraRootIds } = pickRoot(types, config, sink);
  const nonRoot = types.filter((type) => type.source.kind !== 'root');
  const byId = new Map<string, BoxType>([[root.id, root], ...nonRoot.map((type): [string, BoxType] => [type.id, type])]);
  const parentOf = repairParents(nonRoot, root, extraRootIds, sink);
  const byIssueType = indexByIssueType(nonRoot, sink);
  return {
    root,
    byId,
    parentTypeOf: (typeId) => {
      const parentId = parentOf.get(typeId);
      return parentId === undefined ? null : (byId.get(parentId) ?? null);
    },
    boxTypeOf: (item) =>
      byIssueType.get(normaliseName(item.issueType))?.find((type) => type.source.kind === 'issueType' && inProjects(item, type.source.projectKeys)) ?? null,
  };
}
