import { z } from 'zod';

import { jiraError, type JsonReply } from './http';
import type { SiteData, SiteUser } from './siteData';
import type { SiteView } from './siteView';
import type { IssueWriter } from './writes/issueWriter';

/** What a route handler gets for one request. */
export interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  /** Raw request body; handlers parse it with a schema. */
  body: string;
  site: SiteData;
  /** Base URL of the emulated site, used in `self` links. */
  base: string;
  now: Date;
  user: SiteUser | undefined;
  /** Issue creates, edits and deletes go through this, whichever way they arrive. */
  issues: IssueWriter;
}

export interface UserContext extends RequestContext {
  user: SiteUser;
  view: SiteView;
}

export type Route =
  | { method: string; path: string; anonymous?: false; handle: (ctx: UserContext) => JsonReply }
  | { method: string; path: string; anonymous: true; handle: (ctx: RequestContext) => JsonReply };

/** Query strings as Jira reads them: repeated names become lists, others the last value given. */
export function queryObject(params: URLSearchParams, listNames: readonly string[]): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    result[name] = listNames.includes(name) ? params.getAll(name) : (params.getAll(name).at(-1) ?? '');
  }
  for (const name of listNames) result[name] ??= [];
  return result;
}

export function parseQuery<T>(params: URLSearchParams, listNames: readonly string[], schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(queryObject(params, listNames));
  if (!parsed.success) {
    throw jiraError(
      400,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

export const intParam = z
  .string()
  .regex(/^-?\d+$/, 'must be an integer')
  .transform(Number);

export const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A comma-separated parameter such as `expand`. */
export function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
