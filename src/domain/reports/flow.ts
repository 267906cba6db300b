import type { FlowKinds, TransformationConfig, TransformationModel } from '../model';
import { calendarDate } from '../calendar';
import { indexHistory, nameMatcher, statusCategoryLookup } from '../history';
import type { FieldChange, StatusCategories } from '../history';
import { boxById, itemByKey, milestoneMatcher } from '../lookup';
import { sameName } from '../names';
import { reportsConfigOf } from '../reportsConfig';
import type { Scope } from '../scope';
import { placeBoxes } from '../tree';
import { DAY_MS, dateOf, dayStart, nearestRank, periodBounds } from './period';
import type { Bounds } from './period';
import { categoryBefore, existsBefore, finishOf, timelineOf } from './timeline';
import type { Finish, Timeline } from './timeline';
import type { FlowByBox, FlowItemKind, FlowMeasures, FlowReport, FlowWeek, ReportPeriod } from './types';

const KINDS: readonly FlowItemKind[] = ['feature', 'defect', 'risk', 'debt'];
/** A period shorter than this many weeks is shown over the 12 weeks ending with it. */
const MIN_WEEKS = 4;
const SHORT_PERIOD_WEEKS = 12;

/** The flow kind of an issue type: the first kind (feature, defect, risk, debt) that lists it; else feature. */
export function flowKindOf(kinds: FlowKinds): (issueType: unknown) => FlowItemKind {
  const answers = new Map<unknown, FlowItemKind>();
  return (issueType) => {
    let kind = answers.get(issueType);
    if (kind === undefined) {
      kind = KINDS.find((candidate) => kinds[candidate].some((type) => sameName(type, issueType))) ?? 'feature';
      answers.set(issueType, kind);
    }
    return kind;
  };
}

interface FlowRecord {
  key: string;
  kind: FlowItemKind;
  timeline: Timeline;
  finish: Finish | null;
}

/** Days with one decimal. */
const days = (ms: number): number => Math.round((ms / DAY_MS) * 10) / 10;

/** Flow time in days of a finished item; null when its start is unknown. */
function flowMs(finish: Finish): number | null {
  return finish.start === null ? null : finish.ms - finish.start;
}

function finishedIn(record: FlowRecord, start: number, end: number): boolean {
  return record.finish !== null && record.finish.ms >= start && record.finish.ms < end;
}

function medianDays(times: number[]): number | null {
  const median = nearestRank(times.sort((a, b) => a - b), 50);
  return median === null ? null : days(median);
}

/** What one item adds to a period's measures, worked out once and summed per box. */
interface Contribution {
  kind: FlowItemKind;
  inProgressAtEnd: boolean;
  finished: boolean;
  /** Flow and active time of a finished item whose start is known; null otherwise. */
  flow: number | null;
  active: number;
}

function contribution(record: FlowRecord, bounds: Bounds): Contribution {
  const inProgressAtEnd = existsBefore(record.timeline, bounds.end) && categoryBefore(record.timeline, bounds.end) === 'indeterminate';
  const finished = finishedIn(record, bounds.start, bounds.end);
  const flow = finished ? flowMs(record.finish as Finish) : null;
  return { kind: record.kind, inProgressAtEnd, finished, flow, active: flow === null ? 0 : (record.finish as Finish).active };
}

function measure(contributions: readonly Contribution[]): FlowMeasures {
  const counts: Record<FlowItemKind, number> = { feature: 0, defect: 0, risk: 0, debt: 0 };
  const times: number[] = [];
  let velocity = 0;
  let active = 0;
  let flow = 0;
  let load = 0;
  for (const entry of contributions) {
    if (entry.inProgressAtEnd) load += 1;
    if (!entry.finished) continue;
    velocity += 1;
    counts[entry.kind] += 1;
    if (entry.flow === null) continue;
    times.push(entry.flow);
    active += entry.active;
    flow += entry.flow;
  }
  times.sort((a, b) => a - b);
  const p50 = nearestRank(times, 50);
  const p85 = nearestRank(times, 85);
  return {
    distribution: KINDS.map((kind) => ({ kind, count: counts[kind], ratio: velocity > 0 ? counts[kind] / velocity : 0 })),
    velocity,
    flowTimeMedianDays: p50 === null ? null : days(p50),
    flowTimeP85Days: p85 === null ? null : days(p85),
    load,
    efficiency: flow > 0 ? active / flow : null,
  };
}

/** The work items in scope the flow measures follow: every work item but milestones (boxes are not work items). */
export function flowRecords(model: TransformationModel, config: TransformationConfig, scope: Scope, history: readonly FieldChange[], statusCategories: StatusCategories): Map<string, FlowRecord> {
  const settings = reportsConfigOf(config);
  const indexed = indexHistory(history);
  const lookup = statusCategoryLookup(statusCategories);
  const isMilestone = milestoneMatcher(config);
  const kindOf = flowKindOf(settings.flowKinds);
  const isWaiting = nameMatcher(settings.waitingStatuses);
  const records = new Map<string, FlowRecord>();
  for (const key of scope.itemKeys) {
    const item = itemByKey(model, key);
    if (item === undefined || isMilestone(item)) continue;
    const timeline = timelineOf(item, indexed, lookup);
    records.set(key, { key, kind: kindOf(item.issueType), timeline, finish: finishOf(timeline, isWaiting) });
  }
  return records;
}

/**
 * Flow Framework measures of the scope's work items (not boxes, not milestones) for a period (days inclusive,
 * UTC). Rules (see `finishOf`): an item finished when it last entered the done category and is done now (a reopened
 * item counts once, at its last done); its flow time runs from its first entry into 'indeterminate' (or its
 * creation when it went straight to done) to that finish; active time is the time in 'indeterminate' statuses that
 * are not waiting statuses. velocity = items finished in the period; distribution = their kinds; flow time median
 * and 85th percentile by nearest rank (the value at rank ⌈p × n⌉ of the n flow times, ascending; the median of 4 is
 * the 2nd), in days with one decimal; load = items in 'indeterminate' at the period's end; efficiency = Σ active
 * time / Σ flow time of the finished items (null when none, or no time). byBox: every box in scope in tree order
 * with its whole subtree; the structure is the current one (an item moved between boxes counts in its current box).
 * overTime: 7-day weeks ending on the period's last day, back to its first day (the first week cut at the period's
 * start); a period shorter than 4 weeks is shown over the 12 full weeks ending on its last day instead.
 */
export function flowReport(model: TransformationModel, config: TransformationConfig, scope: Scope, history: readonly FieldChange[], statusCategories: StatusCategories, period: ReportPeriod): FlowReport {
  const today = calendarDate(model.readAt) ?? calendarDate(period?.to) ?? '1970-01-01';
  const bounds = periodBounds(period, today);
  const records = flowRecords(model, config, scope, history, statusCategories);
  const contributions = new Map<string, Contribution>();
  for (const [key, record] of records) contributions.set(key, contribution(record, bounds));
  return {
    period: { from: bounds.from, to: bounds.to },
    overall: measure([...contributions.values()]),
    byBox: flowByBox(model, scope, contributions),
    overTime: flowOverTime([...records.values()], bounds),
  };
}

/** Each box's subtree is a contiguous run of the items listed box by box in tree order. */
function flowByBox(model: TransformationModel, scope: Scope, contributions: ReadonlyMap<string, Contribution>): FlowByBox[] {
  const placed = placeBoxes(model, (id) => scope.boxIds.has(id));
  const ordered: Contribution[] = [];
  const starts: number[] = [];
  const ends: number[] = new Array<number>(placed.length).fill(0);
  const open: number[] = [];
  placed.forEach(({ box, depth }, index) => {
    while (open.length > 0 && (placed[open[open.length - 1] as number]?.depth ?? -1) >= depth) ends[open.pop() as number] = ordered.length;
    open.push(index);
    starts.push(ordered.length);
    for (const key of boxById(model, box.id)?.itemKeys ?? []) {
      const entry = contributions.get(key);
      if (entry !== undefined) ordered.push(entry);
    }
  });
  for (const index of open) ends[index] = ordered.length;
  return placed.map(({ box, depth }, index) => ({ boxId: box.id, name: box.name, depth, ...measure(ordered.slice(starts[index], ends[index])) }));
}

interface Week {
  start: number;
  end: number;
}

function flowWeeks(bounds: Bounds): Week[] {
  const last = dayStart(bounds.to) + DAY_MS;
  const short = bounds.end - bounds.start < MIN_WEEKS * 7 * DAY_MS;
  const weeks: Week[] = [];
  for (let end = last, count = 0; short ? count < SHORT_PERIOD_WEEKS : end > bounds.start; end -= 7 * DAY_MS, count += 1) {
    weeks.push({ start: short ? end - 7 * DAY_MS : Math.max(bounds.start, end - 7 * DAY_MS), end });
  }
  return weeks.reverse();
}

/** Velocity and median flow time of the items finished in each week, and the load at each week's end. */
function flowOverTime(records: readonly FlowRecord[], bounds: Bounds): FlowWeek[] {
  const weeks = flowWeeks(bounds);
  const events: Array<[number, number]> = [];
  for (const { timeline } of records) {
    timeline.segments.forEach((segment, index) => {
      if (segment.category !== 'indeterminate') return;
      events.push([segment.start, 1]);
      const next = timeline.segments[index + 1];
      if (next !== undefined) events.push([next.start, -1]);
    });
  }
  events.sort((a, b) => a[0] - b[0]);
  const finished = records.filter((record) => record.finish !== null).sort((a, b) => (a.finish as Finish).ms - (b.finish as Finish).ms);
  let load = 0;
  let nextEvent = 0;
  let nextFinish = 0;
  return weeks.map((week) => {
    for (; nextEvent < events.length && (events[nextEvent] as [number, number])[0] < week.end; nextEvent += 1) load += (events[nextEvent] as [number, number])[1];
    while (nextFinish < finished.length && ((finished[nextFinish] as FlowRecord).finish as Finish).ms < week.start) nextFinish += 1;
    const times: number[] = [];
    let velocity = 0;
    for (; nextFinish < finished.length && ((finished[nextFinish] as FlowRecord).finish as Finish).ms < week.end; nextFinish += 1) {
      velocity += 1;
      const time = flowMs((finished[nextFinish] as FlowRecord).finish as Finish);
      if (time !== null) times.push(time);
    }
    return { weekEnd: dateOf(week.end - DAY_MS), velocity, load, flowTimeMedianDays: medianDays(times) };
  });
}
