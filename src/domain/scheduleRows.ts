import type { TransformationModel } from './model';
import { boxById, itemByKey } from './lookup';
import { isBoxDone, scheduleStatus, type ScheduleCounts } from './schedule';
import type { Scope } from './scope';

/** A box's place in tree order: its subtree is exactly the boxes numbered `position`..`lastBelow`. */
export interface TreeSpan {
  position: number;
  lastBelow: number;
}

/**
 * One box as a schedule count needs it, stored once per box: a scope's counts are then the rows whose position lies in
 * its roots' spans, so a database can count them for any subtree or project without the tree.
 */
export interface ScheduleRow {
  position: number;
  /** The box is a Jira issue (not the transformation or a project box): only those are schedule items. */
  scheduled: boolean;
  done: boolean;
  dueDate: string | null;
}

/** Every box reachable from the root, numbered depth first (children in `childIds` order). Iterative. */
export function treeSpans(model: TransformationModel): Map<string, TreeSpan> {
  const spans = new Map<string, TreeSpan>();
  const stack: Array<{ id: string; leaving: boolean }> = [{ id: model.rootId, leaving: false }];
  let next = 0;
  while (stack.length > 0) {
    const frame = stack.pop() as { id: string; leaving: boolean };
    const span = spans.get(frame.id);
    if (frame.leaving) {
      if (span !== undefined) span.lastBelow = next - 1;
      continue;
    }
    const box = boxById(model, frame.id);
    if (box === undefined || span !== undefined) continue;
    spans.set(box.id, { position: next, lastBelow: next });
    next += 1;
    stack.push({ id: box.id, leaving: true });
    for (let index = box.childIds.length - 1; index >= 0; index -= 1) stack.push({ id: box.childIds[index] as string, leaving: false });
  }
  return spans;
}

/** The schedule row of every numbered box. */
export function scheduleRows(model: TransformationModel, spans: ReadonlyMap<string, TreeSpan>): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  for (const [id, span] of spans) {
    const box = boxById(model, id);
    if (box === undefined) continue;
    rows.push({ position: span.position, scheduled: id !== model.rootId && itemByKey(model, id) !== undefined, done: isBoxDone(model, box), dueDate: box.dueDate });
  }
  return rows;
}

/** The spans a scope's boxes fill: one per scope root (every box below a scope root is in scope). */
export function scopeSpans(scope: Scope, spans: ReadonlyMap<string, TreeSpan>): TreeSpan[] {
  return scope.rootIds.flatMap((id) => {
    const span = spans.get(id);
    return span === undefined ? [] : [{ ...span }];
  });
}

/** The schedule counts of the rows within the spans: what `scheduleCounts` gives for the scope, from rows alone. */
export function countScheduleRows(rows: readonly ScheduleRow[], within: readonly TreeSpan[], today: string): ScheduleCounts {
  const counts: ScheduleCounts = { late: 0, onTrack: 0, done: 0, unscheduled: 0 };
  for (const row of rows) {
    if (!row.scheduled || !within.some((span) => row.position >= span.position && row.position <= span.lastBelow)) continue;
    counts[scheduleStatus(row.done, row.dueDate, today)] += 1;
  }
  return counts;
}

