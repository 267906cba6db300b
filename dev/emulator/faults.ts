import { z } from 'zod';

import { errorCollection, type JsonReply } from './http';

/** Makes matching /rest/ requests fail or slow down, to exercise clients' error handling. */
export interface FaultRule {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Matches request paths starting with this (any /rest/ path when absent). */
  pathPrefix?: string;
  /** Answer with this status and Jira's error body instead of the real answer. */
  status?: number;
  /** Sent as Retry-After (and X-RateLimit-Reset on 429). */
  retryAfterSeconds?: number;
  /** Delay before answering. */
  latencyMs?: number;
  /** Cut the JSON body short so it does not parse. */
  malformedBody?: boolean;
  /** How many requests the rule applies to: default 1; -1 or Infinity for every matching request. */
  times?: number;
}

export interface FaultController {
  add(rule: FaultRule): void;
  clear(): void;
}

export const faultRuleSchema = z
  .strictObject({
    method: z.string().min(1).optional(),
    pathPrefix: z.string().startsWith('/').optional(),
    status: z.number().int().min(100).max(599).optional(),
    retryAfterSeconds: z.number().nonnegative().optional(),
    latencyMs: z.number().nonnegative().optional(),
    malformedBody: z.boolean().optional(),
    times: z.union([z.number().int().min(1), z.literal(-1), z.literal(Infinity)]).optional(),
  })
  .refine((r) => r.status !== undefined || r.latencyMs !== undefined || r.malformedBody === true, {
    message: 'A fault rule needs a status, a latencyMs or malformedBody: true.',
  });

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export class FaultStore implements FaultController {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    const parsed = faultRuleSchema.safeParse(rule);
    if (!parsed.success) throw new Error(`Invalid fault rule: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const times = parsed.data.times ?? 1;
    this.rules.push({ rule: parsed.data, remaining: times === -1 ? Infinity : times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule matching the request, using up one of its times. */
  take(method: string, path: string): FaultRule | undefined {
    const active = this.rules.find(
      ({ rule, remaining }) =>
        remaining > 0 && (rule.method === undefined || rule.method.toUpperCase() === method.toUpperCase()) && (rule.pathPrefix === undefined || path.startsWith(rule.pathPrefix)),
    );
    if (!active) return undefined;
    active.remaining -= 1;
    if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
    return active.rule;
  }
}

const MESSAGES: Record<number, string> = {
  429: 'Rate limit exceeded.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service Unavailable. Please try again later.',
  504: 'Gateway timeout.',
};

/** X-RateLimit-Reset is an ISO timestamp to the minute, e.g. 2026-03-01T10:16Z. */
function resetAt(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString().slice(0, 16) + 'Z';
}

export function faultReply(status: number, retryAfterSeconds: number | undefined, now: Date): JsonReply {
  const headers: Record<string, string> = {};
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(Math.ceil(retryAfterSeconds));
  if (status === 429) {
    headers['ratelimit-reason'] = 'jira-burst-based';
    headers['x-ratelimit-remaining'] = '0';
    if (retryAfterSeconds !== undefined) headers['x-ratelimit-reset'] = resetAt(now, retryAfterSeconds);
  }
  return { status, headers, body: errorCollection([MESSAGES[status] ?? `The server answered with HTTP ${status}.`]) };
}

/** Half the payload: never valid JSON for an object or array. */
export function truncate(payload: string): string {
  return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
}
