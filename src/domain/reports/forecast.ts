import type { Box, TransformationConfig, TransformationModel } from '../model';
import { addDays, calendarDate } from '../calendar';
import { targetRatioOf } from '../conversion';
import { indexHistory, nameMatcher, statusCategoryLookup } from '../history';
import type { FieldChange, History, StatusCategories } from '../history';
import { boxById, itemByKey, riskMatcher } from '../lookup';
import { randomIndex, seededRandom } from '../random';
import type { Random } from '../random';
import { reportsConfigOf } from '../reportsConfig';
import type { Scope } from '../scope';
import { subtreeBoxIds } from '../tree';
import { knownStatusCategory } from '../views';
import { initiativeBoxes } from './groups';
import { DAY_MS, dayStart, daysBetween, nearestRank } from './period';
import { stageRules } from './stages';
import { finishOf, timelineOf } from './timeline';
import type { Forecast, ForecastLine } from './types';

/** A simulated future that has not finished within this many weeks (10 years) never finishes. */
export const MAX_FORECAST_WEEKS = 520;
const TEAMS_LINE_NAME = 'Teams converted';

/** "2000" → "2,000". */
function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function methodSentence(trials: number, weeks: number): string {
  const sample = weeks === 1 ? "the last week's throughput" : `the last ${weeks} weeks' throughput`;
  return `${withThousands(trials)} simulated futures, each replaying weeks drawn at random from ${sample}; the dates are when 50 %, 85 % and 95 % of them finished.`;
}

/** The sample weeks as [start, end) instants: week 0 is the 7 days ending today, week 1 the 7 before, and so on. */
function sampleWeekOf(today: string, weeks: number): (ms: number) => number {
  const end = dayStart(today) + DAY_MS;
  return (ms) => {
    if (ms >= end) return -1;
    const week = Math.floor((end - 1 - ms) / (7 * DAY_MS));
    return week < weeks ? week : -1;
  };
}

export interface Simulation {
  remaining: number;
  /** Throughput of each sample week. */
  samples: readonly number[];
  today: string;
  plannedDate: string | null;
  trials: number;
  random: Random;
}

/**
 * Monte Carlo: each trial adds throughputs drawn at random (with replacement) from the sample weeks until the
 * remaining work is done; it finishes on the last day of that week (today + 7 × weeks). p50/p85/p95: the dates by
 * which that share of the trials finished (nearest rank). Probability: the share of trials finished by the planned
 * date (null without one). Nothing remaining: today, probability 1. No throughput in any sample week, or a trial
 * not finished in MAX_FORECAST_WEEKS: never (null dates); the probability counts only trials that finished.
 */
export function simulate({ remaining, samples, today, plannedDate, trials, random }: Simulation): Pick<ForecastLine, 'p50' | 'p85' | 'p95' | 'probabilityByPlanned'> {
  if (remaining <= 0) return { p50: today, p85: today, p95: today, probabilityByPlanned: plannedDate === null ? null : 1 };
  const weeks = new Array<number>(trials).fill(Infinity);
  if (samples.some((sample) => sample > 0)) {
    for (let trial = 0; trial < trials; trial += 1) {
      let done = 0;
      let week = 0;
      while (done < remaining && week < MAX_FORECAST_WEEKS) {
        done += samples[randomIndex(random, samples.length)] ?? 0;
        week += 1;
      }
      if (done >= remaining) weeks[trial] = week;
    }
  }
  weeks.sort((a, b) => a - b);
  const dateAt = (percent: number): string | null => {
    const week = nearestRank(weeks, percent);
    return week === null || !Number.isFinite(week) ? null : addDays(today, 7 * week);
  };
  let probabilityByPlanned: number | null = null;
  if (plannedDate !== null) {
    const plannedWeeks = Math.floor(daysBetween(today, plannedDate) / 7);
    probabilityByPlanned = trials > 0 ? weeks.filter((week) => week <= plannedWeeks).length / trials : 0;
  }
  return { p50: dateAt(50), p85: dateAt(85), p95: dateAt(95), probabilityByPlanned };
}

/**
 * When the scope reaches its target of teams converted, and when each initiative finishes: a Monte Carlo over the
 * last `forecastSampleWeeks` weeks of throughput (weeks of 7 days ending today), `forecastTrials` trials per line,
 * deterministic from `seed` (each line draws from its own stream of it).
 * - teams: remaining = ⌈target ratio × teams in scope⌉ − teams converted now (not below 0); throughput = stage
 *   changes of those teams from a stage below the target to the target or later, per week (slips are not
 *   subtracted: they show in what remains); planned = the scope top's due date (several tops: the latest).
 * - initiatives (see `initiativeBoxes`): remaining = work items in its subtree that count toward progress (every
 *   work item but risks) and are not done now; throughput = those items finished per week (an item finishes at its
 *   last entry into done, see `finishOf`); planned = the initiative's due date.
 */
export function forecast(model: TransformationModel, config: TransformationConfig, scope: Scope, history: readonly FieldChange[], statusCategories: StatusCategories, today: string, seed: number): Forecast {
  const settings = reportsConfigOf(config);
  const indexed = indexHistory(history);
  const day = calendarDate(today) ?? calendarDate(model.readAt) ?? '1970-01-01';
  const sampleWeeks = settings.forecastSampleWeeks;
  const weekOf = sampleWeekOf(day, sampleWeeks);
  const line = (key: string | null, name: string, remaining: number, samples: number[], plannedDate: string | null): ForecastLine => ({
    key,
    name,
    remaining,
    plannedDate,
    ...simulate({ remaining, samples, today: day, plannedDate, trials: settings.forecastTrials, random: seededRandom(seed, key ?? '') }),
  });

  const teams = teamsLine(model, config, scope, indexed, weekOf, sampleWeeks);
  const initiatives = initiativeLines(model, config, scope, indexed, statusCategories, weekOf, sampleWeeks);
  return {
    method: methodSentence(settings.forecastTrials, sampleWeeks),
    trials: settings.forecastTrials,
    sampleWeeks,
    teamsConverted: line(null, TEAMS_LINE_NAME, teams.remaining, teams.samples, teams.plannedDate),
    initiatives: initiatives.map((initiative) => line(initiative.box.id, initiative.box.name, initiative.remaining, initiative.samples, initiative.box.dueDate)),
  };
}

function teamsLine(model: TransformationModel, config: TransformationConfig, scope: Scope, history: History, weekOf: (ms: number) => number, sampleWeeks: number) {
  const stages = stageRules(config);
  const samples = new Array<number>(sampleWeeks).fill(0);
  let total = 0;
  let converted = 0;
  for (const id of scope.boxIds) {
    const box = boxById(model, id);
    if (box === undefined || box.converted === null) continue;
    total += 1;
    if (box.converted) converted += 1;
    let before: string | null = history.changesOf(id, 'conversionStage')[0]?.from ?? null;
    for (const change of history.changesOf(id, 'conversionStage')) {
      const week = weekOf(change.ms);
      if (week >= 0 && !stages.isConverted(before) && stages.isConverted(change.to)) samples[week] = (samples[week] ?? 0) + 1;
      before = change.to;
    }
  }
  const target = Math.ceil(Number((targetRatioOf(config) * total).toPrecision(12)));
  const dues = scope.rootIds.map((id) => boxById(model, id)?.dueDate ?? null).filter((due): due is string => due !== null);
  const plannedDate = dues.length === 0 ? null : dues.reduce((latest, due) => (due > latest ? due : latest));
  return { remaining: Math.max(0, target - converted), samples, plannedDate };
}

function initiativeLines(model: TransformationModel, config: TransformationConfig, scope: Scope, history: History, statusCategories: StatusCategories, weekOf: (ms: number) => number, sampleWeeks: number) {
  const lookup = statusCategoryLookup(statusCategories);
  const isWaiting = nameMatcher(reportsConfigOf(config).waitingStatuses);
  const weekFinished = new Map<string, number>();
  const finishWeek = (key: string): number => {
    let week = weekFinished.get(key);
    if (week === undefined) {
      const item = itemByKey(model, key);
      const finish = item === undefined ? null : finishOf(timelineOf(item, history, lookup), isWaiting);
      week = finish === null ? -1 : weekOf(finish.ms);
      weekFinished.set(key, week);
    }
    return week;
  };
  const isRisk = riskMatcher(config);
  return initiativeBoxes(model, scope).map((box: Box) => {
    const samples = new Array<number>(sampleWeeks).fill(0);
    let remaining = 0;
    for (const id of subtreeBoxIds(model, box.id)) {
      for (const key of boxById(model, id)?.itemKeys ?? []) {
        const item = itemByKey(model, key);
        if (item === undefined || !scope.itemKeys.has(key) || isRisk(item)) continue; // risks do not count toward progress
        if (knownStatusCategory(item.statusCategory) !== 'done') remaining += 1;
        const week = finishWeek(key);
        if (week >= 0) samples[week] = (samples[week] ?? 0) + 1;
      }
    }
    return { box, remaining, samples };
  });
}
