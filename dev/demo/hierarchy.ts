/**
 * The top of the transformation in the DTO project: 4 Workstreams (DTO-1..4, with sponsors) and
 * 12 Initiatives (DTO-5..16, three per workstream). An initiative's dates and status follow the
 * teams converting under it; it carries a stage gate, target and realised value and manual progress.
 */
import { INITIATIVES, PROGRAM_PROJECT, WORKSTREAMS, type StatusKey } from './catalog';
import { dueDateItem, numberItem, selectItem, type ChangeEvent } from './changelog';
import { latest, type GenContext } from './context';
import { clamp, DAY_MS, formatDay, nextWorkday, spreadTimes, workTime, type Day } from './dates';
import { CF, CONVERTED_STAGE, optionValue, STAGE_GATES, userValue } from './fields';
import { makeIssue, type SiteBuilder } from './issues';
import type { Rng } from './random';
import { statusEvents, fitTimes } from './statusFlow';
import type { TeamPlan } from './teams';
import { PMO, SPONSORS, TRANSFORMATION_LEAD, type Person } from './users';

export interface BoxPlan {
  key: string;
  summary: string;
  status: StatusKey;
  createdAt: number;
  startedAt: number | null;
  resolvedAt: number | null;
  startDay: Day;
  dueDay: Day;
  sponsor: Person;
  owner: Person;
  targetValue: number;
  realisedValue: number | null;
  manualProgress: number;
}

export interface InitiativePlan extends BoxPlan {
  index: number;
  workstream: number;
  /** Index into STAGE_GATES. */
  gate: number;
}

export interface ProgramPlan {
  workstreams: BoxPlan[];
  initiatives: InitiativePlan[];
}

export const workstreamKey = (index: number): string => `${PROGRAM_PROJECT.key}-${index + 1}`;
export const initiativeKey = (index: number): string => `${PROGRAM_PROJECT.key}-${WORKSTREAMS.length + index + 1}`;

const round = (value: number, unit: number): number => Math.round(value / unit) * unit;

function elapsedPercent(ctx: GenContext, startDay: Day, dueDay: Day): number {
  const span = Math.max(1, dueDay - startDay);
  return clamp(((ctx.anchorDay - startDay) / span) * 100, 0, 100);
}

function planInitiative(ctx: GenContext, index: number, teams: readonly TeamPlan[]): InitiativePlan {
  const rng = ctx.rng.fork(`initiative:${index}`);
  const own = teams.filter((t) => t.initiative === index);
  const workstream = Math.floor(index / 3);
  const started = own.some((t) => t.stage > 0);
  const lastConversion = Math.max(...own.map((t) => t.resolvedAt ?? Number.POSITIVE_INFINITY));
  const allConverted = own.length > 0 && own.every((t) => t.stage >= CONVERTED_STAGE) && lastConversion < ctx.nowMs - 30 * DAY_MS;
  const status: StatusKey = allConverted ? 'done' : started ? (own.some((t) => t.late) && rng.chance(0.5) ? 'waiting' : 'inProgress') : 'toDo';
  const startDay = nextWorkday(Math.max(Math.min(...own.map((t) => t.startDay)) - rng.int(7, 30), ctx.kickoffDay - 10));
  const dueDay = nextWorkday(Math.max(...own.map((t) => t.dueDay)) + rng.int(7, 21));
  const createdAt = workTime(rng, ctx.siteStartDay + rng.int(0, 4));
  const firstTeamStart = Math.min(...own.map((t) => t.stagePath[0]?.at ?? Number.POSITIVE_INFINITY));
  const times = fitTimes(ctx, {
    createdAt,
    startedAt: started ? Math.min(workTime(rng, startDay), firstTeamStart) : null,
    resolvedAt: allConverted ? lastConversion + rng.int(5, 25) * DAY_MS : null,
  });
  const target = round(rng.int(50, 400) * 10_000, 10_000);
  const gate = status === 'done' ? (rng.chance(0.5) ? 5 : 4) : started ? 3 : rng.int(1, 2);
  const realisedShare = status === 'done' ? (gate === 5 ? rng.between(0.85, 1.15) : rng.between(0.2, 0.6)) : started ? rng.between(0, 0.35) : null;
  const manual = status === 'done' ? 100 : started ? Math.round(clamp(elapsedPercent(ctx, startDay, dueDay) + rng.int(-10, 10), 5, 95)) : 0;
  const sponsor = rng.chance(0.75) ? (SPONSORS[workstream] as Person) : rng.pick(SPONSORS);
  return {
    key: initiativeKey(index),
    index,
    workstream,
    summary: INITIATIVES[index] as string,
    status,
    ...times,
    startDay,
    dueDay,
    sponsor,
    owner: rng.pick(PMO),
    targetValue: target,
    realisedValue: realisedShare === null ? null : round(target * realisedShare, 1_000),
    manualProgress: manual,
    gate,
  };
}

function planWorkstream(ctx: GenContext, index: number, initiatives: readonly InitiativePlan[]): BoxPlan {
  const rng = ctx.rng.fork(`workstream:${index}`);
  const own = initiatives.filter((i) => i.workstream === index);
  const realised = own.reduce((sum, i) => sum + (i.realisedValue ?? 0), 0);
  const allDone = own.every((i) => i.status === 'done');
  const startDay = Math.min(...own.map((i) => i.startDay));
  const times = fitTimes(ctx, {
    createdAt: workTime(rng, ctx.siteStartDay - rng.int(5, 10)),
    startedAt: workTime(rng, startDay),
    resolvedAt: allDone ? Math.max(...own.map((i) => i.resolvedAt ?? 0)) + DAY_MS : null,
  });
  return {
    key: workstreamKey(index),
    summary: WORKSTREAMS[index] as string,
    status: allDone ? 'done' : 'inProgress',
    ...times,
    startDay,
    dueDay: Math.max(...own.map((i) => i.dueDay)),
    sponsor: SPONSORS[index] as Person,
    owner: PMO[index % PMO.length] as Person,
    targetValue: own.reduce((sum, i) => sum + i.targetValue, 0),
    realisedValue: realised,
    manualProgress: Math.round(own.reduce((sum, i) => sum + i.manualProgress, 0) / Math.max(1, own.length)),
  };
}

export function planProgram(ctx: GenContext, teams: readonly TeamPlan[]): ProgramPlan {
  const initiatives = INITIATIVES.map((_, i) => planInitiative(ctx, i, teams));
  const workstreams = WORKSTREAMS.map((_, i) => planWorkstream(ctx, i, initiatives));
  return { workstreams, initiatives };
}

/** Stage gate changes from L0 (at creation) up to the current gate. */
function gateEvents(ctx: GenContext, rng: Rng, plan: InitiativePlan): ChangeEvent[] {
  const author = plan.owner.accountId;
  const events: ChangeEvent[] = [];
  const beforeStart = Math.min(plan.gate, 3);
  const startBound = plan.startedAt ?? latest(ctx);
  const early = spreadTimes(rng, plan.createdAt, startBound, beforeStart);
  for (let g = 1; g <= beforeStart; g++) events.push({ at: early[g - 1] as number, author, items: [selectItem('stageGate', STAGE_GATES[g - 1] as string, STAGE_GATES[g] as string)] });
  if (plan.gate >= 4 && plan.resolvedAt !== null) {
    events.push({ at: plan.resolvedAt, author, items: [selectItem('stageGate', STAGE_GATES[3] as string, STAGE_GATES[4] as string)] });
    if (plan.gate >= 5) {
      const [at] = spreadTimes(rng, plan.resolvedAt, latest(ctx), 1);
      events.push({ at: at as number, author: plan.sponsor.accountId, items: [selectItem('stageGate', STAGE_GATES[4] as string, STAGE_GATES[5] as string)] });
    }
  }
  return events;
}

/** Realised value reported in one to three steps. */
function realisedEvents(ctx: GenContext, rng: Rng, plan: BoxPlan): ChangeEvent[] {
  if (plan.realisedValue === null || plan.realisedValue === 0 || plan.startedAt === null) return [];
  const steps = rng.int(1, 3);
  const times = spreadTimes(rng, plan.startedAt, latest(ctx), steps);
  const events: ChangeEvent[] = [];
  let previous: number | null = null;
  for (let s = 1; s <= steps; s++) {
    const value = s === steps ? plan.realisedValue : round((plan.realisedValue * s) / steps, 1_000);
    events.push({ at: times[s - 1] as number, author: plan.owner.accountId, items: [numberItem('realisedValue', previous, value)] });
    previous = value;
  }
  return events;
}

function emitBox(ctx: GenContext, builder: SiteBuilder, plan: BoxPlan, type: 'workstream' | 'initiative', parentKey: string | null, extra: { gate?: number; events?: ChangeEvent[] }): void {
  const key = builder.nextKey(PROGRAM_PROJECT.key);
  if (key !== plan.key) throw new Error(`Expected ${plan.key}, got ${key}`);
  const rng = ctx.rng.fork(`box-events:${plan.key}`);
  const customFields: Record<string, unknown> = {
    [CF.startDate]: formatDay(plan.startDay),
  };
  if (extra.gate !== undefined) customFields[CF.stageGate] = optionValue('stageGate', STAGE_GATES[extra.gate] as string);
  customFields[CF.sponsor] = userValue(plan.sponsor);
  customFields[CF.targetValue] = plan.targetValue;
  if (plan.realisedValue !== null) customFields[CF.realisedValue] = plan.realisedValue;
  customFields[CF.manualProgress] = plan.manualProgress;
  const authors = [plan.owner.accountId, TRANSFORMATION_LEAD.accountId];
  const events = [
    ...statusEvents(rng, ctx, 'toDo', plan.status, plan, authors),
    ...realisedEvents(ctx, rng, plan),
    ...(extra.events ?? []),
  ];
  builder.add(
    makeIssue({
      key: plan.key,
      projectKey: PROGRAM_PROJECT.key,
      type,
      status: plan.status,
      summary: plan.summary,
      createdAt: plan.createdAt,
      resolvedAt: plan.resolvedAt,
      assignee: plan.owner,
      reporter: TRANSFORMATION_LEAD,
      parentKey,
      labels: type === 'initiative' ? ['strategic'] : [],
      dueDay: plan.dueDay,
      estimateSeconds: null,
      customFields,
      events,
    }),
  );
}

/** Emits DTO-1..16. */
export function emitProgram(ctx: GenContext, builder: SiteBuilder, program: ProgramPlan): void {
  for (const ws of program.workstreams) emitBox(ctx, builder, ws, 'workstream', null, {});
  for (const init of program.initiatives) {
    const rng = ctx.rng.fork(`initiative-events:${init.key}`);
    const events = gateEvents(ctx, rng, init);
    if (init.startedAt !== null && rng.chance(0.35)) {
      // re-planned once: the due date moved out
      const [at] = spreadTimes(rng, init.startedAt, latest(ctx), 1);
      events.push({ at: at as number, author: init.owner.accountId, items: [dueDateItem(init.dueDay - rng.int(30, 90), init.dueDay)] });
    }
    emitBox(ctx, builder, init, 'initiative', workstreamKey(init.workstream), { gate: init.gate, events });
  }
}
