import { z } from 'zod';

import { boolParam, commaList, parseQuery, type Route, type UserContext } from '../context';
import { jiraError, ok, parseJsonBody } from '../http';
import { hasProjectPermission } from '../permissions';
import { issueTypeJson, statusJson } from '../representations';
import { editMeta, fieldMetadata, transitionsOf, type SiteTransition } from '../screens';
import type { SiteIssue } from '../siteData';
import { cannotSet, fieldErrors } from '../writes/writeErrors';
import { ISSUE_NOT_FOUND } from './issue';

/** GET/POST /issue/{key}/transitions, GET /issue/{key}/editmeta, GET /issue/createmeta/{project}/issuetypes. */

const transitionsQuery = z.object({
  expand: z.string().optional(),
  transitionId: z.string().optional(),
  skipRemoteOnlyCondition: boolParam.optional(),
  includeUnavailableTransitions: boolParam.optional(),
  sortByOpsBarAndStatus: boolParam.optional(),
});

const transitionBody = z
  .object({
    transition: z.object({ id: z.string().optional(), looped: z.boolean().optional() }).loose().optional(),
    fields: z.record(z.string(), z.unknown()).optional(),
    update: z.record(z.string(), z.array(z.unknown())).optional(),
    historyMetadata: z.unknown().optional(),
    properties: z.array(z.unknown()).optional(),
  })
  .loose();

const createMetaQuery = z.object({ startAt: z.coerce.number().int().min(0).optional(), maxResults: z.coerce.number().int().min(0).optional() });
/** Documented: "maxResults … Default: 50", at most 200 per page. */
const CREATE_META_PAGE = { default: 50, max: 200 };

function visibleIssue(ctx: UserContext): SiteIssue {
  const issue = ctx.view.visibleIssue(ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw jiraError(404, ISSUE_NOT_FOUND);
  return issue;
}

function may(ctx: UserContext, permission: string, projectKey: string): boolean {
  const project = ctx.view.project(projectKey);
  return project !== undefined && hasProjectPermission(ctx.user, permission, project);
}

function transitionJson(ctx: UserContext, transition: SiteTransition, withFields: boolean): Record<string, unknown> {
  return {
    id: transition.id,
    name: transition.to.name,
    to: statusJson(ctx.base, transition.to),
    hasScreen: transition.screenFields.length > 0,
    isGlobal: true,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    looped: false,
    ...(withFields ? { fields: Object.fromEntries(transition.screenFields.map((f) => [f.id, fieldMetadata(f, true)])) } : {}),
  };
}

export const workflowRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rest/api/3/issue/:issueIdOrKey/transitions',
    handle: (ctx) => {
      const q = parseQuery(ctx.url.searchParams, [], transitionsQuery);
      const issue = visibleIssue(ctx);
      // Without TRANSITION_ISSUES Jira lists no transitions rather than refusing the call.
      const available = may(ctx, 'TRANSITION_ISSUES', issue.projectKey) ? transitionsOf(ctx.site).filter((t) => t.to.id !== issue.statusId) : [];
      const chosen = q.transitionId === undefined ? available : available.filter((t) => t.id === q.transitionId);
      const withFields = commaList(q.expand).includes('transitions.fields');
      return ok({ ...(withFields ? { expand: 'transitions' } : {}), transitions: chosen.map((t) => transitionJson(ctx, t, withFields)) });
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/issue/:issueIdOrKey/transitions',
    handle: (ctx) => {
      const body = parseJsonBody(ctx.body, transitionBody);
      const issue = visibleIssue(ctx);
      if (body.update && Object.keys(body.update).length > 0) throw jiraError(400, 'The Jira emulator supports `fields` only, not `update` operations.');
      const id = body.transition?.id;
      if (id === undefined || id === '') throw jiraError(400, "Missing 'transition' identifier");
      if (!may(ctx, 'TRANSITION_ISSUES', issue.projectKey)) throw jiraError(400, 'You do not have permission to transition this issue.');
      const transition = transitionsOf(ctx.site).find((t) => t.id === id && t.to.id !== issue.statusId);
      if (!transition) throw jiraError(400, `Transition id '${id}' is not valid for this issue.`);
      const fields = body.fields ?? {};
      const errors: Record<string, string> = {};
      const onScreen = new Set(transition.screenFields.map((f) => f.id));
      for (const fieldId of Object.keys(fields)) if (!onScreen.has(fieldId)) errors[fieldId] = cannotSet(fieldId);
      for (const field of transition.screenFields) if (fields[field.id] === undefined || fields[field.id] === null) errors[field.id] ??= `${field.name} is required.`;
      if (Object.keys(errors).length > 0) throw fieldErrors(errors);
      ctx.issues.update(ctx.user, issue.key, { ...fields, status: { id: transition.to.id } }, { allowStatus: true, transition: true });
      return { status: 204, body: null };
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/:issueIdOrKey/editmeta',
    handle: (ctx) => {
      parseQuery(ctx.url.searchParams, [], z.object({ overrideScreenSecurity: boolParam.optional(), overrideEditableFlag: boolParam.optional() }));
      const issue = visibleIssue(ctx);
      // A user who may not edit the issue gets no fields, as in Jira.
      return ok({ fields: may(ctx, 'EDIT_ISSUES', issue.projectKey) ? editMeta(ctx.site) : {} });
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/issue/createmeta/:projectIdOrKey/issuetypes',
    handle: (ctx) => {
      const q = parseQuery(ctx.url.searchParams, [], createMetaQuery);
      const ref = ctx.params['projectIdOrKey'] ?? '';
      const project = ctx.site.projects.find((p) => p.id === ref || p.key === ref.toUpperCase());
      if (!project || !ctx.view.canBrowseProject(project.key)) throw jiraError(404, `No project could be found with key '${ref}'.`);
      const types = may(ctx, 'CREATE_ISSUES', project.key) ? ctx.site.issueTypes : [];
      const startAt = q.startAt ?? 0;
      const maxResults = Math.min(q.maxResults ?? CREATE_META_PAGE.default, CREATE_META_PAGE.max);
      return ok({ issueTypes: types.slice(startAt, startAt + maxResults).map((t) => issueTypeJson(ctx.base, t)), maxResults, startAt, total: types.length });
    },
  },
];
