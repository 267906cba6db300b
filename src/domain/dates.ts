import type { FieldConcept, FieldMapping, WorkItem } from './model';
import type { Hierarchy } from './hierarchy';
import { parseIsoDate } from './parseIsoDate';
import { isMissing } from './rawValue';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** Dates as 'yyyy-mm-dd', which compare correctly as strings. */
export interface DateSpan {
  startDate: string | null;
  dueDate: string | null;
}

function readDate(key: string, item: WorkItem, concept: FieldConcept, mapping: FieldMapping, sink: WarningSink): string | null {
  const raw = item.fields?.[concept];
  if (isMissing(raw)) return null;
  const date = parseIsoDate(raw);
  if (date === null) sink.push(warn.invalidDate(key, mapping, concept, raw));
  return date;
}

/** An issue's own start and due dates; invalid values count as missing, with a warning. */
export function readDates(key: string, item: WorkItem, mapping: FieldMapping, sink: WarningSink): DateSpan {
  const startDate = readDate(key, item, 'startDate', mapping, sink);
  const dueDate = readDate(key, item, 'dueDate', mapping, sink);
  if (startDate !== null && dueDate !== null && dueDate < startDate) sink.push(warn.dueBeforeStart(key, startDate, dueDate));
  return { startDate, dueDate };
}

export function earlier(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  return b === null || a <= b ? a : b;
}

export function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  return b === null || a >= b ? a : b;
}

/**
 * Each box's dates: its own issue's dates where set, otherwise (date by date) the earliest start and latest due
 * among its direct work items (`itemSpans`, already summed per box) and its child boxes' dates. Children before parents.
 */
export function deriveBoxDates(hierarchy: Hierarchy, boxIssueDates: ReadonlyMap<string, DateSpan>, itemSpans: ReadonlyMap<string, DateSpan>): Map<string, DateSpan> {
  const boxDates = new Map<string, DateSpan>();
  for (let index = hierarchy.topDown.length - 1; index >= 0; index -= 1) {
    const id = hierarchy.topDown[index] as string;
    const box = hierarchy.boxes.get(id);
    if (box === undefined) continue;
    let startDate: string | null = null;
    let dueDate: string | null = null;
    for (const part of [itemSpans.get(id), ...box.childIds.map((childId) => boxDates.get(childId))]) {
      if (part === undefined) continue;
      startDate = earlier(startDate, part.startDate);
      dueDate = later(dueDate, part.dueDate);
    }
    const own = boxIssueDates.get(id);
    boxDates.set(id, { startDate: own?.startDate ?? startDate, dueDate: own?.dueDate ?? dueDate });
  }
  return boxDates;
}
