import { z } from 'zod';

import { boolParam, parseQuery, type Route } from '../context';
import { fieldCatalog } from '../fieldCatalog';
import { fieldTokens, selectFields } from '../fieldSelection';
import { jiraError, ok, parseJsonBody, type JsonReply } from '../http';
import { issueFieldCandidates, renderIssue } from '../issueView';
import { SiteView } from '../siteView';

/** POST /issue, PUT and DELETE /issue/{issueIdOrKey}: Jira's IssueUpdateDetails, with `fields` only. */

const issueUpdateDetails = z
  .object({
    fields: z.record(z.string(), z.unknown()).optional(),
    update: z.record(z.string(), z.array(z.unknown())).optional(),
    transition: z.unknown().optional(),
    properties: z.array(z.unknown()).optional(),
    historyMetadata: z.unknown().optional(),
  })
  .loose();

/** Field operations (`update`) and transitions are not emulated: refused loudly rather than ignored. */
function fieldsOf(body: z.infer<typeof issueUpdateDetails>): Record<string, unknown> {
  if (body.update && Object.keys(body.update).length > 0) throw jiraError(400, 'The Jira emulator supports `fields` only, not `update` operations.');
  if (body.transition !== undefined) throw jiraError(400, 'The Jira emulator does not apply transitions on create or edit.');
  return body.fields ?? {};
}

const editQuery = z.object({
  notifyUsers: boolParam.optional(),
  overrideScreenSecurity: boolParam.optional(),
  overrideEditableFlag: boolParam.optional(),
  returnIssue: boolParam.optional(),
  expand: z.string().optional(),
});

const deleteQuery = z.object({ deleteSubtasks: z.enum(['true', 'false']).optional() });

const noContent = (): JsonReply => ({ status: 204, body: null });

export const issueWriteRoutes: Route[] = [
  {
    method: 'POST',
    path: '/rest/api/3/issue',
    handle: (ctx) => {
      const created = ctx.issues.create(ctx.user, fieldsOf(parseJsonBody(ctx.body, issueUpdateDetails)), { allowStatus: false });
      return { status: 201, body: created };
    },
  },
  {
    method: 'PUT',
    path: '/rest/api/3/issue/:issueIdOrKey',
    handle: (ctx) => {
      const q = parseQuery(ctx.url.searchParams, [], editQuery);
      const idOrKey = ctx.params['issueIdOrKey'] ?? '';
      ctx.issues.update(ctx.user, idOrKey, fieldsOf(parseJsonBody(ctx.body, issueUpdateDetails)), { allowStatus: false });
      if (!q.returnIssue) return noContent();
      // The view is rebuilt: the one made for this request predates the edit.
      const view = new SiteView(ctx.site, ctx.user);
      const issue = view.visibleIssue(idOrKey);
      if (!issue) return noContent();
      const selection = selectFields(fieldTokens([]), '*all', issueFieldCandidates(fieldCatalog(ctx.site)), false);
      return ok(renderIssue(issue, { ...selection, idOnly: false }, view, ctx.base, { fieldsByKeys: false, expand: new Set((q.expand ?? '').split(',').filter(Boolean)) }));
    },
  },
  {
    method: 'DELETE',
    path: '/rest/api/3/issue/:issueIdOrKey',
    handle: (ctx) => {
      const q = parseQuery(ctx.url.searchParams, [], deleteQuery);
      ctx.issues.delete(ctx.user, ctx.params['issueIdOrKey'] ?? '', q.deleteSubtasks === 'true');
      return noContent();
    },
  },
];
