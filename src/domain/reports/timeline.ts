import type { StatusCategory, WorkItem } from '../model';
import { categoryOfStatus, parseInstant } from '../history';
import type { History } from '../history';
import { textOf } from '../itemFields';

/** A stretch of time an issue spent in one status, from `start` until the next segment's start. */
export interface Segment {
  start: number;
  status: string | null;
  category: StatusCategory | null;
  /** The change that started it as written; for the first segment, the creation date as written (or null). */
  at: string | null;
}

/** An issue's statuses over time, from its creation (or from always, when it has no creation date). */
export interface Timeline {
  key: string;
  created: number | null;
  segments: Segment[];
}

/**
 * The statuses an issue went through: before its first status change, that change's `from`; with no status
 * change at all, its current status all along. Each status gets its category from the site's statuses.
 */
export function timelineOf(item: WorkItem, history: History, lookup: (status: string | null) => StatusCategory | null): Timeline {
  const created = parseInstant(item.created);
  const changes = history.changesOf(item.key, 'status');
  const first = changes[0];
  const initial = first === undefined ? textOf(item.status) : first.from;
  const firstStart = Math.min(created ?? -Infinity, first?.ms ?? Infinity);
  const segments: Segment[] = [{ start: firstStart, status: initial, category: categoryOfStatus(lookup, item, initial), at: typeof item.created === 'string' ? item.created : null }];
  for (const change of changes) segments.push({ start: change.ms, status: change.to, category: categoryOfStatus(lookup, item, change.to), at: change.at });
  return { key: item.key, created, segments };
}

/** Whether the issue exists just before instant `t` (created before it, or with no creation date). */
export function existsBefore(timeline: Timeline, t: number): boolean {
  return timeline.created === null || timeline.created < t;
}

/** Index of the segment the issue is in just before instant `t` (the first one when `t` is before every change). */
export function segmentBefore(timeline: Timeline, t: number): number {
  let low = 0;
  let high = timeline.segments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((timeline.segments[middle] as Segment).start < t) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - 1);
}

/** The status category just before instant `t` (changes at `t` itself are not yet applied). */
export function categoryBefore(timeline: Timeline, t: number): StatusCategory | null {
  return (timeline.segments[segmentBefore(timeline, t)] as Segment).category;
}

/**
 * When an issue finished, and how it flowed. An issue is finished when it is done now; it finished at its last
 * entry into the done category (so a reopened issue counts once, at its last done), or at its creation when it
 * was created done and never left done. Its flow started when it first entered 'indeterminate' (before that
 * finish), or at its creation when it went straight from to-do to done; `start` is null when that is unknown
 * (no creation date). `active` is the time in 'indeterminate' statuses that are not waiting statuses.
 */
export interface Finish {
  ms: number;
  at: string;
  start: number | null;
  active: number;
}

export function finishOf(timeline: Timeline, isWaiting: (status: string | null) => boolean): Finish | null {
  const segments = timeline.segments;
  const lastIndex = segments.length - 1;
  if ((segments[lastIndex] as Segment).category !== 'done') return null;
  let doneIndex = lastIndex;
  while (doneIndex > 0 && (segments[doneIndex - 1] as Segment).category === 'done') doneIndex -= 1;
  const done = segments[doneIndex] as Segment;
  if (doneIndex === 0 && timeline.created === null) return null;
  const ms = doneIndex === 0 ? (timeline.created as number) : done.start;
  const at = done.at ?? new Date(ms).toISOString();

  let startIndex = 0;
  while (startIndex < doneIndex && (segments[startIndex] as Segment).category !== 'indeterminate') startIndex += 1;
  let start: number | null = startIndex < doneIndex ? (segments[startIndex] as Segment).start : timeline.created;
  if (start !== null && !Number.isFinite(start)) start = null;
  if (start !== null && start > ms) start = ms;
  let active = 0;
  for (let index = startIndex; index < doneIndex; index += 1) {
    const segment = segments[index] as Segment;
    if (segment.category !== 'indeterminate' || isWaiting(segment.status)) continue;
    active += (segments[index + 1] as Segment).start - segment.start;
  }
  return { ms, at, start, active: start === null ? 0 : active };
}
