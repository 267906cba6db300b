import { ALL_PANELS } from './model';
import type { BoxSource, BoxType, ProgressMethod, TransformationConfig, WorkItem } from './model';
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
  /**
   * Precedence when an issue matches several box types: the lower rank wins. Deeper types (more specific)
   * come first, config order among types at the same depth; the root type ranks last.
   */
  rankOf(typeId: string): number;
  /** Whether `typeId` is strictly below `ancestorId` in the repaired box-type tree. O(1). */
  isBelow(typeId: string, ancestorId: string): boolean;
  /** The non-root box types whose source is of this kind, best rank first. */
  typesOfKind(kind: BoxSource['kind']): readonly BoxType[];
  /** The best-ranked issueType box type that matches the issue's issue type and project, or null. */
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

/** Depth of every type (root 0) and its place in a depth-first walk, so that "is below" is an interval test. */
interface TypeTree {
  depth: Map<string, number>;
  /** Position of a type in the walk, and the last position in its subtree. */
  enter: Map<string, number>;
  leave: Map<string, number>;
}

function walkTypeTree(types: BoxType[], root: BoxType, parentOf: ReadonlyMap<string, string>): TypeTree {
  const children = new Map<string, string[]>();
  for (const type of types) {
    const parentId = parentOf.get(type.id) ?? root.id;
    const siblings = children.get(parentId);
    if (siblings === undefined) children.set(parentId, [type.id]);
    else siblings.push(type.id);
  }
  const tree: TypeTree = { depth: new Map([[root.id, 0]]), enter: new Map(), leave: new Map() };
  const stack: Array<{ id: string; leaving: boolean }> = [{ id: root.id, leaving: false }];
  let position = 0;
  while (stack.length > 0) {
    const { id, leaving } = stack.pop() as { id: string; leaving: boolean };
    if (leaving) {
      tree.leave.set(id, position - 1);
      continue;
    }
    tree.enter.set(id, position);
    position += 1;
    stack.push({ id, leaving: true });
    const below = children.get(id) ?? [];
    for (let index = below.length - 1; index >= 0; index -= 1) {
      const childId = below[index] as string;
      tree.depth.set(childId, (tree.depth.get(id) ?? 0) + 1);
      stack.push({ id: childId, leaving: false });
    }
  }
  return tree;
}

/** Most specific first: a deeper type describes an issue more narrowly than a shallower one; config order breaks ties. */
function byPrecedence(types: BoxType[], tree: TypeTree): BoxType[] {
  const order = new Map(types.map((type, index): [string, number] => [type.id, index]));
  const depthOf = (type: BoxType) => tree.depth.get(type.id) ?? 0;
  return [...types].sort((a, b) => depthOf(b) - depthOf(a) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

function indexByIssueType(ranked: BoxType[]): Map<string, BoxType[]> {
  const index = new Map<string, BoxType[]>();
  for (const type of ranked) {
    if (type.source.kind !== 'issueType') continue;
    const issueType = normaliseName(type.source.issueType);
    if (issueType === '') continue;
    const sameIssueType = index.get(issueType);
    if (sameIssueType === undefined) index.set(issueType, [type]);
    else sameIssueType.push(type);
  }
  return index;
}

/** Warns, in config order, about sources that can find no boxes. */
function checkSources(types: BoxType[], parentTypeOf: (typeId: string) => BoxType | null, sink: WarningSink): void {
  for (const type of types) {
    const source = type.source;
    if (source.kind === 'issueType' && normaliseName(source.issueType) === '') {
      sink.push(warn.invalidConfig(`boxTypes.${type.id}.source`, `box type "${type.name}" names no issue type, so it has no boxes`));
    }
    if (source.kind === 'parentLink') {
      const parent = parentTypeOf(type.id);
      if (parent !== null && (parent.source.kind === 'root' || parent.source.kind === 'project')) {
        const parentName = parent.source.kind === 'root' ? 'the transformation' : `the project box type "${parent.name}"`;
        sink.push(warn.invalidConfig(`boxTypes.${type.id}.source`, `box type "${type.name}" finds its boxes by parent link, but no issue has ${parentName} as its parent, so it has no boxes`));
      }
    }
  }
}

export function inProjects(item: WorkItem, projectKeys: unknown): boolean {
  if (!Array.isArray(projectKeys) || projectKeys.length === 0) return true;
  return projectKeys.some((projectKey) => sameName(projectKey, item.projectKey));
}

export function resolveBoxTypes(config: TransformationConfig, sink: WarningSink): BoxTypeCatalog {
  const types = uniqueTypes(config, sink);
  const { root, extraRootIds } = pickRoot(types, config, sink);
  const nonRoot = types.filter((type) => type.source.kind !== 'root');
  const byId = new Map<string, BoxType>([[root.id, root], ...nonRoot.map((type): [string, BoxType] => [type.id, type])]);
  const parentOf = repairParents(nonRoot, root, extraRootIds, sink);
  const parentTypeOf = (typeId: string): BoxType | null => {
    const parentId = parentOf.get(typeId);
    return parentId === undefined ? null : (byId.get(parentId) ?? null);
  };
  const tree = walkTypeTree(nonRoot, root, parentOf);
  const ranked = byPrecedence(nonRoot, tree);
  const rank = new Map(ranked.map((type, index): [string, number] => [type.id, index]));
  const byKind = new Map<string, BoxType[]>();
  for (const type of ranked) {
    const sameKind = byKind.get(type.source.kind);
    if (sameKind === undefined) byKind.set(type.source.kind, [type]);
    else sameKind.push(type);
  }
  const byIssueType = indexByIssueType(ranked);
  checkSources(nonRoot, parentTypeOf, sink);
  return {
    root,
    byId,
    parentTypeOf,
    rankOf: (typeId) => rank.get(typeId) ?? ranked.length,
    isBelow: (typeId, ancestorId) => {
      const at = tree.enter.get(typeId);
      const from = tree.enter.get(ancestorId);
      const to = tree.leave.get(ancestorId);
      return at !== undefined && from !== undefined && to !== undefined && from < at && at <= to;
    },
    typesOfKind: (kind) => byKind.get(kind) ?? [],
    boxTypeOf: (item) =>
      byIssueType.get(normaliseName(item.issueType))?.find((type) => type.source.kind === 'issueType' && inProjects(item, type.source.projectKeys)) ?? null,
  };
}
