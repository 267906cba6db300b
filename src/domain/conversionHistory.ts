import { addDays, calendarDate } from './calendar';
import { normaliseName } from './names';

export interface ConversionHistoryInput {
  teams: Array<{ key: string; created: string | null; currentStage: string | null }>;
  stageChanges: Array<{ teamKey: string; at: string; fromStage: string | null; toStage: string | null }>;
  stages: string[];
  targetStage: string;
  /** 'yyyy-mm-dd' */
  from: string;
  /** 'yyyy-mm-dd' */
  to: string;
}

export interface ConversionPoint {
  date: string;
  converted: number;
  total: number;
  ratio: number;
}

type Change = ConversionHistoryInput['stageChanges'][number] & { day: string; order: number };

/** from, from + 7, from + 14 … up to `to`, and `to` itself last when it is not one of them; none when from > to. */
export function weekEnds(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 7)) dates.push(date);
  if (dates.length > 0 && dates[dates.length - 1] !== to) dates.push(to);
  return dates;
}

/** A change's day is its calendar date as written; changes on one day keep the order of their timestamps as written, then of the input. */
function changesByTeam(changes: ConversionHistoryInput['stageChanges']): Map<string, Change[]> {
  const byTeam = new Map<string, Change[]>();
  changes.forEach((change, order) => {
    const day = calendarDate(change.at);
    if (day === null) return;
    const list = byTeam.get(change.teamKey);
    const entry = { ...change, day, order };
    if (list === undefined) byTeam.set(change.teamKey, [entry]);
    else list.push(entry);
  });
  for (const list of byTeam.values()) {
    list.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.at.trim() !== b.at.trim() ? (a.at.trim() < b.at.trim() ? -1 : 1) : a.order - b.order));
  }
  return byTeam;
}

interface Event {
  day: string;
  total: number;
  converted: number;
}

/**
 * Teams converted at each point (see `weekEnds`), from the stage history. A point counts the teams that exist
 * by the end of its day (created on or before it; a team with no creation date always existed) and whose stage
 * then is the target stage or a later one. A team's stage on a day is the `toStage` of its last change on or
 * before that day (changes are placed on the calendar date they were written with); before its first change,
 * that change's `fromStage`; with no changes at all, its current stage. Stages match trimmed and case-insensitively;
 * an unknown stage is not converted. Linear in teams + changes (after sorting) + points.
 */
export function conversionHistory(input: ConversionHistoryInput): ConversionPoint[] {
  const from = calendarDate(input.from);
  const to = calendarDate(input.to);
  if (from === null || to === null) return [];
  const stageIndex = new Map(input.stages.map((stage, index): [string, number] => [normaliseName(stage), index]));
  const target = stageIndex.get(normaliseName(input.targetStage)) ?? -1;
  const isConverted = (stage: string | null): number => (target >= 0 && (stageIndex.get(normaliseName(stage)) ?? -1) >= target ? 1 : 0);

  const byTeam = changesByTeam(input.stageChanges);
  const events: Event[] = [];
  const seen = new Set<string>();
  for (const team of input.teams) {
    if (seen.has(team.key)) continue;
    seen.add(team.key);
    const changes = byTeam.get(team.key) ?? [];
    const created = calendarDate(team.created) ?? '';
    let stage = changes[0] === undefined ? team.currentStage : changes[0].fromStage;
    let index = 0;
    for (; index < changes.length && (changes[index] as Change).day <= created; index += 1) stage = (changes[index] as Change).toStage;
    let converted = isConverted(stage);
    events.push({ day: created, total: 1, converted });
    for (; index < changes.length; index += 1) {
      const change = changes[index] as Change;
      const now = isConverted(change.toStage);
      if (now !== converted) events.push({ day: change.day, total: 0, converted: now - converted });
      converted = now;
    }
  }
  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  let total = 0;
  let converted = 0;
  let next = 0;
  return weekEnds(from, to).map((date) => {
    for (; next < events.length && (events[next] as Event).day <= date; next += 1) {
      total += (events[next] as Event).total;
      converted += (events[next] as Event).converted;
    }
    return { date, converted, total, ratio: total > 0 ? converted / total : 0 };
  });
}
