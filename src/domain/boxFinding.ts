import type { BoxType, TransformationConfig, WorkItem } from './model';
import type { BoxTypeCatalog } from './boxTypes';
import { inProjects } from './boxTypes';
import { normaliseName } from './names';
import type { ParentLinks } from './parentLinks';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** Per jql box type id, the keys of the issues its JQL matched (the Jira adapter runs the JQL). */
export type JqlMatches = Readonly<Record<string, readonly string[]>>;

/** A virtual box standing for one Jira project. */
export interface ProjectBox {
  /** `project:<KEY>` */
  id: string;
  projectKey: string;
  type: BoxType;
}

/** The own value of a record entry: never one inherited from Object.prototype (e.g. "constructor"). */
export function ownEntry<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function preferred(catalog: BoxTypeCatalog, candidate: BoxType | undefined, best: BoxType | undefined): BoxType | undefined {
  if (candidate === undefined) return best;
  if (best === undefined) return candidate;
  return catalog.rankOf(candidate.id) < catalog.rankOf(best.id) ? candidate : best;
}

/** The issue keys a jql box type's JQL matched, as the adapter sent them (not yet checked against the issues read). */
export interface JqlTypeMatches {
  type: BoxType;
  keys: readonly unknown[];
}

/** The matches of each jql box type, best rank first; warns about each jql box type whose JQL was not run. */
export function readJqlMatches(catalog: BoxTypeCatalog, jqlMatches: JqlMatches | undefined, sink: WarningSink): JqlTypeMatches[] {
  const found: JqlTypeMatches[] = [];
  for (const type of catalog.typesOfKind('jql')) {
    const keys: unknown = ownEntry(jqlMatches, type.id);
    if (Array.isArray(keys)) found.push({ type, keys });
    else sink.push(warn.invalidConfig(`boxTypes.${type.id}.source`, `the JQL of box type "${type.name}" was not run, so it has no boxes`));
  }
  return found;
}

/** The best box type each issue matches on its own: by issue type, or by being among a JQL's matches. */
function ownMatches(byKey: ReadonlyMap<string, WorkItem>, catalog: BoxTypeCatalog, jqlMatches: readonly JqlTypeMatches[]): Map<string, BoxType> {
  const matched = new Map<string, BoxType>();
  for (const [key, item] of byKey) {
    const type = catalog.boxTypeOf(item);
    if (type !== null) matched.set(key, type);
  }
  for (const { type, keys } of jqlMatches) {
    for (const raw of keys) {
      const key = String(raw);
      // Keys the JQL matched but that were not read (e.g. outside the projects read) are ignored.
      if (!byKey.has(key)) continue;
      const best = preferred(catalog, type, matched.get(key));
      if (best !== undefined) matched.set(key, best);
    }
  }
  return matched;
}

interface LinkRule {
  type: BoxType;
  /** Normalised issue types the rule accepts; null: any. */
  issueTypes: Set<string> | null;
}

/** parentLink types by the id of their parent type, best rank first. */
function linkRulesByParentType(catalog: BoxTypeCatalog): Map<string, LinkRule[]> {
  const rules = new Map<string, LinkRule[]>();
  for (const type of catalog.typesOfKind('parentLink')) {
    const parent = catalog.parentTypeOf(type.id);
    if (parent === null || type.source.kind !== 'parentLink') continue;
    const named = Array.isArray(type.source.issueTypes) ? type.source.issueTypes.map(normaliseName).filter((name) => name !== '') : [];
    const rule: LinkRule = { type, issueTypes: named.length === 0 ? null : new Set(named) };
    const siblings = rules.get(parent.id);
    if (siblings === undefined) rules.set(parent.id, [rule]);
    else siblings.push(rule);
  }
  return rules;
}

function namesOf(list: unknown): Set<string> {
  return new Set((Array.isArray(list) ? list : []).map(normaliseName).filter((name) => name !== ''));
}

/**
 * The box type of every issue that is a box, in input order. An issue matching several box types is a box of
 * the best-ranked one (see BoxTypeCatalog.rankOf), so it is never two boxes. A parentLink match needs the
 * final type of the issue's parent, so issues are decided parents first: each chain of parent links is
 * walked up once, iteratively, and decided on the way back down. Linear in the number of issues.
 */
export function findIssueBoxes(
  byKey: ReadonlyMap<string, WorkItem>,
  links: ParentLinks,
  catalog: BoxTypeCatalog,
  config: TransformationConfig,
  jqlMatches: readonly JqlTypeMatches[],
): Map<string, BoxType> {
  const own = ownMatches(byKey, catalog, jqlMatches);
  const rules = linkRulesByParentType(catalog);
  if (rules.size === 0) return inInputOrder(byKey, own);

  const neverLinked = new Set([...namesOf(config.riskIssueTypes), ...namesOf(config.milestoneIssueTypes)]);
  const decided = new Map<string, BoxType>();
  const decide = (key: string): void => {
    const item = byKey.get(key);
    let best = own.get(key);
    const parentKey = links.get(key);
    const parentType = parentKey === undefined ? undefined : decided.get(parentKey);
    const issueType = normaliseName(item?.issueType);
    if (parentType !== undefined && !neverLinked.has(issueType)) {
      const rule = rules.get(parentType.id)?.find((candidate) => candidate.issueTypes === null || candidate.issueTypes.has(issueType));
      best = preferred(catalog, rule?.type, best);
    }
    if (best !== undefined) decided.set(key, best);
  };

  const seen = new Set<string>();
  for (const start of byKey.keys()) {
    const path: string[] = [];
    let current: string | undefined = start;
    // `seen` also stops the walk should a loop have slipped through: links are loop-free by construction.
    while (current !== undefined && !seen.has(current)) {
      seen.add(current);
      path.push(current);
      current = links.get(current);
    }
    for (let index = path.length - 1; index >= 0; index -= 1) decide(path[index] as string);
  }
  return inInputOrder(byKey, decided);
}

function inInputOrder(byKey: ReadonlyMap<string, WorkItem>, types: ReadonlyMap<string, BoxType>): Map<string, BoxType> {
  const ordered = new Map<string, BoxType>();
  for (const key of byKey.keys()) {
    const type = types.get(key);
    if (type !== undefined) ordered.set(key, type);
  }
  return ordered;
}

/**
 * One box per Jira project among the issues, in order of the project's first issue. A project belongs to the
 * best-ranked project box type that admits it (so no two boxes share an id). A project whose box id is already
 * an issue key (Jira keys have no ':') gets no box.
 */
export function findProjectBoxes(byKey: ReadonlyMap<string, WorkItem>, catalog: BoxTypeCatalog): Map<string, ProjectBox> {
  const projectBoxes = new Map<string, ProjectBox>();
  const types = catalog.typesOfKind('project');
  if (types.length === 0) return projectBoxes;
  const considered = new Set<string>();
  for (const item of byKey.values()) {
    const projectKey: unknown = item.projectKey;
    if (typeof projectKey !== 'string' || projectKey === '' || considered.has(projectKey)) continue;
    considered.add(projectKey);
    const type = types.find((candidate) => candidate.source.kind === 'project' && inProjects(item, candidate.source.projectKeys));
    const id = `project:${projectKey}`;
    if (type === undefined || byKey.has(id)) continue;
    projectBoxes.set(projectKey, { id, projectKey, type });
  }
  return projectBoxes;
}
