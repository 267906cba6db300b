import type { TransformationConfig, TransformationModel } from './model';
import { roadmapDependencies } from './dependencies';
import type { RoadmapDependency } from './dependencies';
import { itemDate, textOf } from './itemFields';
import { itemGroups } from './itemGroups';
import type { ItemGroups } from './itemGroups';
import { boxById, boxKey, boxTypeNamer, containerOfItems, itemByKey, milestoneMatcher } from './lookup';
import { boxSchedule, isDoneWithOpenWork, itemSchedule } from './schedule';
import { shownBoxIds } from './scope';
import type { Scope } from './scope';
import { progressSummary } from './views';
import type { ProgressSummary, ScheduleStatus } from './views';

export interface RoadmapRow {
  /** Box id, or the key of a work item that groups others. */
  id: string;
  key: string | null;
  name: string;
  typeName: string;
  kind: 'box' | 'item';
  parentId: string | null;
  depth: number;
  hasChildren: boolean;
  start: string | null;
  due: string | null;
  progress: ProgressSummary;
  schedule: ScheduleStatus;
  /** A box whose issue is done in Jira while its work is not. */
  doneWithOpenWork: boolean;
}

export interface RoadmapMilestone {
  key: string;
  name: string;
  due: string | null;
  rowId: string;
  schedule: ScheduleStatus;
}

export interface Roadmap {
  today: string;
  rows: RoadmapRow[];
  milestones: RoadmapMilestone[];
  dependencies: RoadmapDependency[];
  undatedRowIds: string[];
}

interface Frame {
  kind: 'box' | 'item';
  id: string;
  parentId: string | null;
  depth: number;
}

interface RowContext {
  model: TransformationModel;
  groups: ItemGroups;
  shown: ReadonlySet<string>;
  typeName: (typeId: string) => string;
  today: string;
}

/** The row of a frame, or null when the frame is a box that is not shown (it still leads to shown boxes). */
function rowOf(frame: Frame, context: RowContext): RoadmapRow | null {
  const { model, groups, today } = context;
  if (frame.kind === 'box') {
    const box = boxById(model, frame.id);
    if (box === undefined || !context.shown.has(box.id)) return null;
    return {
      id: box.id,
      key: boxKey(model, box),
      name: box.name,
      typeName: context.typeName(box.typeId),
      kind: 'box',
      parentId: frame.parentId,
      depth: frame.depth,
      hasChildren: false,
      start: box.startDate,
      due: box.dueDate,
      progress: progressSummary(box.progress),
      schedule: boxSchedule(model, box, today),
      doneWithOpenWork: isDoneWithOpenWork(model, box),
    };
  }
  const item = itemByKey(model, frame.id);
  if (item === undefined) return null;
  return {
    id: frame.id,
    key: frame.id,
    name: textOf(item.summary),
    typeName: textOf(item.issueType),
    kind: 'item',
    parentId: frame.parentId,
    depth: frame.depth,
    hasChildren: false,
    start: itemDate(item, 'startDate'),
    due: itemDate(item, 'dueDate'),
    progress: progressSummary(groups.progress(frame.id)),
    schedule: itemSchedule(item, today),
    doneWithOpenWork: false,
  };
}

/** Tree order: a box, then its child boxes' subtrees (in `childIds` order), then its group items' subtrees. */
function treeRows(context: RowContext): RoadmapRow[] {
  const { model, groups } = context;
  const rows: RoadmapRow[] = [];
  const rowById = new Map<string, RoadmapRow>();
  const visited = new Set<string>();
  const stack: Frame[] = [{ kind: 'box', id: model.rootId, parentId: null, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if (visited.has(frame.id)) continue;
    visited.add(frame.id);
    const row = rowOf(frame, context);
    if (row !== null) {
      rows.push(row);
      rowById.set(row.id, row);
      const parent = row.parentId === null ? undefined : rowById.get(row.parentId);
      if (parent !== undefined) parent.hasChildren = true;
    }
    const parentId = row === null ? frame.parentId : row.id;
    const depth = row === null ? frame.depth : row.depth + 1;
    const groupKeys = row === null ? [] : groups.childGroups(row.id);
    for (let index = groupKeys.length - 1; index >= 0; index -= 1) stack.push({ kind: 'item', id: groupKeys[index] as string, parentId, depth });
    const childIds = frame.kind === 'box' ? (boxById(model, frame.id)?.childIds ?? []) : [];
    for (let index = childIds.length - 1; index >= 0; index -= 1) stack.push({ kind: 'box', id: childIds[index] as string, parentId, depth });
  }
  return rows;
}

/**
 * The scope as a roadmap. Rows: every box shown for the scope (see `shownBoxIds`) and every work item that
 * groups others (e.g. an epic), under its box or the group above it; risks are not rows. Milestones sit on
 * the row of the nearest group above them, else on their box's row. Dependencies: see `roadmapDependencies`.
 */
export function roadmap(model: TransformationModel, config: TransformationConfig, scope: Scope, today: string): Roadmap {
  const containerOf = containerOfItems(model);
  const groups = itemGroups(model, config, scope.itemKeys, containerOf);
  const rows = treeRows({ model, groups, shown: shownBoxIds(model, scope), typeName: boxTypeNamer(config), today });
  const rowIdOf = (key: string): string => (scope.boxIds.has(key) || groups.isGroup(key) ? key : (groups.groupAbove(key) ?? containerOf.get(key) ?? model.rootId));

  const isMilestone = milestoneMatcher(config);
  const milestones: RoadmapMilestone[] = [];
  for (const key of scope.itemKeys) {
    const item = itemByKey(model, key);
    if (item === undefined || !isMilestone(item)) continue;
    milestones.push({ key, name: textOf(item.summary), due: itemDate(item, 'dueDate'), rowId: rowIdOf(key), schedule: itemSchedule(item, today) });
  }
  return {
    today,
    rows,
    milestones,
    dependencies: roadmapDependencies(model, scope, rows, rowIdOf),
    undatedRowIds: rows.filter((row) => row.start === null && row.due === null).map((row) => row.id),
  };
}
