/**
 * The shapes of Forge async events (@forge/events 2.x/3.x): what `Queue.push` sends, what a consumer receives,
 * and how a consumer asks for a retry.
 */

export interface PushedEvent {
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
}

export interface RetryContext {
  /** 1 for the first redelivery, up to MAX_RETRIES. */
  retryCount: number;
  retryReason: string;
  retryData: unknown;
}

/** What a consumer function is called with (the package's `AsyncEvent`): the pushed event plus delivery fields. */
export interface AsyncEvent extends PushedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: RetryContext;
}

/** A failed delivery is redelivered up to 3 more times (4 attempts in all), then dropped. */
export const MAX_RETRIES = 3;

/** Retry reasons (the package's InvocationErrorCode); an uncaught error has no code of its own in the package. */
export const RETRY_REASON = {
  timeout: 'FUNCTION_TIME_OUT',
  uncaught: 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
  requested: 'FUNCTION_RETRY_REQUEST',
} as const;

export type DeliveryOutcome = { ok: true } | { ok: false; error: string; retryReason: string; retryData?: unknown; retryAfterMs?: number };

/**
 * A consumer's `return new InvocationError(options)` (or a legacy QueueResponse after `.retry()`): the package's
 * toJSON() shape `{ _retry: true, retryOptions?: { retryAfter?, retryReason?, retryData? } }`.
 */
export function retryRequest(result: unknown): DeliveryOutcome | undefined {
  if (typeof result !== 'object' || result === null || (result as { _retry?: unknown })._retry !== true) return undefined;
  const options = (result as { retryOptions?: unknown }).retryOptions;
  const { retryAfter, retryReason, retryData } = (typeof options === 'object' && options !== null ? options : {}) as { retryAfter?: unknown; retryReason?: unknown; retryData?: unknown };
  return {
    ok: false,
    error: 'the consumer returned an InvocationError',
    retryReason: typeof retryReason === 'string' ? retryReason : RETRY_REASON.requested,
    ...(retryData === undefined ? {} : { retryData }),
    ...(typeof retryAfter === 'number' && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

/** An event that was dropped: every attempt failed, or no consumer listens on its queue. */
export interface FailedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  attempts: number;
  retryReason: string;
  error: string;
}
