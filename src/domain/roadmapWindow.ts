/**
 * One window of a roadmap: the rows left showing after collapsing, sliced, with what the slice needs to draw.
 * Its size depends on the window, not on the scope, so a page can scroll a roadmap of any size.
 */
import type { RoadmapDependency } from './dependencies';
import type { Roadmap, RoadmapMilestone, RoadmapRow } from './roadmap';
import { visibleRoadmapRows, type RoadmapCollapse } from './roadmapVisible';

export type { RoadmapCollapse } from './roadmapVisible';

/** What one window lists at most, whatever the scope holds. */
export const ROADMAP_WINDOW_CAPS = { unscheduledListed: 200, milestones: 500, dependencies: 1000 } as const;

export interface RoadmapWindowQuery {
  /** First row and number of rows, among the rows showing. */
  offset: number;
  limit: number;
  collapse: RoadmapCollapse;
}

export interface RoadmapWindowRow extends RoadmapRow {
  /** Index of the parent among the rows showing; null for a top row. */
  parentIndex: number | null;
  collapsed: boolean;
}

export interface RowDates {
  start: string | null;
  due: string | null;
}

export interface RoadmapWindowDependency extends RoadmapDependency {
  fromIndex: number | null;
  toIndex: number | null;
  fromDates: RowDates;
  toDates: RowDates;
}

export interface UndatedRow {
  id: string;
  key: string | null;
  name: string;
  typeName: string;
}

export interface RoadmapUnscheduled {
  rows: UndatedRow[];
  rowCount: number;
  milestones: RoadmapMilestone[];
  milestoneCount: number;
}

export interface RoadmapWindow {
  today: string;
  totalRows: number;
  offset: number;
  rows: RoadmapWindowRow[];
  timeline: { first: string | null; last: string | null };
  milestones: RoadmapMilestone[];
  dependencies: RoadmapWindowDependency[];
  unscheduled: RoadmapUnscheduled;
  omitted: { milestones: number; dependencies: number };
}

/** Earliest and latest of every row's dates and every milestone's due date ('yyyy-mm-dd' sorts as text). */
function timelineOf(map: Roadmap): RoadmapWindow['timeline'] {
  let first: string | null = null;
  let last: string | null = null;
  const see = (date: string | null) => {
    if (date === null) return;
    if (first === null || date < first) first = date;
    if (last === null || date > last) last = date;
  };
  for (const row of map.rows) {
    see(row.start);
    see(row.due);
  }
  for (const milestone of map.milestones) see(milestone.due);
  return { first, last };
}

function unscheduledOf(map: Roadmap, rowById: ReadonlyMap<string, RoadmapRow>): RoadmapUnscheduled {
  const listed = ROADMAP_WINDOW_CAPS.unscheduledListed;
  const rows = map.undatedRowIds.slice(0, listed).flatMap((id) => {
    const row = rowById.get(id);
    return row === undefined ? [] : [{ id: row.id, key: row.key, name: row.name, typeName: row.typeName }];
  });
  const milestones = map.milestones.filter((milestone) => milestone.due === null);
  return { rows, rowCount: map.undatedRowIds.length, milestones: milestones.slice(0, listed), milestoneCount: milestones.length };
}

/** The first `cap` items, and how many were left out. */
function capped<T>(items: T[], cap: number): { kept: T[]; omitted: number } {
  return items.length <= cap ? { kept: items, omitted: 0 } : { kept: items.slice(0, cap), omitted: items.length - cap };
}

/**
 * The window [offset, offset + limit) of the rows left showing under `collapse`. The timeline and the
 * unscheduled lists cover the whole roadmap; milestones sit on the window's rows; a dependency is kept when
 * either end is in the window, with the other end's index and dates so its arrow can be drawn.
 */
export function roadmapWindow(map: Roadmap, query: RoadmapWindowQuery): RoadmapWindow {
  const { visible, indexOf, isCollapsed } = visibleRoadmapRows(map.rows, query.collapse);
  const offset = Math.max(0, query.offset);
  const end = Math.min(visible.length, offset + Math.max(0, query.limit));
  const rows: RoadmapWindowRow[] = visible.slice(offset, end).map((row) => ({
    ...row,
    parentIndex: row.parentId === null ? null : (indexOf.get(row.parentId) ?? null),
    collapsed: isCollapsed(row),
  }));
  const inWindow = (index: number | null) => index !== null && index >= offset && index < end;
  const rowIds = new Set(rows.map((row) => row.id));
  const rowById = new Map(map.rows.map((row) => [row.id, row]));
  const datesOf = (id: string): RowDates => ({ start: rowById.get(id)?.start ?? null, due: rowById.get(id)?.due ?? null });

  const milestones = capped(
    map.milestones.filter((milestone) => rowIds.has(milestone.rowId)),
    ROADMAP_WINDOW_CAPS.milestones,
  );
  const touching: RoadmapWindowDependency[] = [];
  for (const dependency of map.dependencies) {
    const fromIndex = indexOf.get(dependency.fromRowId) ?? null;
    const toIndex = indexOf.get(dependency.toRowId) ?? null;
    if (!inWindow(fromIndex) && !inWindow(toIndex)) continue;
    touching.push({ ...dependency, fromIndex, toIndex, fromDates: datesOf(dependency.fromRowId), toDates: datesOf(dependency.toRowId) });
  }
  const dependencies = capped(touching, ROADMAP_WINDOW_CAPS.dependencies);
  return {
    today: map.today,
    totalRows: visible.length,
    offset,
    rows,
    timeline: timelineOf(map),
    milestones: milestones.kept,
    dependencies: dependencies.kept,
    unscheduled: unscheduledOf(map, rowById),
    omitted: { milestones: milestones.omitted, dependencies: dependencies.omitted },
  };
}
