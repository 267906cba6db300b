import { z } from 'zod';

import { commaList, parseQuery, type Route, type UserContext } from '../context';
import { jiraError, ok, parseJsonBody } from '../http';
import { hasGlobalPermission, hasProjectPermission, permissionByKey, type PermissionDefinition } from '../permissions';
import type { SiteIssue, SiteProject, SiteUser } from '../siteData';
import { SiteView } from '../siteView';
import { ISSUE_NOT_FOUND } from './issue';

/** Documented limit of the bulk check: "A maximum of 1000 projects and 1000 issues can be checked." */
const MAX_BULK_IDS = 1000;

function definitionsFor(keys: readonly string[]): PermissionDefinition[] {
  const unknown = keys.filter((k) => !permissionByKey(k));
  if (unknown.length) throw jiraError(400, unknown.map((k) => `The permission key '${k}' is not valid.`));
  return keys.map((k) => permissionByKey(k) as PermissionDefinition);
}

const myPermissionsQuery = z.object({
  permissions: z.string().optional(),
  projectKey: z.string().optional(),
  projectId: z.string().optional(),
  issueKey: z.string().optional(),
  issueId: z.string().optional(),
  commentId: z.string().optional(),
  projectUuid: z.string().optional(),
  projectConfigurationUuid: z.string().optional(),
});

/** The project a mypermissions call is scoped to, or undefined for the global context. Answers 404 for anything the user cannot see. */
function contextProject(ctx: UserContext, q: z.infer<typeof myPermissionsQuery>): SiteProject | undefined {
  const issueRef = q.issueId ?? q.issueKey;
  if (issueRef !== undefined) {
    const issue = ctx.view.visibleIssue(issueRef);
    if (!issue) throw jiraError(404, ISSUE_NOT_FOUND);
    return ctx.view.project(issue.projectKey);
  }
  if (q.projectId !== undefined || q.projectKey !== undefined) {
    const project = q.projectId !== undefined ? ctx.site.projects.find((p) => p.id === q.projectId) : ctx.view.project(q.projectKey ?? '');
    if (!project || !ctx.view.canBrowseProject(project.key)) {
      throw jiraError(404, q.projectId !== undefined ? `No project could be found with id '${q.projectId}'.` : `No project could be found with key '${q.projectKey}'.`);
    }
    return project;
  }
  return undefined;
}

function myPermissions(ctx: UserContext) {
  const q = parseQuery(ctx.url.searchParams, [], myPermissionsQuery);
  const keys = commaList(q.permissions);
  if (keys.length === 0) throw jiraError(400, 'The permissions parameter is required. Provide a comma-separated list of permission keys.');
  const definitions = definitionsFor(keys);
  const project = contextProject(ctx, q);
  const permissions: Record<string, unknown> = {};
  for (const def of definitions) {
    const have =
      def.type === 'GLOBAL'
        ? hasGlobalPermission(ctx.user, def.key)
        : project
          ? hasProjectPermission(ctx.user, def.key, project)
          : ctx.site.projects.some((p) => hasProjectPermission(ctx.user, def.key, p));
    permissions[def.key] = { ...def, havePermission: have };
  }
  return ok({ permissions });
}

/** Jira ignores nulls in these lists, and reads numeric strings as ids. */
const idList = z
  .array(z.union([z.number().int(), z.string().regex(/^\d+$/), z.null()]))
  .transform((ids) => ids.filter((id): id is number | string => id !== null).map(String));
const permissionList = z.array(z.union([z.string(), z.null()])).transform((keys) => keys.filter((k): k is string => k !== null && k !== ''));

const bulkCheckSchema = z.strictObject({
  accountId: z.string().optional(),
  globalPermissions: permissionList.optional(),
  projectPermissions: z
    .array(z.strictObject({ permissions: permissionList, projects: idList.optional(), issues: idList.optional() }))
    .optional(),
});

function subjectOf(ctx: UserContext, accountId: string | undefined): SiteUser {
  if (accountId === undefined || accountId === ctx.user.accountId) return ctx.user;
  if (!ctx.user.isJiraAdmin) throw jiraError(403, 'You must have the Administer Jira global permission to check the permissions of other users.');
  const subject = ctx.site.users.find((u) => u.accountId === accountId);
  if (!subject) throw jiraError(400, `The accountId '${accountId}' is not valid.`);
  return subject;
}

/**
 * POST /permissions/check. For each requested project permission: the projects (by id) where the subject holds it,
 * and the issues (by id) where it does, which takes holding it in the issue's project AND seeing the issue: an issue
 * with a security level grants nothing to a non-member, whatever the project grants (Jira checks issue security
 * for every permission on an issue). Unknown ids, and issues the subject may not see, are simply left out. The
 * limit counts the ids sent, found or not.
 */
function bulkCheck(ctx: UserContext) {
  const body = parseJsonBody(ctx.body, bulkCheckSchema);
  const subject = subjectOf(ctx, body.accountId);
  const subjectView = subject === ctx.user ? ctx.view : new SiteView(ctx.site, subject);
  const globalDefs = definitionsFor(body.globalPermissions ?? []);
  if (globalDefs.some((d) => d.type !== 'GLOBAL')) throw jiraError(400, globalDefs.filter((d) => d.type !== 'GLOBAL').map((d) => `'${d.key}' is not a global permission.`));

  const grants = new Map<string, { projects: Set<number>; issues: Set<number> }>();
  let projectCount = 0;
  let issueCount = 0;
  for (const entry of body.projectPermissions ?? []) {
    if (entry.permissions.length === 0) throw jiraError(400, 'At least one project permission must be provided for projectPermissions.');
    const defs = definitionsFor(entry.permissions);
    const notProject = defs.filter((d) => d.type !== 'PROJECT');
    if (notProject.length) throw jiraError(400, notProject.map((d) => `'${d.key}' is not a project permission.`));
    projectCount += new Set(entry.projects ?? []).size;
    issueCount += new Set(entry.issues ?? []).size;
    if (projectCount > MAX_BULK_IDS || issueCount > MAX_BULK_IDS) throw jiraError(400, `A maximum of ${MAX_BULK_IDS} projects and ${MAX_BULK_IDS} issues can be checked.`);
    const projects = (entry.projects ?? []).map((id) => ctx.site.projects.find((p) => p.id === id)).filter((p): p is SiteProject => p !== undefined);
    // Issue ids only: Jira takes no keys here.
    const issues = (entry.issues ?? []).flatMap((id): SiteIssue[] => {
      const issue = subjectView.anyIssue(id);
      return issue && issue.id === id ? [issue] : [];
    });
    for (const def of defs) {
      const grant = grants.get(def.key) ?? { projects: new Set<number>(), issues: new Set<number>() };
      grants.set(def.key, grant);
      for (const p of projects) if (hasProjectPermission(subject, def.key, p)) grant.projects.add(Number(p.id));
      for (const i of issues) {
        const project = ctx.view.project(i.projectKey);
        if (project && hasProjectPermission(subject, def.key, project) && subjectView.canSee(i)) grant.issues.add(Number(i.id));
      }
    }
  }
  return ok({
    projectPermissions: [...grants].map(([permission, g]) => ({ permission, projects: [...g.projects], issues: [...g.issues] })),
    globalPermissions: globalDefs.filter((d) => hasGlobalPermission(subject, d.key)).map((d) => d.key),
  });
}

export const permissionRoutes: Route[] = [
  { method: 'GET', path: '/rest/api/3/mypermissions', handle: myPermissions },
  { method: 'POST', path: '/rest/api/3/permissions/check', handle: bulkCheck },
];
