import type { Route } from '../context';
import { ok } from '../http';
import { statusJson, userJson } from '../representations';

/** Jira Cloud reports one rolling version for every site. */
const CLOUD_VERSION = { version: '1001.0.0-SNAPSHOT', versionNumbers: [1001, 0, 0], buildNumber: 100280, buildDate: '2025-01-01T00:00:00.000+0000' };

/** Jira's own timestamp format: milliseconds and a +0000 offset. */
export function jiraTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

export const systemRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rest/api/3/status',
    handle: (ctx) => ok(ctx.site.statuses.map((status) => statusJson(ctx.base, status))),
  },
  {
    method: 'GET',
    path: '/rest/api/3/myself',
    handle: (ctx) =>
      ok({
        ...userJson(ctx.base, ctx.user, { withEmail: true }),
        locale: 'en_US',
        groups: { size: ctx.user.isJiraAdmin ? 2 : 1, items: [] },
        applicationRoles: { size: 1, items: [] },
        expand: 'groups,applicationRoles',
      }),
  },
  {
    method: 'GET',
    path: '/rest/api/3/serverInfo',
    anonymous: true,
    handle: (ctx) =>
      ok({
        baseUrl: ctx.base,
        displayUrl: ctx.base,
        ...CLOUD_VERSION,
        deploymentType: 'Cloud',
        scmInfo: 'emulator',
        serverTime: jiraTimestamp(ctx.now),
        serverTimeZone: 'UTC',
        serverTitle: 'Jira',
      }),
  },
];
