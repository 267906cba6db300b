import { z } from 'zod';

import { boolParam, commaList, parseQuery, type Route } from '../context';
import { fieldCatalog } from '../fieldCatalog';
import { fieldTokens, selectFields } from '../fieldSelection';
import { jiraError, ok } from '../http';
import { issueFieldCandidates, renderIssue } from '../issueView';
import { ISSUE_NOT_FOUND } from '../writes/issueWriter';

export { ISSUE_NOT_FOUND };

const querySchema = z.object({
  fields: z.array(z.string()),
  fieldsByKeys: boolParam.optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()),
  updateHistory: boolParam.optional(),
  failFast: boolParam.optional(),
});

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rest/api/3/issue/:issueIdOrKey',
    handle: (ctx) => {
      const q = parseQuery(ctx.url.searchParams, ['fields', 'properties'], querySchema);
      const issue = ctx.view.visibleIssue(ctx.params['issueIdOrKey'] ?? '');
      if (!issue) throw jiraError(404, ISSUE_NOT_FOUND);
      const fieldsByKeys = q.fieldsByKeys ?? false;
      const selection = selectFields(fieldTokens(q.fields), '*all', issueFieldCandidates(fieldCatalog(ctx.site)), fieldsByKeys);
      // GET issue always answers with the full bean, even when only `id` is asked for.
      return ok(renderIssue(issue, { ...selection, idOnly: false }, ctx.view, ctx.base, { fieldsByKeys, expand: new Set(commaList(q.expand)) }));
    },
  },
];
