/** Changing a bar's dates by mouse or keyboard: whole days, an end never passing the other. No React here. */
import type { FieldChangeRequestDto } from '../../../../src/contract';
import { dayNumber, isoOf } from './timeScale';

/** What a gesture moves: the whole bar, or one of its ends. */
export type DragPart = 'move' | 'start' | 'due';

export interface BarDates {
  start: string;
  due: string;
}

/** The bar's dates after moving `part` by `days`; an end stops at the other end's day (a bar is at least one day). */
export function shiftDates(dates: BarDates, part: DragPart, days: number): BarDates {
  const start = dayNumber(dates.start);
  const due = dayNumber(dates.due);
  if (start === null || due === null || days === 0) return dates;
  if (part === 'move') return { start: isoOf(start + days), due: isoOf(due + days) };
  if (part === 'start') return { start: isoOf(Math.min(start + days, due)), due: dates.due };
  return { start: dates.start, due: isoOf(Math.max(due + days, start)) };
}

/** Whole days a pointer moved along the timeline, rounded the same way in both directions (0, not -0). */
export const daysOfDrag = (dx: number, dayWidth: number): number => Math.sign(dx) * Math.round(Math.abs(dx) / dayWidth) || 0;

/**
 * What a key does to a focused bar: ← → move it by a day, with Shift by a week; with Alt they move the due date
 * only, with Ctrl the start date only. Null for any other key.
 */
export function keyMove(key: string, modifiers: { shiftKey: boolean; altKey: boolean; ctrlKey: boolean }): { part: DragPart; days: number } | null {
  const direction = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
  if (direction === 0) return null;
  const part: DragPart = modifiers.altKey ? 'due' : modifiers.ctrlKey ? 'start' : 'move';
  return { part, days: direction * (modifiers.shiftKey ? 7 : 1) };
}

/** The writes that take an issue from its dates to the new ones: one per date that changed, expecting the old one. */
export function dateChanges(issueKey: string, before: BarDates, after: BarDates): FieldChangeRequestDto[] {
  const changes: FieldChangeRequestDto[] = [];
  if (after.start !== before.start) changes.push({ issueKey, concept: 'startDate', value: after.start, expected: before.start });
  if (after.due !== before.due) changes.push({ issueKey, concept: 'dueDate', value: after.due, expected: before.due });
  return changes;
}

/** "PAY-1: start 2026-03-02 → 2026-03-09, due 2026-04-30 → 2026-05-07" */
export function datesText(issueKey: string, before: BarDates, after: BarDates): string {
  const parts = [after.start !== before.start && `start ${before.start} → ${after.start}`, after.due !== before.due && `due ${before.due} → ${after.due}`].filter(Boolean);
  return `${issueKey}: ${parts.join(', ')}`;
}
