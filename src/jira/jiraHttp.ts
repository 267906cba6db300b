import type { ZodType } from 'zod';

import type { Route } from '@forge/api';
import { invocationRemainingMs } from './invocationTime';

/**
 * The product API of `@forge/api` as we use it: `api.asUser()` or `api.asApp()`.
 * Endpoint functions call `jira.requestJira(route`...`, { method: 'POST' })` literally so that
 * `forge lint` can see each endpoint and check its scope.
 */
export interface JiraApi {
  requestJira(path: Route, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<JiraResponse>;
}

/** The part of a fetch Response we use. */
export interface JiraResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface RetryPolicy {
  /** How many times a 429 or a transient 5xx is retried before giving up. */
  maxRetries: number;
  /** Back-off when Jira sends no Retry-After, doubled on each retry. */
  baseDelayMs: number;
  /** The longest single wait: a Retry-After beyond it is not waited for, the call ends saying when Jira will be back. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** What the invocation has left (undefined: no limit known); no wait or request may outlast it. */
  remainingMs?: () => number | undefined;
  /** Kept free at the end of the invocation to turn what was read into an answer, or into a clear message. */
  answerReserveMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  remainingMs: invocationRemainingMs,
  answerReserveMs: 2_000,
};

/** Jira asked the app to wait (429, or a 5xx with Retry-After) longer than this invocation can. */
export class JiraBackLaterError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    /** When Jira said it would answer again. */
    readonly retryAfterMs: number,
  ) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(status === 429 ? `Jira is rate-limiting the app; figures will be back in about ${seconds} s.` : `Jira is unavailable (${status}); figures will be back in about ${seconds} s.`);
    this.name = 'JiraBackLaterError';
  }
}

/** Jira did not answer within what this invocation has left. */
export class JiraTooSlowError extends Error {
  constructor(readonly path: string, readonly waitedMs: number) {
    super(`Jira did not answer in time (${path.split('?')[0]} took longer than the ${Math.round(waitedMs / 100) / 10} s left to answer); try again in a moment.`);
    this.name = 'JiraTooSlowError';
  }
}

/** A Jira call that failed, with Jira's own messages when it sent any. */
export class JiraRequestError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    readonly jiraMessages: string[],
  ) {
    super(`Jira answered ${status} to ${path.split('?')[0]}${jiraMessages.length ? `: ${jiraMessages.join('; ')}` : ''}`);
    this.name = 'JiraRequestError';
  }
}

/** Jira sent something we could not read as the documented shape. */
export class JiraResponseShapeError extends Error {
  constructor(readonly path: string, detail: string) {
    super(`Jira's answer to ${path.split('?')[0]} was not in the expected shape: ${detail}`);
    this.name = 'JiraResponseShapeError';
  }
}

/** Jira's issues changed while a read paged through them, so what was read is not one consistent set. */
export class JiraDataChangedError extends Error {
  constructor(
    /** Issues that exist now but were not read (skipped when later pages shifted). */
    readonly missed: number,
    /** Issues that were read but no longer exist (or may no longer be browsed). */
    readonly gone: number,
  ) {
    super(
      `The issues changed in Jira while they were being read (${missed} not read, ${gone} no longer there), twice in a row, so no figures are shown rather than incomplete ones. Reload the page in a moment.`,
    );
    this.name = 'JiraDataChangedError';
  }
}

/**
 * Rate limited, or a transient server error. Atlassian: "Some transient 5XX errors are accompanied by a
 * Retry-After header … they can be handled with similar logic" as 429. Every call the app makes only reads,
 * so repeating one is safe.
 */
const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** Sends one request, giving up (the request may still finish, unread) once the budget is spent. */
async function withinBudget(send: () => Promise<JiraResponse>, path: string, budgetMs: number): Promise<JiraResponse> {
  if (budgetMs === Infinity) return send();
  if (budgetMs <= 0) throw new JiraTooSlowError(path, 0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tooSlow = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new JiraTooSlowError(path, budgetMs)), budgetMs);
  });
  const sent = send();
  // An abandoned request that fails later must not surface as an unhandled rejection.
  sent.catch(() => undefined);
  try {
    return await Promise.race([sent, tooSlow]);
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After is either seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function jiraErrorMessages(body: string): string[] {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const { errorMessages, errors } = parsed as { errorMessages?: unknown; errors?: unknown };
      const messages = Array.isArray(errorMessages) ? errorMessages.filter((m): m is string => typeof m === 'string') : [];
      if (errors && typeof errors === 'object') {
        for (const [field, message] of Object.entries(errors)) if (typeof message === 'string') messages.push(`${field}: ${message}`);
      }
      return messages;
    }
  } catch {
    // not JSON: fall through to no messages
  }
  return [];
}

export const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' } as const;

/**
 * Sends one Jira request, retrying 429 and transient 5xx with back-off that honours Retry-After,
 * and parses the JSON answer against a schema. `path` only names the call in errors.
 */
export async function callJira<T>(
  send: () => Promise<JiraResponse>,
  path: string,
  schema: ZodType<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<T> {
  const budgetMs = () => {
    const remaining = policy.remainingMs?.();
    return remaining === undefined ? Infinity : remaining - (policy.answerReserveMs ?? 0);
  };
  for (let attempt = 0; ; attempt++) {
    const response = await withinBudget(send, path, budgetMs());
    if (RETRYABLE.has(response.status) && attempt < policy.maxRetries) {
      const retryAfter = retryAfterMs(response.headers.get('Retry-After'));
      const wait = retryAfter ?? policy.baseDelayMs * 2 ** attempt;
      await response.text().catch(() => '');
      // Waiting past the invocation (or longer than Jira's answer is worth) would end in the platform's timeout.
      if (wait > policy.maxDelayMs || wait >= budgetMs()) throw new JiraBackLaterError(response.status, path, wait);
      await policy.sleep(wait);
      continue;
    }
    const text = await response.text();
    if (!response.ok) throw new JiraRequestError(response.status, path, jiraErrorMessages(text));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new JiraResponseShapeError(path, `not valid JSON (${text.length} characters received)`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new JiraResponseShapeError(path, issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid');
    }
    return parsed.data;
  }
}
