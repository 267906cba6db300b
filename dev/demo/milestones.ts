/**
 * 30 Milestones in DTO (DTO-77..106): two per initiative (midway and at its end), six on
 * workstreams (quarterly checkpoints). Past ones are mostly done, some late (three are still
 * open past their due date); near ones in progress, later ones to do. Some were rescheduled.
 */
import { INITIATIVES, PROGRAM_PROJECT, WORKSTREAMS, type StatusKey } from './catalog';
import { dueDateItem, type ChangeEvent } from './changelog';
import { latest, type GenContext } from './context';
import { DAY_MS, HOUR_MS, nextWorkday, spreadTimes, workTime, type Day } from './dates';
import type { ProgramPlan } from './hierarchy';
import { makeIssue, type SiteBuilder } from './issues';
import { fitTimes, statusEvents } from './statusFlow';
import { PMO, TRANSFORMATION_LEAD } from './users';

export const MILESTONE_COUNT = 30;
const LATE_OPEN = 3;

interface MilestoneSpec {
  parentKey: string;
  summary: string;
  dueDay: Day;
  kind: 'mvp' | 'converted' | 'checkpoint';
  /** When the parent initiative was done, if it is. */
  parentDoneAt: number | null;
}

function specs(ctx: GenContext, program: ProgramPlan): MilestoneSpec[] {
  const list: MilestoneSpec[] = [];
  for (const init of program.initiatives) {
    const mid = init.startDay + Math.round((init.dueDay - init.startDay) * 0.45);
    const parentDoneAt = init.status === 'done' ? init.resolvedAt : null;
    list.push({ parentKey: init.key, summary: `${INITIATIVES[init.index]}: MVP live`, dueDay: nextWorkday(mid), kind: 'mvp', parentDoneAt });
    list.push({ parentKey: init.key, summary: `${INITIATIVES[init.index]}: all teams converted`, dueDay: nextWorkday(init.dueDay - 7), kind: 'converted', parentDoneAt });
  }
  const checkpoints = ['Quarterly business review', 'Funding gate', 'Steering committee sign-off'];
  const wsCount = MILESTONE_COUNT - list.length;
  for (let i = 0; i < wsCount; i++) {
    const ws = program.workstreams[i % program.workstreams.length];
    if (!ws) throw new Error('no workstream');
    const day = ctx.kickoffDay + 75 + i * 85; // spread over the 18 months
    list.push({ parentKey: ws.key, summary: `${WORKSTREAMS[i % WORKSTREAMS.length]}: ${checkpoints[i % checkpoints.length]}`, dueDay: nextWorkday(day), kind: 'checkpoint', parentDoneAt: null });
  }
  return list;
}

export function emitMilestones(ctx: GenContext, builder: SiteBuilder, program: ProgramPlan): void {
  const all = specs(ctx, program);
  // a milestone is late when its due date has passed and it is not done; the conversion milestone
  // of an initiative whose teams have not all converted cannot be done, three others are late too
  const candidates = all.map((m, i) => [m, i] as const).filter(([m]) => m.dueDay < ctx.anchorDay && m.parentDoneAt === null && m.kind !== 'converted').map(([, i]) => i);
  const lateOpen = new Set(ctx.rng.fork('milestones-late').sample(candidates, LATE_OPEN));
  all.forEach((spec, i) => {
    const rng = ctx.rng.fork(`milestone:${i}`);
    const key = builder.nextKey(PROGRAM_PROJECT.key);
    const owner = rng.pick(PMO);
    const createdDay = Math.max(ctx.siteStartDay + rng.int(0, 10), Math.min(spec.dueDay - rng.int(60, 200), ctx.anchorDay - 5));
    const createdAt = workTime(rng, createdDay);
    const past = spec.dueDay < ctx.anchorDay;
    let status: StatusKey;
    if (spec.parentDoneAt !== null) status = 'done';
    else if (past) status = lateOpen.has(i) || spec.kind === 'converted' ? (rng.chance(0.5) ? 'inProgress' : 'toDo') : 'done';
    else status = spec.dueDay - ctx.anchorDay <= 30 ? (rng.chance(0.6) ? 'inProgress' : 'toDo') : 'toDo';
    let resolvedAt = status === 'done' ? workTime(rng, Math.min(spec.dueDay + rng.int(-10, 12), ctx.anchorDay - 1)) : null;
    if (resolvedAt !== null && spec.parentDoneAt !== null) {
      resolvedAt = spec.kind === 'converted' ? spec.parentDoneAt - rng.int(1, 5) * DAY_MS : Math.min(resolvedAt, spec.parentDoneAt - DAY_MS);
    }
    const startedAt = status === 'inProgress' || status === 'done' ? Math.min(workTime(rng, spec.dueDay - rng.int(10, 40)), resolvedAt ?? Number.POSITIVE_INFINITY) : null;
    const times = fitTimes(ctx, { createdAt, startedAt, resolvedAt });
    const events: ChangeEvent[] = statusEvents(rng, ctx, 'toDo', status, times, [owner.accountId, TRANSFORMATION_LEAD.accountId]);
    if (rng.chance(0.3)) {
      const bound = Math.min(times.resolvedAt ?? latest(ctx), spec.dueDay * DAY_MS);
      const [at] = bound > times.createdAt + HOUR_MS ? spreadTimes(rng, times.createdAt, bound, 1) : [];
      if (at !== undefined) events.push({ at, author: owner.accountId, items: [dueDateItem(spec.dueDay - rng.int(14, 45), spec.dueDay)] });
    }
    builder.add(
      makeIssue({
        key,
        projectKey: PROGRAM_PROJECT.key,
        type: 'milestone',
        status,
        summary: spec.summary,
        createdAt: times.createdAt,
        resolvedAt: times.resolvedAt,
        assignee: owner,
        reporter: TRANSFORMATION_LEAD,
        parentKey: spec.parentKey,
        labels: ['milestone'],
        dueDay: spec.dueDay,
        estimateSeconds: null,
        customFields: {},
        events,
      }),
    );
  });
}
