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
 * An orthogonal path from the end of one bar to the start of another, as its corners. With room between them it
 * steps out, goes up or down, and in; otherwise it steps out, runs along the row border before the target, back
 * past the target's start, and in — so the last segment always points right, into the bar.
 */
export function arrowPoints(from: Point, to: Point, gap: number, rowHeight: number): Point[] {
  const outX = from.x + gap;
  if (to.x - from.x >= 2 * gap) return [from, { x: outX, y: from.y }, { x: outX, y: to.y }, to];
  const midY = to.y === from.y ? to.y + rowHeight / 2 : to.y - Math.sign(to.y - from.y) * (rowHeight / 2);
  return [from, { x: outX, y: from.y }, { x: outX, y: midY }, { x: to.x - gap, y: midY }, { x: to.x - gap, y: to.y }, to];
}

/** SVG path data of an orthogonal polyline: H and V steps (zero-length ones left out). */
export function pathOf(points: readonly Point[]): string {
  const [start, ...rest] = points;
  if (!start) return '';
  let d = `M ${start.x} ${start.y}`;
  let at = start;
  for (const point of rest) {
    if (point.x !== at.x) d += point.y === at.y ? ` H ${point.x}` : ` L ${point.x} ${point.y}`;
    else if (point.y !== at.y) d += ` V ${point.y}`;
    at = point;
  }
  return d;
}

export const arrowPath = (from: Point, to: Point, gap: number, rowHeight: number): string => pathOf(arrowPoints(from, to, gap, rowHeight));

/** A small triangle whose tip is at `to`, pointing right. */
export const arrowHead = (to: Point, size = 5): string => `M ${to.x} ${to.y} L ${to.x - size} ${to.y - size} L ${to.x - size} ${to.y + size} Z`;

export interface Arrow {
  id: string;
  dependency: DependencyDto;
  /** The whole path, from the blocking row to the blocked one, and its corners. */
  path: string;
  points: Point[];
  /** Where the head's tip is. */
  to: Point;
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
    const points = arrowPoints(from, to, gap, rowHeight);
    arrows.push({ id: `${dependency.fromKey}->${dependency.toKey}`, dependency, path: pathOf(points), points, to, head: arrowHead(to) });
  }
  return arrows;
}

/** A stretch of an arrow's path, and how far along the whole path it starts (so a dash pattern stays put). */
export interface PathPiece {
  d: string;
  offset: number;
}

/** A stretch of an arrow's corners, and how far along the whole path it starts. */
interface Stretch {
  points: Point[];
  offset: number;
}

/**
 * The parts of an orthogonal polyline between heights `top` and `bottom`. An arrow to a row thousands of rows away
 * is drawn only where rows are rendered: a dashed stroke is laid along the whole length of its path every time it
 * is painted, and a path tens of thousands of pixels long cost more than a frame to paint.
 */
function clipStretches(points: readonly Point[], top: number, bottom: number): Stretch[] {
  const stretches: Stretch[] = [];
  let piece: Point[] = [];
  let offset = 0;
  const close = () => {
    const [start] = piece;
    if (start && piece.some((point) => point.x !== start.x || point.y !== start.y)) stretches.push({ points: piece, offset });
    piece = [];
  };
  const clampY = (y: number) => Math.min(bottom, Math.max(top, y));
  let travelled = 0;
  for (let i = 1; i < points.length; i += 1) {
    const p = points[i - 1] as Point;
    const q = points[i] as Point;
    if (Math.max(p.y, q.y) < top || Math.min(p.y, q.y) > bottom) close();
    else {
      const entry = { x: p.x, y: clampY(p.y) };
      const exit = { x: q.x, y: clampY(q.y) };
      if (piece.length === 0) {
        piece = [entry];
        offset = travelled + Math.abs(entry.y - p.y);
      }
      piece.push(exit);
      if (exit.y !== q.y) close(); // leaves the band
    }
    travelled += Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
  }
  close();
  return stretches;
}

export const clipPath = (points: readonly Point[], top: number, bottom: number): PathPiece[] =>
  clipStretches(points, top, bottom).map(({ points: corners, offset }) => ({ d: pathOf(corners), offset }));

/**
 * A stretch cut into straight lines of at most `chunk` pixels, cut where a multiple of `chunk` falls, each with how
 * far along the whole path it starts. For dashed strokes: Skia lays the dashes along a whole path each time a tile
 * of the page under it is painted, so a long dashed path cost its full length on every tile; chopped, a tile paints
 * only the dashes over it, and a line that stays in place while the arrow is cut differently elsewhere stays the same.
 */
function chop({ points, offset }: Stretch, chunk: number): PathPiece[] {
  const out: PathPiece[] = [];
  let travelled = offset;
  for (let i = 1; i < points.length; i += 1) {
    const p = points[i - 1] as Point;
    const q = points[i] as Point;
    const vertical = p.x === q.x;
    const from = vertical ? p.y : p.x;
    const to = vertical ? q.y : q.x;
    const stops = [from];
    if (to > from) for (let cut = (Math.floor(from / chunk) + 1) * chunk; cut < to; cut += chunk) stops.push(cut);
    else for (let cut = (Math.ceil(from / chunk) - 1) * chunk; cut > to; cut -= chunk) stops.push(cut);
    stops.push(to);
    for (let k = 1; k < stops.length; k += 1) {
      const a = stops[k - 1] as number;
      const b = stops[k] as number;
      if (a !== b) out.push({ d: vertical ? `M ${p.x} ${a} V ${b}` : `M ${a} ${p.y} H ${b}`, offset: travelled + Math.abs(a - from) });
    }
    travelled += Math.abs(to - from);
  }
  return out;
}

/**
 * An arrow as drawn between heights `top` and `bottom`: the pieces of its path there, and its head if it is there.
 * With `chunk` (for a dashed stroke) the pieces are straight lines of at most that length.
 */
export function clipArrow(arrow: Pick<Arrow, 'points' | 'to' | 'head'>, top: number, bottom: number, chunk?: number): { pieces: PathPiece[]; head: string | null } {
  const stretches = clipStretches(arrow.points, top, bottom);
  const pieces = chunk ? stretches.flatMap((stretch) => chop(stretch, chunk)) : stretches.map(({ points, offset }) => ({ d: pathOf(points), offset }));
  return { pieces, head: arrow.to.y >= top && arrow.to.y <= bottom ? arrow.head : null };
}

/** A milestone sits at the end of its due day (where a bar due that day ends); null without a due date. */
export function milestoneX(due: string | null, scale: TimeScale): number | null {
  const day = dayNumber(due);
  return day === null ? null : xOfDay(scale, day + 1);
}
