/**
 * How an issue got to its current status: the transitions, with times that fit its created,
 * started and resolved instants, so that the changelog ends in the status the issue has.
 */
import { isDone, isNew, type StatusKey } from './catalog';
import { transitionItems, type ChangeEvent } from './changelog';
import { latest, type GenContext } from './context';
import { clamp, HOUR_MS, MINUTE_MS, spreadTimes } from './dates';
import type { Rng } from './random';

export interface Times {
  createdAt: number;
  /** First move out of the "new" category; null if it never moved (or went straight to Closed). */
  startedAt: number | null;
  /** Last move into the "done" category; null unless the issue is done. */
  resolvedAt: number | null;
}

/** Puts created < started < resolved, all in the past, at least ten minutes apart. */
export function fitTimes(ctx: GenContext, times: Times): Times {
  const end = latest(ctx);
  const second = (ms: number) => Math.floor(ms / 1000) * 1000;
  const createdAt = Math.min(second(times.createdAt), second(end - 3 * HOUR_MS));
  const startedAt = times.startedAt === null ? null : clamp(second(times.startedAt), createdAt + 10 * MINUTE_MS, second(end - 2 * HOUR_MS));
  const resolvedAt = times.resolvedAt === null ? null : clamp(second(times.resolvedAt), (startedAt ?? createdAt) + 10 * MINUTE_MS, second(end - HOUR_MS));
  return { createdAt, startedAt, resolvedAt };
}

/** The statuses an issue passes through after it starts, ending in `current`. */
function waypoints(rng: Rng, current: StatusKey, direct: boolean): StatusKey[] {
  switch (current) {
    case 'inProgress':
      return rng.weighted<StatusKey[]>([[['inProgress'], 80], [['inProgress', 'blocked', 'inProgress'], 12], [['inProgress', 'inReview', 'inProgress'], 8]]);
    case 'inReview':
      return rng.chance(0.1) ? ['inProgress', 'blocked', 'inProgress', 'inReview'] : ['inProgress', 'inReview'];
    case 'blocked':
      return rng.chance(0.1) ? ['inProgress', 'inReview', 'inProgress', 'blocked'] : ['inProgress', 'blocked'];
    case 'waiting':
      return rng.chance(0.2) ? ['inProgress', 'blocked', 'inProgress', 'waiting'] : ['inProgress', 'waiting'];
    case 'done':
      return rng.weighted<StatusKey[]>([[['inProgress', 'done'], 46], [['inProgress', 'inReview', 'done'], 45], [['inProgress', 'blocked', 'inProgress', 'done'], 6], [['inProgress', 'done', 'inProgress', 'done'], 3]]);
    case 'closed':
      return direct ? ['closed'] : ['inProgress', 'closed'];
    default:
      return [current];
  }
}

/**
 * Status change events from `initial` (the status at creation) to `current`.
 * `times` must be fitted; `startedAt` is required unless `current` is new or a direct close,
 * `resolvedAt` iff `current` is done.
 */
export function statusEvents(rng: Rng, ctx: GenContext, initial: StatusKey, current: StatusKey, times: Times, authors: readonly string[]): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const end = latest(ctx);
  const author = () => rng.pick(authors);
  if (isNew(current)) {
    if (initial !== current) {
      const [at] = spreadTimes(rng, times.createdAt, end, 1);
      events.push({ at: at as number, author: author(), items: transitionItems(initial, current) });
    }
    return events;
  }
  if (isDone(current) !== (times.resolvedAt !== null)) throw new Error(`statusEvents: ${current} needs resolvedAt iff done`);
  const direct = times.startedAt === null;
  if (direct && current !== 'closed') throw new Error(`statusEvents: ${current} needs startedAt`);
  const path = waypoints(rng, current, direct);
  const first = times.startedAt ?? (times.resolvedAt as number);
  const at: number[] = [first];
  if (times.resolvedAt !== null) {
    if (path.length > 1) at.push(...spreadTimes(rng, first, times.resolvedAt, path.length - 2), times.resolvedAt);
  } else {
    at.push(...spreadTimes(rng, first, end, path.length - 1));
  }
  let from = initial;
  if (initial === 'backlog' && rng.chance(0.5)) {
    const [t] = spreadTimes(rng, times.createdAt, first, 1);
    events.push({ at: t as number, author: author(), items: transitionItems('backlog', 'toDo') });
    from = 'toDo';
  }
  for (let i = 0; i < path.length; i++) {
    const to = path[i] as StatusKey;
    events.push({ at: at[i] as number, author: author(), items: transitionItems(from, to) });
    from = to;
  }
  return events;
}
