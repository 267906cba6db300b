/**
 * Pure geometry of the roadmap's bars and dependency arrows, in timeline coordinates
 * (x from the scale's first day, y from the first shown row). No React here.
 */
import type { DependencyDto, RoadmapRowDto } from '../../../../src/contract';
import { dayNumber, xOfDay, type TimeScale } from './timeScale';

/** What a row shows on the timeline: a bar (both dates), a marker for the one known date, or nothing. */
export type RowSpan =
  | { kind: 'bar'; startX: number; endX: number }
  | { kind: 'start' | 'due'; x: number }
  | { kind: 'none' };

/** A bar covers whole days: from the start day's left edge to the due day's right edge. */
export function rowSpan(row: Pick<RoadmapRowDto, 'start' | 'due'>, scale: TimeScale): RowSpan {
  const start = dayNumber(row.start);
  const due = dayNumber(row.due);
  if (start !== null && due !== null) {
    const [from, to] = start <= due ? [start, due] : [due, start];
    return { kind: 'bar', startX: xOfDay(scale, from), endX: xOfDay(scale, to + 1) };
  }
  if (start !== null) return { kind: 'start', x: xOfDay(scale, start) };
  if (due !== null) return { kind: 'due', x: xOfDay(scale, due + 1) };
  return { kind: 'none' };
}

/** Where an arrow leaves a blocking row (its end) and enters a blocked row (its start). */
export function spanEnd(span: RowSpan): number | null {
  return span.kind === 'bar' ? span.endX : span.kind === 'none' ? null : span.x;
}
export function spanStart(span: RowSpan): number | null {
  return span.kind === 'bar' ? span.startX : span.kind === 'none' ? null : span.x;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * An orthogonal path from the end of one bar to the start of another. With room between them it steps out,
 * goes up or down, and in; otherwise it steps out, runs along the row border before the target, back past
 * the target's start, and in — so the last segment always points right, into the bar.
 */
export function arrowPath(from: Point, to: Point, gap: number, rowHeight: number): string {
  const outX = from.x + gap;
  if (to.x - from.x >= 2 * gap) return `M ${from.x} ${from.y} H ${outX} V ${to.y} H ${to.x}`;
  const midY = to.y === from.y ? to.y + rowHeight / 2 : to.y - Math.sign(to.y - from.y) * (rowHeight / 2);
  return `M ${from.x} ${from.y} H ${outX} V ${midY} H ${to.x - gap} V ${to.y} H ${to.x}`;
}

/** A small triangle whose tip is at `to`, pointing right. */
export const arrowHead = (to: Point, size = 5): string => `M ${to.x} ${to.y} L ${to.x - size} ${to.y - size} L ${to.x - size} ${to.y + size} Z`;

export interface Arrow {
  id: string;
  dependency: DependencyDto;
  path: string;
  head: string;
}

export interface ArrowInput {
  /** Each knows its rows' indexes among the rows showing and their dates, whether or not those rows are loaded. */
  dependencies: readonly DependencyDto[];
  scale: TimeScale;
  /** Rendered rows (inclusive). */
  first: number;
  last: number;
  rowHeight: number;
  gap: number;
}

/** Arrows between shown rows with a known date, when at least one end is among the rendered rows. */
export function visibleArrows({ dependencies, scale, first, last, rowHeight, gap }: ArrowInput): Arrow[] {
  const arrows: Arrow[] = [];
  const inWindow = (index: number) => index >= first && index <= last;
  for (const dependency of dependencies) {
    const { fromIndex, toIndex } = dependency;
    if (fromIndex === null || toIndex === null || (!inWindow(fromIndex) && !inWindow(toIndex))) continue;
    const fromX = spanEnd(rowSpan(dependency.fromDates, scale));
    const toX = spanStart(rowSpan(dependency.toDates, scale));
    if (fromX === null || toX === null) continue;
    const from = { x: fromX, y: fromIndex * rowHeight + rowHeight / 2 };
    const to = { x: toX, y: toIndex * rowHeight + rowHeight / 2 };
    arrows.push({ id: `${dependency.fromKey}->${dependency.toKey}`, dependency, path: arrowPath(from, to, gap, rowHeight), head: arrowHead(to) });
  }
  return arrows;
}

/** A milestone sits at the end of its due day (where a bar due that day ends); null without a due date. */
export function milestoneX(due: string | null, scale: TimeScale): number | null {
  const day = dayNumber(due);
  return day === null ? null : xOfDay(scale, day + 1);
}
