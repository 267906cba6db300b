import type { Box, TransformationModel, WorkItem } from './model';
import { itemDate } from './itemFields';
import { itemByKey, boxById } from './lookup';
import type { Scope } from './scope';
import type { ScheduleStatus } from './views';

export interface ScheduleCounts {
  late: number;
  onTrack: number;
  done: number;
  unscheduled: number;
}

/**
 * 'done' when done; else 'late' when the due date is before today (due today is not late);
 * else 'onTrack' when there is a due date; else 'unscheduled'. Dates are 'yyyy-mm-dd'.
 */
export function scheduleStatus(done: boolean, due: string | null, today: string): ScheduleStatus {
  if (done) return 'done';
  if (due === null) return 'unscheduled';
  return due < today ? 'late' : 'onTrack';
}

/** An issue is done when its status category is done; its due date is its own mapped due date. */
export function itemSchedule(item: WorkItem, today: string): ScheduleStatus {
  return scheduleStatus(item.statusCategory === 'done', itemDate(item, 'dueDate'), today);
}

/** A box is done when its issue's category is done, or its progress is complete (ratio 1 of something). */
export function isBoxDone(model: TransformationModel, box: Box): boolean {
  if (itemByKey(model, box.id)?.statusCategory === 'done' && box.id !== model.rootId) return true;
  return box.progress.ratio === 1 && box.progress.total > 0;
}

/** The box's issue is done in Jira while its work is not: the Late count takes it as done, so it is flagged. */
export function isDoneWithOpenWork(model: TransformationModel, box: Box): boolean {
  if (box.id === model.rootId || itemByKey(model, box.id)?.statusCategory !== 'done') return false;
  return box.progress.method !== 'manual' && box.progress.total > 0 && box.progress.ratio < 1;
}

/** A box's schedule, against the box's due date (its own, or else derived from what is in it). */
export function boxSchedule(model: TransformationModel, box: Box, today: string): ScheduleStatus {
  return scheduleStatus(isBoxDone(model, box), box.dueDate, today);
}

/**
 * The boxes a scope's schedule counts: every box in scope that is a Jira issue, the scope's own top boxes
 * included (on a team project those are its teams). Only virtual boxes (the transformation, project boxes) are not
 * schedule items: they have no issue of their own to be late.
 */
export function scheduleBoxes(model: TransformationModel, scope: Scope): Box[] {
  const boxes: Box[] = [];
  for (const id of scope.boxIds) {
    const box = boxById(model, id);
    if (box !== undefined && id !== model.rootId && itemByKey(model, id) !== undefined) boxes.push(box);
  }
  return boxes;
}

/** How the scope's schedule boxes (see `scheduleBoxes`) stand against their due dates. */
export function scheduleCounts(model: TransformationModel, scope: Scope, today: string): ScheduleCounts {
  const counts: ScheduleCounts = { late: 0, onTrack: 0, done: 0, unscheduled: 0 };
  for (const box of scheduleBoxes(model, scope)) counts[boxSchedule(model, box, today)] += 1;
  return counts;
}
