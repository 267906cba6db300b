import { z } from 'zod';

import { boolParam, commaList, intParam, parseQuery, type Route, type UserContext } from '../context';
import { fieldCatalog } from '../fieldCatalog';
import { fieldTokens, selectFields } from '../fieldSelection';
import { jiraError, ok, parseJsonBody, type JsonReply } from '../http';
import { fieldNames, fieldSchemas, issueFieldCandidates, renderIssue } from '../issueView';
import { findIssues } from '../jqlSearch';
import { decodePageToken, encodePageToken } from '../pageToken';
import { findPage } from '../searchPages';

/**
 * Page-size caps of the enhanced search. 5000 is documented for id/key-only requests; with other
 * fields Jira "may return fewer items per page" and in practice caps pages at 100.
 */
export const MAX_PAGE_ID_ONLY = 5000;
export const MAX_PAGE_WITH_FIELDS = 100;
const DEFAULT_MAX_RESULTS = 50;

interface SearchRequest {
  jql: string;
  nextPageToken?: string | undefined;
  maxResults: number;
  fields: string[];
  expand: string[];
  fieldsByKeys: boolean;
}

function search(ctx: UserContext, request: SearchRequest): JsonReply {
  if (request.maxResults < 0) throw jiraError(400, "The value of 'maxResults' must not be negative.");
  const offset = decodePageToken(request.nextPageToken, request.jql);
  const selection = selectFields(fieldTokens(request.fields), 'id', issueFieldCandidates(fieldCatalog(ctx.site)), request.fieldsByKeys);
  const expand = new Set(request.expand);
  const cap = selection.fields.length === 0 && !expand.has('changelog') ? MAX_PAGE_ID_ONLY : MAX_PAGE_WITH_FIELDS;
  const size = Math.min(request.maxResults, cap);
  const end = offset + size;
  const found = findPage(ctx, request.jql, offset, size);
  const page = found.issues;
  const isLast = !found.more;
  // Search answers carry names and schema once for the page, not per issue.
  const options = { fieldsByKeys: request.fieldsByKeys, expand: new Set([...expand].filter((e) => e !== 'names' && e !== 'schema')) };
  return ok({
    issues: page.map((issue) => renderIssue(issue, selection, ctx.view, ctx.base, options)),
    ...(isLast ? {} : { nextPageToken: encodePageToken(end, request.jql) }),
    isLast,
    ...(expand.has('names') ? { names: fieldNames(selection, request.fieldsByKeys) } : {}),
    ...(expand.has('schema') ? { schema: fieldSchemas(selection, request.fieldsByKeys) } : {}),
  });
}

const getQuerySchema = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: intParam.optional(),
  fields: z.array(z.string()),
  expand: z.string().optional(),
  properties: z.array(z.string()),
  fieldsByKeys: boolParam.optional(),
  failFast: boolParam.optional(),
  reconcileIssues: z.array(z.string().regex(/^\d+$/)).max(50),
});

/** Mirrors SearchAndReconcileRequestBean, which admits no other properties. */
const postBodySchema = z.strictObject({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional(),
});

const countBodySchema = z.strictObject({ jql: z.string().optional() });

export const searchRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rest/api/3/search/jql',
    handle: (ctx) => {
      const q = parseQuery(ctx.url.searchParams, ['fields', 'properties', 'reconcileIssues'], getQuerySchema);
      return search(ctx, {
        jql: q.jql ?? '',
        nextPageToken: q.nextPageToken,
        maxResults: q.maxResults ?? DEFAULT_MAX_RESULTS,
        fields: q.fields,
        expand: commaList(q.expand),
        fieldsByKeys: q.fieldsByKeys ?? false,
      });
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/search/jql',
    handle: (ctx) => {
      const body = parseJsonBody(ctx.body, postBodySchema);
      return search(ctx, {
        jql: body.jql ?? '',
        nextPageToken: body.nextPageToken,
        maxResults: body.maxResults ?? DEFAULT_MAX_RESULTS,
        fields: body.fields ?? [],
        expand: commaList(body.expand),
        fieldsByKeys: body.fieldsByKeys ?? false,
      });
    },
  },
  {
    method: 'POST',
    path: '/rest/api/3/search/approximate-count',
    handle: (ctx) => {
      const body = parseJsonBody(ctx.body, countBodySchema);
      return ok({ count: findIssues(ctx, body.jql ?? '').length });
    },
  },
];
