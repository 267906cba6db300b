/**
 * The 40 delivery teams and their conversion to the new way of working.
 *
 * Teams convert in waves (PAY and DIGI first, OPS and HR last, with some mixing). By rank in that
 * order: 6 teams are Sustaining, 10 Converted (16 of 40 = 40% converted), 9 Piloting, 8 Preparing,
 * 7 Not started. Four teams are late (due date passed, not converted), three teams have slipped
 * back a stage and are still there, one slipped back and recovered.
 * A Team issue is In Progress from Preparing on, Done once Converted, reopened if it slips back.
 */
import { DELIVERY_PROJECTS, type StatusKey } from './catalog';
import { flaggedItem, selectItem, transitionItems, type ChangeEvent } from './changelog';
import { latest, type GenContext } from './context';
import { DAY_MS, formatDay, HOUR_MS, nextWorkday, spreadTimes, workTime, type Day } from './dates';
import { CF, CONVERTED_STAGE, flaggedValue, optionValue, STAGES } from './fields';
import { makeIssue, type SiteBuilder } from './issues';
import type { Rng } from './random';
import { DEMO_USERS, leadOf, peopleOf, PEOPLE, TRANSFORMATION_LEAD, type Person } from './users';

const STAGE_COUNTS: readonly (readonly [stage: number, count: number])[] = [[4, 6], [3, 10], [2, 9], [1, 8], [0, 7]];

export interface TeamPlan {
  key: string;
  projectKey: string;
  name: string;
  /** 0..39 in project order. */
  index: number;
  initiative: number;
  wave: number;
  /** Index into STAGES. */
  stage: number;
  /** Stage changes after creation (the team starts at stage 0). */
  stagePath: { stage: number; at: number }[];
  status: StatusKey;
  createdAt: number;
  resolvedAt: number | null;
  startDay: Day;
  dueDay: Day;
  late: boolean;
  lead: Person;
  members: Person[];
}

interface TeamSeed {
  key: string;
  projectKey: string;
  name: string;
  index: number;
  indexInProject: number;
  initiative: number;
  wave: number;
}

function listTeams(): TeamSeed[] {
  const teams: TeamSeed[] = [];
  for (const project of DELIVERY_PROJECTS) {
    project.teams.forEach(([name, initiative], i) => {
      teams.push({ key: `${project.key}-${i + 1}`, projectKey: project.key, name, index: teams.length, indexInProject: i, initiative, wave: project.wave });
    });
  }
  return teams;
}

interface Shape {
  stage: number;
  late: boolean;
  /** Slipped back a stage and still there. */
  slippedNow: boolean;
  /** Slipped back once on the way to where it is. */
  slippedBefore: boolean;
}

/** Stage, lateness and slips per team index. */
function shapeTeams(rng: Rng, teams: readonly TeamSeed[]): Shape[] {
  const order = teams
    .map((t) => ({ t, rank: t.wave * 120 + rng.int(0, 200) }))
    .sort((a, b) => a.rank - b.rank || a.t.index - b.t.index)
    .map((x) => x.t.index);
  const shapes: Shape[] = teams.map(() => ({ stage: 0, late: false, slippedNow: false, slippedBefore: false }));
  let next = 0;
  for (const [stage, count] of STAGE_COUNTS) {
    for (let i = 0; i < count; i++) {
      const index = order[next++];
      if (index !== undefined) (shapes[index] as Shape).stage = stage;
    }
  }
  const withStage = (stage: number) => shapes.filter((s) => s.stage === stage);
  for (const s of rng.sample(withStage(2), 3)) s.late = true;
  for (const s of rng.sample(withStage(1), 1)) s.late = true;
  for (const s of rng.sample(withStage(2), 2)) s.slippedNow = true;
  for (const s of rng.sample(withStage(1), 1)) s.slippedNow = true;
  for (const s of rng.sample(withStage(3), 1)) s.slippedBefore = true;
  return shapes;
}

function stageSequence(shape: Shape): number[] {
  const seq: number[] = [];
  for (let s = 1; s <= shape.stage; s++) seq.push(s);
  if (shape.slippedNow && shape.stage > 0) seq.push(shape.stage + 1, shape.stage);
  if (shape.slippedBefore && shape.stage >= 3) seq.splice(2, 0, 1, 2); // 1 2 [1 2] 3
  return seq;
}

function teamDays(rng: Rng, a: Day, shape: Shape): { startDay: Day; dueDay: Day } {
  let start: Day;
  let due: Day;
  switch (shape.stage) {
    case 4:
      start = a - rng.int(300, 355);
      due = start + rng.int(150, 210);
      break;
    case 3:
      start = a - rng.int(200, 330);
      due = start + rng.int(150, 240);
      break;
    case 2:
      start = a - rng.int(130, 270);
      due = shape.late ? a - rng.int(10, 60) : Math.max(start + rng.int(180, 240), a + rng.int(14, 120));
      break;
    case 1:
      start = shape.late ? a - rng.int(240, 300) : a - rng.int(20, 150);
      due = shape.late ? a - rng.int(5, 30) : Math.max(a + 30, Math.min(start + rng.int(180, 270), a + rng.int(120, 170)));
      break;
    default:
      start = a + rng.int(7, 60);
      due = start + rng.int(90, 110);
  }
  start = nextWorkday(start);
  due = nextWorkday(Math.max(due, start + 60));
  if (shape.late && due >= a) due = a - 3; // a late team's due date has passed
  return { startDay: start, dueDay: due };
}

function teamMembers(rng: Rng, seed: TeamSeed): { lead: Person; members: Person[] } {
  const pool = peopleOf(seed.projectKey);
  const lead = pool[seed.indexInProject % pool.length] as Person;
  const others = rng.sample(pool.filter((p) => p !== lead), rng.int(2, 3));
  const members = [lead, ...others];
  if (seed.key === 'PAY-1') {
    const teamMember = PEOPLE.find((p) => p.accountId === DEMO_USERS.teamMember);
    if (teamMember && !members.includes(teamMember)) members.push(teamMember);
  }
  return { lead, members };
}

export function planTeams(ctx: GenContext): TeamPlan[] {
  const seeds = listTeams();
  const shapes = shapeTeams(ctx.rng.fork('team-shapes'), seeds);
  const end = latest(ctx);
  return seeds.map((seed): TeamPlan => {
    const shape = shapes[seed.index] as Shape;
    const rng = ctx.rng.fork(`team:${seed.key}`);
    const { startDay, dueDay } = teamDays(rng, ctx.anchorDay, shape);
    const createdDay = Math.min(ctx.kickoffDay + rng.int(0, 14), startDay - rng.int(3, 10), ctx.anchorDay - 2);
    const createdAt = workTime(rng, Math.max(createdDay, ctx.siteStartDay));
    const sequence = stageSequence(shape);
    const stagePath: TeamPlan['stagePath'] = [];
    if (sequence.length > 0) {
      const firstAt = Math.min(Math.max(workTime(rng, startDay), createdAt + HOUR_MS), end - 30 * DAY_MS);
      const lastBound = end - rng.int(2, 20) * DAY_MS;
      const rest = spreadTimes(rng, firstAt, Math.max(lastBound, firstAt + DAY_MS), sequence.length - 1);
      [firstAt, ...rest].forEach((at, i) => stagePath.push({ stage: sequence[i] as number, at }));
    }
    const converted = shape.stage >= CONVERTED_STAGE;
    // the resolution is the last time the team entered the converted stages
    let resolvedAt: number | null = null;
    let previous = 0;
    for (const step of stagePath) {
      if (previous < CONVERTED_STAGE && step.stage >= CONVERTED_STAGE) resolvedAt = step.at;
      previous = step.stage;
    }
    const status: StatusKey = shape.stage === 0 ? 'toDo' : converted ? 'done' : shape.late && shape.stage === 2 && rng.chance(0.5) ? 'blocked' : 'inProgress';
    return {
      ...seed,
      stage: shape.stage,
      stagePath,
      status,
      createdAt,
      resolvedAt: converted ? resolvedAt : null,
      startDay,
      dueDay,
      late: shape.late,
      ...teamMembers(rng, seed),
    };
  });
}

function statusForStage(stage: number): StatusKey {
  return stage === 0 ? 'toDo' : stage >= CONVERTED_STAGE ? 'done' : 'inProgress';
}

function teamEvents(ctx: GenContext, rng: Rng, team: TeamPlan): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const authors = [TRANSFORMATION_LEAD.accountId, team.lead.accountId];
  let stage = 0;
  let status: StatusKey = 'toDo';
  for (const step of team.stagePath) {
    const items = [selectItem('conversionStage', STAGES[stage] as string, STAGES[step.stage] as string)];
    const nextStatus = statusForStage(step.stage);
    if (nextStatus !== status) items.push(...transitionItems(status, nextStatus));
    events.push({ at: step.at, author: rng.pick(authors), items });
    stage = step.stage;
    status = nextStatus;
  }
  if (status !== team.status) {
    // a late team that got stuck: blocked and flagged after its last stage change
    const last = team.stagePath[team.stagePath.length - 1];
    const from = last ? last.at : team.createdAt;
    const [at] = spreadTimes(rng, from, latest(ctx), 1);
    events.push({ at: at as number, author: team.lead.accountId, items: [...transitionItems(status, team.status), flaggedItem(true)] });
  }
  return events;
}

/** Emits the project's Team issues; they take the project's first keys. */
export function emitTeams(ctx: GenContext, builder: SiteBuilder, projectKey: string, teams: readonly TeamPlan[], initiativeKeys: readonly string[]): void {
  for (const team of teams) {
    if (team.projectKey !== projectKey) continue;
    const key = builder.nextKey(projectKey);
    if (key !== team.key) throw new Error(`Team key ${team.key} expected, got ${key}`);
    const rng = ctx.rng.fork(`team-issue:${team.key}`);
    const customFields: Record<string, unknown> = {
      [CF.startDate]: formatDay(team.startDay),
      [CF.conversionStage]: optionValue('conversionStage', STAGES[team.stage] as string),
    };
    if (team.status === 'blocked') customFields[CF.flagged] = flaggedValue();
    builder.add(
      makeIssue({
        key: team.key,
        projectKey,
        type: 'team',
        status: team.status,
        summary: team.name,
        createdAt: team.createdAt,
        resolvedAt: team.resolvedAt,
        assignee: team.lead,
        reporter: leadOf('DTO'),
        parentKey: initiativeKeys[team.initiative] ?? null,
        labels: [`wave-${team.wave}`],
        dueDay: team.dueDay,
        estimateSeconds: null,
        customFields,
        events: teamEvents(ctx, rng, team),
      }),
    );
  }
}
