/**
 * Each team's delivery work: Epics (parent: the team) spread over the ~18 months, and under them
 * Stories, Tasks and Bugs (and a few Sub-tasks under stories), with story points, estimates,
 * start/due dates, statuses that fit the dates, assignees from the team, labels, a few flags.
 *
 * Size: each team has a base of 28–44 work items (epics included) drawn independently of `scale`;
 * the team gets round(base × scale) of them, so the work items grow linearly with `scale`.
 * The first child of every epic is a Story, so the flaws in flaws.ts can rely on it.
 */
import type { SiteIssue } from '../emulator/siteData';
import { DELIVERY_PROJECTS, isDone, isNew, WORK_LABELS, type DeliveryProjectDef, type IssueTypeKey, type StatusKey } from './catalog';
import { flaggedItem } from './changelog';
import { latest, type GenContext } from './context';
import { clamp, DAY_MS, formatDay, HOUR_MS, MINUTE_MS, nextWorkday, workTime, type Day } from './dates';
import { CF, flaggedValue } from './fields';
import { makeIssue, type IssueInit, type SiteBuilder } from './issues';
import type { Rng } from './random';
import { fitTimes, statusEvents, type Times } from './statusFlow';
import type { TeamPlan } from './teams';
import type { Person } from './users';

/** A story, task or bug and the team it belongs to (for links between teams). */
export interface WorkItemRef {
  issue: SiteIssue;
  team: number;
}

const BASE_ITEMS: readonly [number, number] = [28, 44];
const ITEMS_PER_EPIC = 9;

type ChildType = Extract<IssueTypeKey, 'story' | 'task' | 'bug'>;
const CHILD_TYPES: readonly (readonly [ChildType, number])[] = [['story', 60], ['task', 25], ['bug', 15]];
const STORY_POINTS: readonly (readonly [number, number])[] = [[1, 10], [2, 20], [3, 25], [5, 25], [8, 15], [13, 5]];
const SMALL_POINTS: readonly (readonly [number, number])[] = [[1, 40], [2, 35], [3, 25]];
const PAST_DONE = 0.92;
const PAST_OPEN: readonly (readonly [StatusKey, number])[] = [['inProgress', 45], ['blocked', 20], ['inReview', 15], ['toDo', 20]];
const CURRENT: readonly (readonly [StatusKey, number])[] = [['done', 25], ['inReview', 15], ['inProgress', 40], ['blocked', 5], ['toDo', 15]];
const FUTURE: readonly (readonly [StatusKey, number])[] = [['toDo', 70], ['backlog', 27], ['inProgress', 3]];
const SUBTASK_OPEN: readonly (readonly [StatusKey, number])[] = [['done', 40], ['inProgress', 40], ['toDo', 20]];
const LABEL_COUNT: readonly (readonly [number, number])[] = [[0, 50], [1, 35], [2, 15]];

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const STORY_VERBS: readonly string[] = ['Show', 'Let customers update', 'Support', 'Add filters to', 'Improve', 'Personalise', 'Validate input on', 'Export', 'Simplify', 'Add audit trail to'];
const TASK_VERBS: readonly string[] = ['Set up monitoring for', 'Write runbook for', 'Upgrade dependencies of', 'Automate tests for', 'Refactor', 'Document', 'Load test', 'Migrate', 'Add feature toggle for', 'Clean up logs of'];
const BUG_TEMPLATES: readonly ((t: string) => string)[] = [
  (t) => `Error when saving ${t}`,
  (t) => `${capitalise(t)} shows wrong amount`,
  (t) => `Timeout loading ${t}`,
  (t) => `${capitalise(t)} not translated`,
  (t) => `Crash on ${t} screen`,
  (t) => `${capitalise(t)} fails for joint accounts`,
];
const EPIC_VERBS: readonly string[] = ['Modernise', 'Launch', 'Rebuild', 'Scale', 'Simplify', 'Automate', 'Self-service', 'Harden', 'Replatform', 'Redesign'];
const SUBTASKS: readonly string[] = ['Backend changes', 'Frontend changes', 'Write tests', 'Update documentation', 'Code review fixes', 'Analytics events'];

function summaryFor(rng: Rng, type: ChildType, topic: string): string {
  switch (type) {
    case 'story':
      return `${rng.pick(STORY_VERBS)} ${topic}`;
    case 'task':
      return `${rng.pick(TASK_VERBS)} ${topic}`;
    default:
      return rng.pick(BUG_TEMPLATES)(topic);
  }
}

function projectDef(key: string): DeliveryProjectDef {
  const project = DELIVERY_PROJECTS.find((p) => p.key === key);
  if (!project) throw new Error(`Unknown project ${key}`);
  return project;
}

/** An instant on `day`, or a random recent instant if the day is today or later. */
function pastTime(rng: Rng, ctx: GenContext, day: Day): number {
  return day < ctx.anchorDay ? workTime(rng, day) : ctx.nowMs - rng.int(3 * 60, 48 * 60) * MINUTE_MS;
}

/** When an item started on `day`… was resolved around `day`, never in the future. */
function resolveTime(rng: Rng, ctx: GenContext, startedAt: number, day: Day): number {
  const end = latest(ctx) - HOUR_MS;
  const t = day < ctx.anchorDay ? workTime(rng, day) : end;
  return t < end ? t : startedAt + (end - startedAt) * rng.between(0.3, 0.95);
}

function pickStatus(rng: Rng, anchor: Day, start: Day, due: Day, type: ChildType): StatusKey {
  if (due < anchor - 2) {
    if (rng.chance(PAST_DONE)) return type === 'bug' && rng.chance(0.25) ? 'closed' : 'done';
    return rng.weighted(PAST_OPEN);
  }
  if (start <= anchor) return rng.weighted(CURRENT);
  return rng.weighted(FUTURE);
}

function pickLabels(rng: Rng): string[] {
  const n = rng.weighted(LABEL_COUNT);
  return n === 0 ? [] : rng.sample(WORK_LABELS, n);
}

/** Splits `total` into `parts` uneven counts; the first part gets at least one. */
function splitBudget(rng: Rng, total: number, parts: number): number[] {
  const weights: number[] = [];
  let sum = 0;
  for (let i = 0; i < parts; i++) {
    const w = rng.between(0.6, 1.4);
    weights.push(w);
    sum += w;
  }
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts, left--) counts[i] = (counts[i] as number) + 1;
  if (counts[0] === 0 && total > 0) {
    const donor = counts.indexOf(Math.max(...counts));
    counts[donor] = (counts[donor] as number) - 1;
    counts[0] = 1;
  }
  return counts;
}

interface Planned {
  init: IssueInit;
  type: IssueTypeKey;
  times: Times;
  startDay: Day;
  dueDay: Day;
}

interface EpicWindow {
  startDay: Day;
  dueDay: Day;
}

function planChild(ctx: GenContext, rng: Rng, key: string, type: ChildType, team: TeamPlan, parentKey: string, window: EpicWindow, topic: string): Planned {
  const points = type === 'story' ? rng.weighted(STORY_POINTS) : rng.chance(type === 'task' ? 0.4 : 0.3) ? rng.weighted(SMALL_POINTS) : null;
  const duration = type === 'story' ? Math.round((points ?? 3) * 0.8) + rng.int(1, 3) : type === 'task' ? rng.int(1, 8) : rng.int(1, 5);
  const startDay = nextWorkday(window.startDay + rng.int(0, Math.max(0, window.dueDay - window.startDay - duration)));
  const dueDay = nextWorkday(startDay + duration);
  const status = pickStatus(rng, ctx.anchorDay, startDay, dueDay, type);
  const initial: StatusKey = status === 'backlog' || rng.chance(0.3) ? 'backlog' : 'toDo';
  const createdDay = Math.max(ctx.siteStartDay, Math.min(startDay - rng.int(1, 25), ctx.anchorDay - rng.int(1, 30)));
  let startedAt: number | null = null;
  let resolvedAt: number | null = null;
  if (!isNew(status)) {
    if (!(status === 'closed' && rng.chance(0.4))) startedAt = pastTime(rng, ctx, startDay);
    if (isDone(status)) resolvedAt = resolveTime(rng, ctx, startedAt ?? workTime(rng, createdDay), Math.max(startDay + 1, dueDay + rng.int(-2, 3)));
  }
  const times = fitTimes(ctx, { createdAt: workTime(rng, createdDay), startedAt, resolvedAt });
  const assignee: Person | null = isNew(status) && rng.chance(0.2) ? null : rng.pick(team.members);
  const reporter = rng.chance(0.6) ? team.lead : rng.pick(team.members);
  const events = statusEvents(rng, ctx, initial, status, times, [(assignee ?? reporter).accountId]);
  const customFields: Record<string, unknown> = { [CF.startDate]: formatDay(startDay) };
  if (points !== null) customFields[CF.storyPoints] = points;
  const flagged = status === 'blocked' ? rng.chance(0.6) : (status === 'inProgress' || status === 'inReview') && rng.chance(0.01);
  if (flagged) {
    customFields[CF.flagged] = flaggedValue();
    events[events.length - 1]?.items.push(flaggedItem(true));
  }
  const hours = type === 'story' ? (points ?? 3) * rng.int(3, 6) : type === 'task' ? rng.int(2, 24) : rng.int(1, 16);
  return {
    type,
    times,
    startDay,
    dueDay,
    init: {
      key,
      projectKey: team.projectKey,
      type,
      status,
      summary: summaryFor(rng, type, topic),
      createdAt: times.createdAt,
      resolvedAt: times.resolvedAt,
      assignee,
      reporter,
      parentKey,
      labels: pickLabels(rng),
      dueDay,
      estimateSeconds: type !== 'story' && rng.chance(0.1) ? null : hours * 3600,
      customFields,
      events,
    },
  };
}

function planSubtask(ctx: GenContext, rng: Rng, key: string, team: TeamPlan, story: Planned): Planned {
  const storyStatus = story.init.status;
  const st = story.times;
  let status: StatusKey;
  if (isDone(storyStatus)) status = storyStatus === 'closed' ? 'closed' : 'done';
  else if (isNew(storyStatus)) status = 'toDo';
  else status = rng.weighted(SUBTASK_OPEN);
  let startedAt: number | null = null;
  let resolvedAt: number | null = null;
  if (!isNew(status) && st.startedAt !== null) {
    const until = st.resolvedAt ?? latest(ctx) - HOUR_MS;
    startedAt = st.startedAt + (until - st.startedAt) * rng.between(0, 0.4);
    if (isDone(status)) resolvedAt = startedAt + (until - startedAt) * rng.between(0.3, 0.95);
  } else if (isDone(status)) {
    resolvedAt = st.resolvedAt; // closed together with its story
  }
  const firstMove = startedAt ?? resolvedAt ?? latest(ctx);
  const createdAt = st.createdAt + Math.min(rng.int(10, 3 * 24 * 60) * MINUTE_MS, (firstMove - st.createdAt) * 0.5);
  const times = fitTimes(ctx, { createdAt, startedAt, resolvedAt });
  const assignee = story.init.assignee ?? rng.pick(team.members);
  const events = statusEvents(rng, ctx, 'toDo', status, times, [assignee.accountId]);
  return {
    type: 'subtask',
    times,
    startDay: story.startDay,
    dueDay: story.dueDay,
    init: {
      key,
      projectKey: team.projectKey,
      type: 'subtask',
      status,
      summary: rng.pick(SUBTASKS),
      createdAt: times.createdAt,
      resolvedAt: times.resolvedAt,
      assignee,
      reporter: assignee,
      parentKey: story.init.key,
      labels: [],
      dueDay: story.dueDay,
      estimateSeconds: rng.int(1, 8) * 3600,
      customFields: { [CF.startDate]: formatDay(story.startDay) },
      events,
    },
  };
}

function planEpic(ctx: GenContext, rng: Rng, key: string, team: TeamPlan, window: EpicWindow, topic: string, children: readonly Planned[]): IssueInit {
  let allDone = children.length > 0;
  let anyStarted = false;
  let firstMove = Number.POSITIVE_INFINITY;
  let lastResolved = 0;
  let firstCreated = Number.POSITIVE_INFINITY;
  for (const child of children) {
    const t = child.times;
    if (t.createdAt < firstCreated) firstCreated = t.createdAt;
    if (!isDone(child.init.status)) allDone = false;
    else if (t.resolvedAt !== null && t.resolvedAt > lastResolved) lastResolved = t.resolvedAt;
    if (!isNew(child.init.status)) {
      anyStarted = true;
      const moved = t.startedAt ?? t.resolvedAt ?? Number.POSITIVE_INFINITY;
      if (moved < firstMove) firstMove = moved;
    }
  }
  const done = allDone && window.dueDay < ctx.anchorDay;
  const status: StatusKey = done ? 'done' : anyStarted ? 'inProgress' : 'toDo';
  const createdAt = Math.max(workTime(rng, ctx.siteStartDay), firstCreated - rng.int(1, 10) * DAY_MS);
  const times = fitTimes(ctx, {
    createdAt,
    startedAt: anyStarted ? firstMove : null,
    resolvedAt: done ? Math.min(lastResolved + rng.int(0, 3) * DAY_MS, latest(ctx)) : null,
  });
  return {
    key,
    projectKey: team.projectKey,
    type: 'epic',
    status,
    summary: `${rng.pick(EPIC_VERBS)} ${topic}`,
    createdAt: times.createdAt,
    resolvedAt: times.resolvedAt,
    assignee: team.lead,
    reporter: team.lead,
    parentKey: team.key,
    labels: rng.chance(0.4) ? [rng.pick(WORK_LABELS)] : [],
    dueDay: window.dueDay,
    estimateSeconds: null,
    customFields: { [CF.startDate]: formatDay(window.startDay) },
    events: statusEvents(rng, ctx, 'toDo', status, times, [team.lead.accountId]),
  };
}

/** The number of work items (epics included) the team gets at the context's scale. */
export function teamWorkItemCount(ctx: GenContext, team: TeamPlan): number {
  const base = ctx.rng.fork(`size:${team.key}`).int(BASE_ITEMS[0], BASE_ITEMS[1]);
  return Math.max(3, Math.round(base * ctx.scale));
}

/** Emits the team's epics, each followed by its children; stories, tasks and bugs go into `refs`. */
export function emitTeamWork(ctx: GenContext, builder: SiteBuilder, team: TeamPlan, refs: WorkItemRef[]): void {
  const project = projectDef(team.projectKey);
  const rng = ctx.rng.fork(`work:${team.key}`);
  const budget = teamWorkItemCount(ctx, team);
  const epicCount = clamp(Math.round(budget / (ITEMS_PER_EPIC * Math.sqrt(Math.max(1, ctx.scale)))), 1, Math.floor(budget / 2));
  const childCounts = splitBudget(rng, budget - epicCount, epicCount);
  // epics run from shortly before the kick-off to the roadmap's horizon
  const lo = ctx.kickoffDay - 20;
  const hi = ctx.horizonDay;
  const step = (hi - lo) / epicCount;
  for (let e = 0; e < epicCount; e++) {
    const center = lo + step * (e + 0.5) + rng.between(-step / 3, step / 3);
    const duration = clamp(Math.round(step * rng.between(1, 1.8)), 14, 120);
    const startDay = nextWorkday(clamp(Math.round(center - duration / 2), lo, hi - 14));
    const window: EpicWindow = { startDay, dueDay: nextWorkday(Math.min(startDay + duration, hi)) };
    const topic = rng.pick(project.topics);
    const epicKey = builder.nextKey(team.projectKey);
    const children: Planned[] = [];
    let remaining = childCounts[e] ?? 0;
    while (remaining > 0) {
      const type: ChildType = children.length === 0 ? 'story' : rng.weighted(CHILD_TYPES);
      const child = planChild(ctx, rng, builder.nextKey(team.projectKey), type, team, epicKey, window, rng.chance(0.7) ? topic : rng.pick(project.topics));
      children.push(child);
      remaining--;
      if (type === 'story' && remaining >= 3 && rng.chance(0.08)) {
        const subtasks = Math.min(rng.int(1, 3), remaining);
        for (let s = 0; s < subtasks; s++) children.push(planSubtask(ctx, rng, builder.nextKey(team.projectKey), team, child));
        remaining -= subtasks;
      }
    }
    builder.add(makeIssue(planEpic(ctx, rng, epicKey, team, window, topic, children)));
    for (const child of children) {
      const issue = builder.add(makeIssue(child.init));
      if (child.type !== 'subtask') refs.push({ issue, team: team.index });
    }
  }
}
