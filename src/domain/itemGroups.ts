import type { ProgressMethod, TransformationConfig, TransformationModel, WorkItem } from './model';
import { itemSize } from './itemFields';
import { boxById, itemByKey, milestoneMatcher, riskMatcher } from './lookup';

/**
 * Work items that group other work items (e.g. epics over stories) and so get a roadmap row of their own.
 * Only links between work items of the scope that sit in the same box count; a link that would close
 * a loop is ignored. Risks and milestones are never group rows (risks are not rows; milestones are markers).
 */
export interface ItemGroups {
  isGroup(key: string): boolean;
  /** The nearest group item above a work item, or null when the item sits directly on its box's row. */
  groupAbove(key: string): string | null;
  /** Group items directly under a row (a box id or a group key), in the order of the box's items. */
  childGroups(rowId: string): readonly string[];
  /** Progress of a group over itself and the work items below it (risks excluded), by its box's method. */
  progress(key: string): { method: ProgressMethod; ratio: number; done: number; total: number };
}

type Unit = 'issues' | 'points' | 'seconds';
/** Done and total in each unit. */
type Tally = Record<Unit, { done: number; total: number }>;
const UNITS: readonly Unit[] = ['issues', 'points', 'seconds'];

function parentLinks(model: TransformationModel, keys: readonly string[], inScope: ReadonlySet<string>, containerOf: ReadonlyMap<string, string>): Map<string, string> {
  const parentOf = new Map<string, string>();
  for (const key of keys) {
    const parentKey: unknown = itemByKey(model, key)?.parentKey;
    if (typeof parentKey !== 'string' || !inScope.has(parentKey)) continue;
    if (containerOf.get(parentKey) === containerOf.get(key)) parentOf.set(key, parentKey);
  }
  // Each walk marks the issues it passes with its number; meeting its own mark again means a loop,
  // meeting another walk's mark means the rest of the chain is known to end. Linear, no allocation per walk.
  const walkOf = new Map<string, number>();
  keys.forEach((start, walk) => {
    let current: string | undefined = start;
    while (current !== undefined && !walkOf.has(current)) {
      walkOf.set(current, walk);
      const next: string | undefined = parentOf.get(current);
      if (next !== undefined && walkOf.get(next) === walk) {
        parentOf.delete(current);
        break;
      }
      current = next;
    }
  });
  return parentOf;
}

function nearestGroups(keys: readonly string[], parentOf: ReadonlyMap<string, string>, groups: ReadonlySet<string>): Map<string, string | null> {
  const above = new Map<string, string | null>();
  for (const start of keys) {
    if (above.has(start)) continue;
    const first = parentOf.get(start);
    if (first === undefined || groups.has(first)) {
      above.set(start, first ?? null);
      continue;
    }
    const path = [start];
    let found: string | null = null;
    for (let current = start; ; ) {
      const parent = parentOf.get(current);
      if (parent === undefined) break;
      if (groups.has(parent)) {
        found = parent;
        break;
      }
      const known = above.get(parent);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(parent);
      current = parent;
    }
    for (const key of path) above.set(key, found);
  }
  return above;
}

const UNIT: Record<ProgressMethod, Unit> = { issueCount: 'issues', storyPoints: 'points', originalEstimate: 'seconds', manual: 'issues' };

export function itemGroups(model: TransformationModel, config: TransformationConfig, itemKeys: ReadonlySet<string>, containerOf: ReadonlyMap<string, string>): ItemGroups {
  const keys = [...itemKeys];
  const isRisk = riskMatcher(config);
  const isMilestone = milestoneMatcher(config);
  const parentOf = parentLinks(model, keys, itemKeys, containerOf);
  const groups = new Set<string>();
  for (const parent of new Set(parentOf.values())) {
    const item = itemByKey(model, parent);
    if (item !== undefined && !isRisk(item) && !isMilestone(item)) groups.add(parent);
  }
  const above = nearestGroups(keys, parentOf, groups);
  const children = new Map<string, string[]>();
  const tallies = new Map<string, Tally>();
  for (const key of keys) {
    const groupAbove = above.get(key) ?? null;
    if (groups.has(key)) {
      const rowId = groupAbove ?? containerOf.get(key) ?? model.rootId;
      const siblings = children.get(rowId);
      if (siblings === undefined) children.set(rowId, [key]);
      else siblings.push(key);
      const own = tallies.get(key) ?? emptyTally();
      // A group's own estimate counts: a done 5-point story with 0-point sub-tasks is 5 of 5 points done.
      const groupItem = itemByKey(model, key);
      if (groupItem !== undefined) addItem(own, groupItem);
      tallies.set(key, own);
    }
    const item = itemByKey(model, key);
    // A group is counted in its own tally, which rolls up into the group above.
    if (groupAbove === null || item === undefined || isRisk(item) || groups.has(key)) continue;
    const tally = tallies.get(groupAbove) ?? emptyTally();
    addItem(tally, item);
    tallies.set(groupAbove, tally);
  }
  rollUp(groups, above, children, tallies);
  return {
    isGroup: (key) => groups.has(key),
    groupAbove: (key) => above.get(key) ?? null,
    childGroups: (rowId) => children.get(rowId) ?? [],
    progress: (key) => {
      const boxMethod = boxById(model, containerOf.get(key) ?? model.rootId)?.progress.method ?? 'issueCount';
      const method: ProgressMethod = boxMethod === 'manual' ? 'issueCount' : boxMethod;
      const { done, total } = (tallies.get(key) ?? emptyTally())[UNIT[method]];
      return { method, ratio: total > 0 ? Math.min(1, Math.max(0, done / total)) : 0, done, total };
    },
  };
}

function emptyTally(): Tally {
  return { issues: { done: 0, total: 0 }, points: { done: 0, total: 0 }, seconds: { done: 0, total: 0 } };
}

function addItem(tally: Tally, item: WorkItem): void {
  const done = item.statusCategory === 'done' ? 1 : 0;
  const points = itemSize(item, 'storyPoints');
  const seconds = itemSize(item, 'originalEstimate');
  tally.issues.done += done;
  tally.issues.total += 1;
  tally.points.done += done * points;
  tally.points.total += points;
  tally.seconds.done += done * seconds;
  tally.seconds.total += seconds;
}

/** Adds each group's tally into the group above it, children before parents. */
function rollUp(groups: ReadonlySet<string>, above: ReadonlyMap<string, string | null>, children: ReadonlyMap<string, string[]>, tallies: Map<string, Tally>): void {
  const order: string[] = [];
  const stack = [...groups].filter((key) => (above.get(key) ?? null) === null);
  while (stack.length > 0) {
    const key = stack.pop() as string;
    order.push(key);
    for (const child of children.get(key) ?? []) stack.push(child);
  }
  for (let index = order.length - 1; index >= 0; index -= 1) {
    const key = order[index] as string;
    const parent = above.get(key) ?? null;
    const from = tallies.get(key);
    const into = parent === null ? undefined : tallies.get(parent);
    if (from === undefined || into === undefined) continue;
    for (const unit of UNITS) {
      into[unit].done += from[unit].done;
      into[unit].total += from[unit].total;
    }
  }
}
