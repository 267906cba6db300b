import { z } from 'zod';
import type { ResolverResponse } from '../contract';
import { JiraBackLaterError, JiraDataChangedError, JiraRequestError, JiraResponseShapeError, JiraTooSlowError } from '../jira/jiraHttp';
import { SnapshotNotReadyError } from '../usecases/snapshot/notReady';
import { BoxNotOnPageError } from '../usecases/readScope';
import { isStorageRateLimited } from '../storage/kvsErrors';

/** A request the resolver refuses, with the reason the caller sees. */
export class ResolverRefusal extends Error {
  constructor(readonly code: 'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND', message: string) {
    super(message);
  }
}

/** Parses a payload; a bad one is refused with the first problem named. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ResolverRefusal('BAD_REQUEST', `Invalid request: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'malformed payload'}`);
  }
  return parsed.data;
}

/** Runs a resolver body and wraps what it returns or throws in the envelope the UI reads. */
export async function respond<T>(body: () => Promise<T>): Promise<ResolverResponse<T>> {
  try {
    return { success: true, data: await body() };
  } catch (error) {
    if (error instanceof ResolverRefusal) return { success: false, error: { code: error.code, message: error.message } };
    if (error instanceof BoxNotOnPageError) return { success: false, error: { code: 'NOT_FOUND', message: error.message } };
    if (error instanceof JiraRequestError) {
      const unavailable = error.status === 429 || error.status >= 500;
      return { success: false, error: { code: unavailable ? 'JIRA_UNAVAILABLE' : 'JIRA_ERROR', message: unavailable ? `Jira is busy or unavailable (${error.status}); try again in a minute.` : error.message } };
    }
    if (error instanceof JiraBackLaterError || error instanceof JiraTooSlowError) return { success: false, error: { code: 'JIRA_UNAVAILABLE', message: error.message } };
    if (error instanceof SnapshotNotReadyError) return { success: false, error: { code: 'NOT_READY', message: error.message } };
    if (error instanceof JiraDataChangedError) return { success: false, error: { code: 'JIRA_UNAVAILABLE', message: error.message } };
    if (error instanceof JiraResponseShapeError) return { success: false, error: { code: 'JIRA_ERROR', message: error.message } };
    // Forge's KVS quota is per minute, so the page can say when to look again.
    if (isStorageRateLimited(error)) return { success: false, error: { code: 'STORAGE_RATE_LIMITED', message: 'Forge storage is rate-limiting the app; figures will be back in about a minute.' } };
    console.error(error);
    return { success: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side; the details are in the app logs.' } };
  }
}
