import type { TransformationConfig, TransformationModel, WorkItem } from '../model';
import { calendarDate } from '../calendar';
import { indexHistory, nameMatcher, parseInstant, statusCategoryLookup, valueBefore } from '../history';
import type { FieldChange, History, StatusCategories, TimedChange } from '../history';
import { fieldText, itemDate, textOf } from '../itemFields';
import { boxById, containerOfItems, itemByKey, milestoneMatcher, riskMatcher } from '../lookup';
import { sameName } from '../names';
import { naturalCompare } from '../naturalCompare';
import { parseRiskLevel } from '../parseRiskLevel';
import { isMissing } from '../rawValue';
import { riskBand, riskScore } from '../risk';
import { reportsConfigOf } from '../reportsConfig';
import type { Scope } from '../scope';
import { knownStatusCategory } from '../views';
import { sectionBoxes, sectionOfBoxes } from './groups';
import { DAY_MS, periodBounds } from './period';
import type { Bounds } from './period';
import { progressAt, scopeRatio } from './progressAt';
import { stageRules } from './stages';
import { categoryBefore, existsBefore, segmentBefore, timelineOf } from './timeline';
import type { Segment, Timeline } from './timeline';
import type { MilestoneMove, ReportPeriod, RiskMove, StageMove, WaitingItem, WeekFigures, WeeklyReport, WorkstreamWeek } from './types';

const MAX_BLOCKED = 10;

type Waiting = WaitingItem & { sinceMs: number };

interface Tally {
  teamsBefore: number;
  teamsAfter: number;
  teamsTotal: number;
  converted: StageMove[];
  slipped: StageMove[];
  milestonesDone: MilestoneMove[];
  milestonesNewlyLate: MilestoneMove[];
  risksNew: RiskMove[];
  risksRisen: RiskMove[];
  blocked: Waiting[];
  decisionsNeeded: Waiting[];
}

function emptyTally(): Tally {
  return { teamsBefore: 0, teamsAfter: 0, teamsTotal: 0, converted: [], slipped: [], milestonesDone: [], milestonesNewlyLate: [], risksNew: [], risksRisen: [], blocked: [], decisionsNeeded: [] };
}

/** The change in progress in percentage points, one decimal, half away from zero: "+2.4 pts", "−1.0 pts", "±0.0 pts". */
export function progressDeltaText(before: number, after: number): string {
  const tenths = Number(((after - before) * 1000).toPrecision(12));
  const rounded = Math.round(Math.abs(tenths));
  if (!Number.isFinite(rounded) || rounded === 0) return '±0.0 pts';
  return `${tenths > 0 ? '+' : '−'}${(rounded / 10).toFixed(1)} pts`;
}

interface Context {
  model: TransformationModel;
  config: TransformationConfig;
  scope: Scope;
  history: History;
  bounds: Bounds;
  /** Today: the day the model was read. */
  today: string;
  /** Waiting days are counted up to the period's end, or up to when the data was read if that is earlier. */
  clock: number;
  timelines: Map<string, Timeline>;
  /** Adds to the overall tally and to the tally of the section the box is in (if any). */
  tally(boxId: string | undefined, add: (tally: Tally) => void): void;
}

/**
 * The weekly transformation report for a period (days inclusive, counted in UTC), overall and per section (the
 * boxes directly below the transformation, or a project's top boxes). The structure is the model's current one:
 * an item moved between boxes counts in its current box for the whole period. Rules:
 * - progress before / after: as it stood at the start of the first day / the end of the last (see `progressAt`).
 * - teams: converted when their stage then was the target stage or later; teams created later do not exist yet.
 *   `converted` lists the teams not converted at the start and converted at the end; `slipped` those whose stage
 *   at the end is earlier than at the start (a cleared stage counts as earlier); `at` is their last stage change
 *   in the period (or their creation).
 * - milestones done: not done at the start, done at the end; `doneAt` is when they last entered done.
 *   Newly late: due inside the period and before today, and not done at the period's end.
 * - risks, open at the period's end: new = created in the period; risen = existed at the start, and the score
 *   (likelihood × impact, from their history) at the end is higher than at the start.
 * - blocked (status in a blocked status now) and decisions needed (a "needs decision" status now, or flagged now),
 *   for issues not done, boxes' issues included: `since` is when they entered their current status (for a flag,
 *   when it was set; both: the earlier), else their creation; days are whole days from then to the period's end
 *   or to now if earlier. Longest-waiting first; blocked at most 10.
 */
export function weeklyReport(model: TransformationModel, config: TransformationConfig, scope: Scope, history: readonly FieldChange[], statusCategories: StatusCategories, period: ReportPeriod): WeeklyReport {
  const indexed = indexHistory(history);
  const lookup = statusCategoryLookup(statusCategories);
  const today = calendarDate(model.readAt) ?? calendarDate(period?.to) ?? '1970-01-01';
  const bounds = periodBounds(period, today);
  const sections = sectionBoxes(model, scope);
  const sectionOfBox = sectionOfBoxes(model, sections);
  const containerOf = containerOfItems(model);
  const tallies = new Map(sections.map((section) => [section.id, emptyTally()]));
  const overall = emptyTally();
  const timelines = new Map<string, Timeline>();
  for (const key of scope.itemKeys) {
    const item = itemByKey(model, key);
    if (item !== undefined) timelines.set(key, timelineOf(item, indexed, lookup));
  }
  const context: Context = {
    model,
    config,
    scope,
    history: indexed,
    bounds,
    today,
    clock: Math.min(bounds.end, parseInstant(model.readAt) ?? Infinity),
    timelines,
    tally(boxId, add) {
      add(overall);
      const section = boxId === undefined ? undefined : tallies.get(sectionOfBox.get(boxId) ?? '');
      if (section !== undefined) add(section);
    },
  };

  const progress = progressAt(model, config, scope, timelines);
  const before = progress.at(bounds.start);
  const after = progress.at(bounds.end);
  tallyTeams(context);
  tallyMilestonesAndRisks(context, (key) => containerOf.get(key));
  tallyWaiting(context, (key) => (boxById(model, key) === undefined ? containerOf.get(key) : key));

  const overallBefore = scopeRatio(scope, before.measured);
  const overallAfter = scopeRatio(scope, after.measured);
  const workstreams = sections.map((section): WorkstreamWeek => {
    const item = itemByKey(model, section.id);
    const progressBefore = before.byBox.get(section.id)?.ratio ?? 0;
    const progressAfter = after.byBox.get(section.id)?.ratio ?? 0;
    return {
      boxId: section.id,
      name: section.name,
      sponsor: item === undefined || section.id === model.rootId ? null : fieldText(item.fields?.sponsor),
      ...figures(tallies.get(section.id) ?? emptyTally(), progressBefore, progressAfter),
    };
  });
  return { period: { from: bounds.from, to: bounds.to }, overall: figures(overall, overallBefore, overallAfter), workstreams };
}

function figures(tally: Tally, progressBefore: number, progressAfter: number): WeekFigures {
  const byAt = (a: StageMove, b: StageMove): number => (parseInstant(a.at) ?? 0) - (parseInstant(b.at) ?? 0) || naturalCompare(a.key, b.key);
  const byScore = (a: RiskMove, b: RiskMove): number => (b.scoreAfter ?? -1) - (a.scoreAfter ?? -1) || naturalCompare(a.key, b.key);
  const byWait = (a: Waiting, b: Waiting): number => a.sinceMs - b.sinceMs || naturalCompare(a.key, b.key);
  const plain = ({ sinceMs: _sinceMs, ...item }: Waiting): WaitingItem => item;
  return {
    progressBefore,
    progressAfter,
    progressDeltaText: progressDeltaText(progressBefore, progressAfter),
    teamsConvertedBefore: tally.teamsBefore,
    teamsConvertedAfter: tally.teamsAfter,
    teamsTotal: tally.teamsTotal,
    converted: tally.converted.sort(byAt),
    slipped: tally.slipped.sort(byAt),
    milestonesDone: tally.milestonesDone.sort((a, b) => (parseInstant(a.doneAt) ?? 0) - (parseInstant(b.doneAt) ?? 0) || naturalCompare(a.key, b.key)),
    milestonesNewlyLate: tally.milestonesNewlyLate.sort((a, b) => ((a.due ?? '') < (b.due ?? '') ? -1 : (a.due ?? '') > (b.due ?? '') ? 1 : naturalCompare(a.key, b.key))),
    risksNew: tally.risksNew.sort(byScore),
    risksRisen: tally.risksRisen.sort(byScore),
    blocked: tally.blocked.sort(byWait).slice(0, MAX_BLOCKED).map(plain),
    decisionsNeeded: tally.decisionsNeeded.sort(byWait).map(plain),
  };
}

const existed = (created: number | null, t: number): boolean => created === null || created < t;

/** The `at` of the last change in the period, else the creation when it falls in the period, else null. */
function lastAtInPeriod(changes: readonly TimedChange[], item: WorkItem, created: number | null, bounds: Bounds): string | null {
  for (let index = changes.length - 1; index >= 0; index -= 1) {
    const change = changes[index] as TimedChange;
    if (change.ms < bounds.end && change.ms >= bounds.start) return change.at;
    if (change.ms < bounds.start) break;
  }
  return created !== null && created >= bounds.start && created < bounds.end ? textOf(item.created) : null;
}

function tallyTeams({ model, config, scope, history, bounds, tally }: Context): void {
  const stages = stageRules(config);
  for (const id of scope.boxIds) {
    const item = itemByKey(model, id);
    if (boxById(model, id)?.converted === null || item === undefined) continue;
    const created = parseInstant(item.created);
    const changes = history.changesOf(id, 'conversionStage');
    const current = item.fields?.conversionStage;
    const stageStart = existed(created, bounds.start) ? valueBefore(changes, bounds.start, current) : null;
    const stageEnd = existed(created, bounds.end) ? valueBefore(changes, bounds.end, current) : null;
    const convertedStart = existed(created, bounds.start) && stages.isConverted(stageStart);
    const convertedEnd = existed(created, bounds.end) && stages.isConverted(stageEnd);
    const startIndex = stages.index(stageStart);
    const slipped = existed(created, bounds.start) && startIndex >= 0 && stages.index(stageEnd) < startIndex;
    tally(id, (t) => {
      t.teamsBefore += convertedStart ? 1 : 0;
      t.teamsAfter += convertedEnd ? 1 : 0;
      t.teamsTotal += existed(created, bounds.end) ? 1 : 0;
    });
    if (!(convertedEnd && !convertedStart) && !slipped) continue;
    const move: StageMove = {
      key: id,
      summary: textOf(item.summary),
      fromStage: stages.name(stageStart),
      toStage: stages.name(stageEnd),
      at: lastAtInPeriod(changes, item, created, bounds) ?? new Date(bounds.start).toISOString(),
    };
    tally(id, (t) => (slipped ? t.slipped : t.converted).push(move));
  }
}

function labels(config: TransformationConfig, which: 'likelihoodLabels' | 'impactLabels'): string[] {
  const list: unknown = config.riskScale?.[which];
  return Array.isArray(list) ? list.filter((label): label is string => typeof label === 'string') : [];
}

/** The instant a done item last entered done (before `end`): the `at` of the first segment of its last done run. */
function doneAt(timeline: Timeline, end: number): string | null {
  let index = segmentBefore(timeline, end);
  while (index > 0 && (timeline.segments[index - 1] as Segment).category === 'done') index -= 1;
  return (timeline.segments[index] as Segment).at;
}

function tallyMilestonesAndRisks({ model, config, scope, history, bounds, today, timelines, tally }: Context, boxOf: (key: string) => string | undefined): void {
  const isMilestone = milestoneMatcher(config);
  const isRisk = riskMatcher(config);
  const likelihoodLabels = labels(config, 'likelihoodLabels');
  const impactLabels = labels(config, 'impactLabels');
  for (const key of scope.itemKeys) {
    const item = itemByKey(model, key);
    const timeline = timelines.get(key);
    if (item === undefined || timeline === undefined) continue;
    const atEnd = existsBefore(timeline, bounds.end) ? categoryBefore(timeline, bounds.end) : null;
    if (isMilestone(item)) {
      const doneAtStart = existsBefore(timeline, bounds.start) && categoryBefore(timeline, bounds.start) === 'done';
      const due = itemDate(item, 'dueDate');
      const ref = { key, summary: textOf(item.summary), due };
      if (atEnd === 'done' && !doneAtStart) tally(boxOf(key), (t) => t.milestonesDone.push({ ...ref, doneAt: doneAt(timeline, bounds.end) }));
      const dueInPeriod = due !== null && due >= bounds.from && due <= bounds.to && due < today;
      if (dueInPeriod && existsBefore(timeline, bounds.end) && atEnd !== 'done') tally(boxOf(key), (t) => t.milestonesNewlyLate.push({ ...ref, doneAt: null }));
      continue;
    }
    if (!isRisk(item) || !existsBefore(timeline, bounds.end) || atEnd === 'done') continue;
    const scoreBefore = (t: number): number | null => {
      const likelihood = parseRiskLevel(valueBefore(history.changesOf(key, 'riskLikelihood'), t, item.fields?.riskLikelihood), likelihoodLabels);
      const impact = parseRiskLevel(valueBefore(history.changesOf(key, 'riskImpact'), t, item.fields?.riskImpact), impactLabels);
      return likelihood === null || impact === null ? null : riskScore(likelihood, impact);
    };
    const scoreAfter = scoreBefore(bounds.end);
    const band = scoreAfter === null || config.riskScale === undefined ? null : riskBand(scoreAfter, config.riskScale);
    const isNew = timeline.created !== null && timeline.created >= bounds.start && timeline.created < bounds.end;
    if (isNew) {
      tally(boxOf(key), (t) => t.risksNew.push({ key, summary: textOf(item.summary), scoreBefore: null, scoreAfter, band }));
      continue;
    }
    if (!existsBefore(timeline, bounds.start)) continue;
    const before = scoreBefore(bounds.start);
    if (before !== null && scoreAfter !== null && scoreAfter > before) tally(boxOf(key), (t) => t.risksRisen.push({ key, summary: textOf(item.summary), scoreBefore: before, scoreAfter, band }));
  }
}

/** When the issue entered its current status: its last status change into it. */
function statusSince(history: History, item: WorkItem): TimedChange | null {
  const changes = history.changesOf(item.key, 'status');
  for (let index = changes.length - 1; index >= 0; index -= 1) {
    if (sameName((changes[index] as TimedChange).to, item.status)) return changes[index] as TimedChange;
  }
  return null;
}

/** When the flag was last set: its last change from empty to something. */
function flaggedSince(history: History, item: WorkItem): TimedChange | null {
  const changes = history.changesOf(item.key, 'flagged');
  for (let index = changes.length - 1; index >= 0; index -= 1) {
    const change = changes[index] as TimedChange;
    if (!isMissing(change.to) && isMissing(change.from)) return change;
  }
  return null;
}

function tallyWaiting({ model, config, scope, history, clock, tally }: Context, boxOf: (key: string) => string | undefined): void {
  const settings = reportsConfigOf(config);
  const isBlocked = nameMatcher(settings.blockedStatuses);
  const needsDecision = nameMatcher(settings.needsDecisionStatuses);
  const readAt = parseInstant(model.readAt) ?? clock;
  const consider = (key: string): void => {
    const item = itemByKey(model, key);
    if (item === undefined || key === model.rootId || knownStatusCategory(item.statusCategory) === 'done') return;
    const status = textOf(item.status);
    const flagged = fieldText(item.fields?.flagged) !== null;
    const blocked = isBlocked(status);
    const deciding = needsDecision(status);
    if (!blocked && !deciding && !flagged) return;
    const created = parseInstant(item.created);
    const fallback = { at: created === null ? model.readAt : textOf(item.created), ms: created ?? readAt };
    const inStatus = statusSince(history, item) ?? fallback;
    const waiting = (since: { at: string; ms: number }): Waiting => ({
      key,
      summary: textOf(item.summary),
      status,
      since: since.at,
      sinceMs: since.ms,
      days: Math.max(0, Math.floor((clock - since.ms) / DAY_MS)),
      flagged,
    });
    if (blocked) tally(boxOf(key), (t) => t.blocked.push(waiting(inStatus)));
    if (!deciding && !flagged) return;
    const flagSet = flagged ? (flaggedSince(history, item) ?? fallback) : null;
    const since = !deciding ? (flagSet as { at: string; ms: number }) : flagSet !== null && flagSet.ms < inStatus.ms ? flagSet : inStatus;
    tally(boxOf(key), (t) => t.decisionsNeeded.push(waiting(since)));
  };
  for (const key of scope.itemKeys) consider(key);
  for (const id of scope.boxIds) consider(id);
}
