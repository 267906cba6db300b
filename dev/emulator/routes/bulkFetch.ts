import { z } from 'zod';

import type { Route } from '../context';
import { fieldCatalog } from '../fieldCatalog';
import { fieldTokens, selectFields } from '../fieldSelection';
import { jiraError, ok, parseJsonBody } from '../http';
import { issueFieldCandidates, renderIssue } from '../issueView';

/** Documented: "You can request up to 100 issues." */
const MAX_ISSUES = 100;

const bodySchema = z.strictObject({
  issueIdsOrKeys: z.array(z.string()),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  properties: z.array(z.string()).optional(),
});

/**
 * POST /rest/api/3/issue/bulkfetch: issues by id or key, in ascending id order. Issues that do not exist or that the
 * caller may not browse are simply left out (not errors), as Jira documents.
 */
export const bulkFetchRoutes: Route[] = [
  {
    method: 'POST',
    path: '/rest/api/3/issue/bulkfetch',
    handle: (ctx) => {
      const body = parseJsonBody(ctx.body, bodySchema);
      if (body.issueIdsOrKeys.length === 0) throw jiraError(400, 'issueIdsOrKeys must contain at least one issue.');
      if (body.issueIdsOrKeys.length > MAX_ISSUES) throw jiraError(400, `You can request up to ${MAX_ISSUES} issues.`);
      const fieldsByKeys = body.fieldsByKeys ?? false;
      const selection = selectFields(body.fields?.length ? fieldTokens(body.fields) : ['*navigable'], '*all', issueFieldCandidates(fieldCatalog(ctx.site)), fieldsByKeys);
      const found = new Map<string, NonNullable<ReturnType<typeof ctx.view.visibleIssue>>>();
      for (const ref of body.issueIdsOrKeys) {
        const issue = ctx.view.visibleIssue(ref) ?? ctx.view.visibleIssue(ref.toUpperCase());
        if (issue) found.set(issue.id, issue);
      }
      const issues = [...found.values()].sort((a, b) => Number(a.id) - Number(b.id));
      const options = { fieldsByKeys, expand: new Set(body.expand ?? []) };
      return ok({ issues: issues.map((issue) => renderIssue(issue, { ...selection, idOnly: false }, ctx.view, ctx.base, options)), issueErrors: [] });
    },
  },
];
