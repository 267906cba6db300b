import type { RoadmapDependency } from './dependencies';
import type { TransformationConfig, TransformationModel } from './model';
import { roadmap, type RoadmapMilestone, type RoadmapRow } from './roadmap';
import { resolveScope } from './scope';

/** A roadmap row without what depends on the day (its schedule) or on the scope it is shown in (its depth). */
export type StoredRoadmapRow = Omit<RoadmapRow, 'schedule' | 'depth'>;

/** A row of the whole transformation's roadmap, numbered in its order: its subtree is rows `position`..`lastBelow`. */
export interface RoadmapIndexRow {
  position: number;
  lastBelow: number;
  parentPosition: number | null;
  depth: number;
  done: boolean;
  row: StoredRoadmapRow;
}

export interface RoadmapIndexMilestone {
  order: number;
  rowPosition: number;
  done: boolean;
  milestone: Omit<RoadmapMilestone, 'schedule'>;
}

export interface RoadmapIndexDependency {
  order: number;
  fromPosition: number;
  toPosition: number;
  dependency: RoadmapDependency;
}

export interface RoadmapIndex {
  rows: RoadmapIndexRow[];
  milestones: RoadmapIndexMilestone[];
  dependencies: RoadmapIndexDependency[];
}

/** A day before any due date: everything not done is on track, so a schedule of 'done' says just "done". */
const BEFORE_ALL = '0000-01-01';

/**
 * The whole transformation's roadmap as rows a database can answer windows from. A box's roadmap is the slice of
 * its subtree (its rows, milestones and the dependencies with both ends in it), so one index serves every box.
 */
export function roadmapIndex(model: TransformationModel, config: TransformationConfig): RoadmapIndex {
  const map = roadmap(model, config, resolveScope(model, null), BEFORE_ALL);
  const positionOf = new Map(map.rows.map((row, position) => [row.id, position]));
  const rows: RoadmapIndexRow[] = map.rows.map((full, position) => {
    const { schedule, depth, ...row } = full;
    return { position, lastBelow: position, parentPosition: row.parentId === null ? null : (positionOf.get(row.parentId) ?? null), depth, done: schedule === 'done', row };
  });
  // Rows come parents first, so walking back from the end carries each row's last descendant up to its parent.
  for (let position = rows.length - 1; position >= 0; position -= 1) {
    const row = rows[position] as RoadmapIndexRow;
    const parent = row.parentPosition === null ? undefined : rows[row.parentPosition];
    if (parent !== undefined && row.lastBelow > parent.lastBelow) parent.lastBelow = row.lastBelow;
  }
  const milestones = map.milestones.flatMap(({ schedule, ...milestone }, order) => {
    const rowPosition = positionOf.get(milestone.rowId);
    return rowPosition === undefined ? [] : [{ order, rowPosition, done: schedule === 'done', milestone }];
  });
  const dependencies = map.dependencies.flatMap((dependency, order) => {
    const fromPosition = positionOf.get(dependency.fromRowId);
    const toPosition = positionOf.get(dependency.toRowId);
    return fromPosition === undefined || toPosition === undefined ? [] : [{ order, fromPosition, toPosition, dependency }];
  });
  return { rows, milestones, dependencies };
}

/** Runs of positions hidden under collapsed rows: each collapsed row hides lastBelow - position rows after it. Sorted, disjoint. */
export function hiddenRuns(collapsed: ReadonlyArray<{ position: number; lastBelow: number }>): Array<{ first: number; last: number }> {
  const runs = collapsed.filter((c) => c.lastBelow > c.position).map((c) => ({ first: c.position + 1, last: c.lastBelow }));
  runs.sort((a, b) => a.first - b.first);
  const merged: Array<{ first: number; last: number }> = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && run.first <= previous.last + 1) previous.last = Math.max(previous.last, run.last);
    else merged.push({ ...run });
  }
  return merged;
}

/** A position's index among the rows showing from `first` on, or null when a run hides it. */
export function shownIndexOf(position: number, first: number, runs: ReadonlyArray<{ first: number; last: number }>): number | null {
  let hiddenBefore = 0;
  for (const run of runs) {
    if (run.first > position) break;
    if (run.last >= position) return null;
    hiddenBefore += run.last - run.first + 1;
  }
  return position - first - hiddenBefore;
}

/** The position of the row showing at `index` (from `first` on). */
export function positionAtIndex(index: number, first: number, runs: ReadonlyArray<{ first: number; last: number }>): number {
  let position = first + index;
  for (const run of runs) {
    if (run.first > position) break;
    position += run.last - run.first + 1;
  }
  return position;
}
