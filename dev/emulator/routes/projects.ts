import { z } from 'zod';

import { intParam, parseQuery, type Route } from '../context';
import { jiraError, ok } from '../http';
import { projectDetailsJson } from '../representations';
import type { SiteProject } from '../siteData';

/** Documented: "If a value greater than 100 is provided, the maxResults parameter will default to 100." */
const MAX_PAGE = 100;

const SORTS: Record<string, (a: SiteProject, b: SiteProject) => number> = {
  key: (a, b) => a.key.localeCompare(b.key),
  name: (a, b) => a.name.localeCompare(b.name),
  owner: (a, b) => a.leadAccountId.localeCompare(b.leadAccountId),
};

const querySchema = z.object({
  startAt: intParam.optional(),
  maxResults: intParam.optional(),
  orderBy: z.string().regex(/^[+-]?(category|key|name|owner|issueCount|lastIssueUpdatedDate|archivedDate|deletedDate)$/).optional(),
  id: z.array(z.string().regex(/^\d+$/)).max(50),
  keys: z.array(z.string()).max(50),
  query: z.string().optional(),
  typeKey: z.string().optional(),
  categoryId: intParam.optional(),
  action: z.enum(['view', 'browse', 'edit', 'create']).optional(),
  expand: z.string().optional(),
  status: z.array(z.enum(['live', 'archived', 'deleted'])),
  properties: z.array(z.string()),
  propertyQuery: z.string().optional(),
});

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rest/api/3/project/search',
    handle: (ctx) => {
      const q = parseQuery(ctx.url.searchParams, ['id', 'keys', 'status', 'properties'], querySchema);
      const startAt = q.startAt ?? 0;
      if (startAt < 0) throw jiraError(400, "The value of 'startAt' must not be negative.");
      const maxResults = Math.min(Math.max(q.maxResults ?? 50, 0), MAX_PAGE);
      const text = q.query?.toLowerCase();
      const typeKeys = (q.typeKey ?? '').split(',').filter((t) => t !== '');
      let projects = ctx.view
        .browsableProjects()
        .filter((p) => q.id.length === 0 || q.id.includes(p.id))
        .filter((p) => q.keys.length === 0 || q.keys.includes(p.key))
        .filter((p) => text === undefined || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text))
        .filter(() => typeKeys.length === 0 || typeKeys.includes('software'))
        .filter(() => q.status.length === 0 || q.status.includes('live'));
      const order = q.orderBy ?? 'key';
      const sort = SORTS[order.replace(/^[+-]/, '')] ?? SORTS['key'];
      projects = [...projects].sort(sort);
      if (order.startsWith('-')) projects.reverse();

      const values = projects.slice(startAt, startAt + maxResults);
      const isLast = startAt + maxResults >= projects.length;
      const pageUrl = (at: number): string => {
        const url = new URL(ctx.url.pathname, ctx.base);
        ctx.url.searchParams.forEach((value, name) => {
          if (name !== 'startAt' && name !== 'maxResults') url.searchParams.append(name, value);
        });
        url.searchParams.set('maxResults', String(maxResults));
        url.searchParams.set('startAt', String(at));
        return url.toString();
      };
      return ok({
        self: pageUrl(startAt),
        ...(isLast ? {} : { nextPage: pageUrl(startAt + maxResults) }),
        maxResults,
        startAt,
        total: projects.length,
        isLast,
        values: values.map((p) => ({
          expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
          ...projectDetailsJson(ctx.base, p),
          style: 'classic',
          isPrivate: false,
          properties: {},
        })),
      });
    },
  },
];
