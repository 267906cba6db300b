import type { Box, RawFieldValue, TransformationConfig, TransformationModel, WorkItem } from '../model';
import { calendarDate } from '../calendar';
import { indexHistory, parseInstant, valueBefore } from '../history';
import type { FieldChange, History } from '../history';
import { fieldText, textOf } from '../itemFields';
import { itemByKey } from '../lookup';
import { normaliseName } from '../names';
import { naturalCompare } from '../naturalCompare';
import { parseNumber } from '../parseNumber';
import { reportsConfigOf } from '../reportsConfig';
import type { Scope } from '../scope';
import { initiativeBoxes, sectionBoxes, sectionOfBoxes } from './groups';
import { DAY_MS, dateOf, dayStart, daysBetween } from './period';
import type { GateCount, StuckInitiative, ValueByBox, ValuePoint, ValueTracking } from './types';

/** At most this many points over time: the last 23 month ends and today. */
const MAX_POINTS = 24;

interface Initiative {
  box: Box;
  item: WorkItem;
  created: number | null;
  /** Position of its current gate among the configured gates; -1 when it has none or an unknown one. */
  gate: number;
}

const amount = (value: RawFieldValue | undefined): number => parseNumber(value) ?? 0;

/**
 * Value tracking for the scope. Initiatives are found by `initiativeBoxes` (the box types whose issues carry a
 * stage gate). Rules:
 * - pipeline: initiatives per configured gate, in the gates' order (gates match trimmed, case-insensitively);
 *   initiatives with no gate or another one are `ungated`. Keys in natural key order.
 * - byWorkstream: per section (the boxes directly below the transformation, or a project's top boxes), the sums
 *   of the target and realised value fields of the initiatives in it (unreadable numbers count 0); ratio =
 *   realised / target, 0 when the target is not above 0.
 * - overTime: at the end of each month from the month of the first initiative's creation or first value change
 *   (at most the last 23 month ends), then today: realised = Σ the realised value then (from its history) of the
 *   initiatives created by then; target = Σ the current targets of those initiatives.
 * - stuck: initiatives whose current gate is known and not the last one, entered (their last gate change, else
 *   their creation) more than `stuckGateDays` days before today (days between UTC dates); longest first.
 */
export function valueTracking(model: TransformationModel, config: TransformationConfig, scope: Scope, history: readonly FieldChange[], today: string): ValueTracking {
  const settings = reportsConfigOf(config);
  const indexed = indexHistory(history);
  const day = calendarDate(today) ?? calendarDate(model.readAt) ?? '1970-01-01';
  const gates = settings.stageGates;
  const gateIndex = new Map<string, number>();
  gates.forEach((gate, index) => {
    if (!gateIndex.has(normaliseName(gate))) gateIndex.set(normaliseName(gate), index);
  });
  const initiatives: Initiative[] = initiativeBoxes(model, scope).flatMap((box) => {
    const item = itemByKey(model, box.id);
    if (item === undefined) return [];
    const gate = gateIndex.get(normaliseName(fieldText(item.fields?.stageGate))) ?? -1;
    return [{ box, item, created: parseInstant(item.created), gate }];
  });
  const byKey = (keys: string[]): string[] => keys.sort(naturalCompare);

  const pipeline: GateCount[] = gates.map((gate, index) => {
    const keys = byKey(initiatives.filter((initiative) => initiative.gate === index).map((initiative) => initiative.box.id));
    return { gate, count: keys.length, keys };
  });
  const ungated = byKey(initiatives.filter((initiative) => initiative.gate < 0).map((initiative) => initiative.box.id));

  const sections = sectionBoxes(model, scope);
  const sectionOf = sectionOfBoxes(model, sections);
  const byWorkstream: ValueByBox[] = sections.map((section) => {
    let target = 0;
    let realised = 0;
    for (const initiative of initiatives) {
      if (sectionOf.get(initiative.box.id) !== section.id) continue;
      target += amount(initiative.item.fields?.targetValue);
      realised += amount(initiative.item.fields?.realisedValue);
    }
    return { boxId: section.id, name: section.name, target, realised, ratio: target > 0 ? realised / target : 0 };
  });

  return {
    gates: [...gates],
    pipeline,
    ungated,
    byWorkstream,
    overTime: valueOverTime(initiatives, indexed, day),
    stuck: stuckInitiatives(initiatives, indexed, gates, settings.stuckGateDays, day),
    stuckThresholdDays: settings.stuckGateDays,
  };
}

/** The last day of a date's month. */
function monthEnd(date: string): string {
  const [year = 1970, month = 1] = date.split('-').map(Number);
  return dateOf(Date.UTC(year, month, 0));
}

/** The month ends from the first event's month up to the month before today's, then today; at most MAX_POINTS. */
function valueDates(first: number | null, today: string): string[] {
  const dates: string[] = [];
  if (first !== null && first < dayStart(today)) {
    for (let date = monthEnd(dateOf(first)); date.slice(0, 7) < today.slice(0, 7); date = monthEnd(dateOf(dayStart(date) + DAY_MS))) dates.push(date);
  }
  dates.push(today);
  return dates.slice(-MAX_POINTS);
}

function valueOverTime(initiatives: readonly Initiative[], history: History, today: string): ValuePoint[] {
  let first: number | null = null;
  const earliest = (ms: number | null | undefined): void => {
    if (ms !== null && ms !== undefined && (first === null || ms < first)) first = ms;
  };
  for (const initiative of initiatives) {
    earliest(initiative.created);
    earliest(history.changesOf(initiative.box.id, 'realisedValue')[0]?.ms);
    earliest(history.changesOf(initiative.box.id, 'targetValue')[0]?.ms);
  }
  return valueDates(first, today).map((date) => {
    const end = dayStart(date) + DAY_MS;
    let target = 0;
    let realised = 0;
    for (const initiative of initiatives) {
      if (initiative.created !== null && initiative.created >= end) continue;
      target += amount(initiative.item.fields?.targetValue);
      realised += amount(valueBefore(history.changesOf(initiative.box.id, 'realisedValue'), end, initiative.item.fields?.realisedValue));
    }
    return { date, target, realised };
  });
}

function stuckInitiatives(initiatives: readonly Initiative[], history: History, gates: readonly string[], threshold: number, today: string): StuckInitiative[] {
  const stuck: StuckInitiative[] = [];
  for (const initiative of initiatives) {
    if (initiative.gate < 0 || initiative.gate >= gates.length - 1) continue;
    const changes = history.changesOf(initiative.box.id, 'stageGate');
    const last = changes[changes.length - 1];
    const since = last !== undefined ? { at: last.at, ms: last.ms } : initiative.created !== null ? { at: textOf(initiative.item.created), ms: initiative.created } : null;
    if (since === null) continue;
    const days = daysBetween(dateOf(since.ms), today);
    if (days <= threshold) continue;
    stuck.push({ key: initiative.box.id, summary: textOf(initiative.item.summary), gate: gates[initiative.gate] as string, since: since.at, days });
  }
  return stuck.sort((a, b) => b.days - a.days || naturalCompare(a.key, b.key));
}
