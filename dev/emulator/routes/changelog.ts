import { z } from 'zod';

import { historyJson } from '../changelogView';
import type { Route, UserContext } from '../context';
import { ok, parseJsonBody } from '../http';
import { parseJiraDateTime } from '../jql/dates';
import { decodePageToken, encodePageToken } from '../pageToken';
import type { SiteChangelogEntry, SiteChangelogItem, SiteIssue } from '../siteData';

/** Limits from BulkChangelogRequestBean in Jira's OpenAPI description. */
const bodySchema = z.strictObject({
  issueIdsOrKeys: z.array(z.string()).min(1, 'At least one issue ID or key is required.').max(1000, 'At most 1000 issue IDs or keys can be requested.'),
  fieldIds: z
    .array(z.string())
    .max(10, 'At most 10 field IDs can be given.')
    .refine((ids) => new Set(ids).size === ids.length, 'fieldIds must not repeat.')
    .optional(),
  maxResults: z.number().int().min(1).max(10000).optional(),
  nextPageToken: z.string().optional(),
});

const DEFAULT_MAX_RESULTS = 1000;

interface Row {
  issue: SiteIssue;
  entry: SiteChangelogEntry;
  items: SiteChangelogItem[];
}

function byNumericId(a: { id: string }, b: { id: string }): number {
  return Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);
}

/**
 * Changelogs of the issues the user can browse (others are skipped silently), oldest first within
 * each issue, issues by ascending id. maxResults counts changelog entries, not issues.
 */
function bulkFetch(ctx: UserContext) {
  const body = parseJsonBody(ctx.body, bodySchema);
  const scope = JSON.stringify([body.issueIdsOrKeys, body.fieldIds ?? []]);
  const offset = decodePageToken(body.nextPageToken, scope);
  const wanted = body.fieldIds ? new Set(body.fieldIds) : undefined;

  const issues = new Map<string, SiteIssue>();
  for (const ref of body.issueIdsOrKeys) {
    const issue = ctx.view.visibleIssue(ref);
    if (issue) issues.set(issue.id, issue);
  }
  const rows: Row[] = [];
  for (const issue of [...issues.values()].sort(byNumericId)) {
    const entries = [...issue.changelog].sort((a, b) => (parseJiraDateTime(a.created) ?? 0) - (parseJiraDateTime(b.created) ?? 0) || byNumericId(a, b));
    for (const entry of entries) {
      const items = wanted ? entry.items.filter((item) => wanted.has(item.fieldId ?? item.field)) : entry.items;
      if (items.length) rows.push({ issue, entry, items });
    }
  }

  const end = offset + (body.maxResults ?? DEFAULT_MAX_RESULTS);
  const issueChangeLogs: { issueId: string; changeHistories: unknown[] }[] = [];
  for (const row of rows.slice(offset, end)) {
    const last = issueChangeLogs.at(-1);
    const history = historyJson(ctx.view, ctx.base, row.entry, row.items);
    if (last && last.issueId === row.issue.id) last.changeHistories.push(history);
    else issueChangeLogs.push({ issueId: row.issue.id, changeHistories: [history] });
  }
  return ok({ issueChangeLogs, ...(end < rows.length ? { nextPageToken: encodePageToken(end, scope) } : {}) });
}

export const changelogRoutes: Route[] = [{ method: 'POST', path: '/rest/api/3/changelog/bulkfetch', handle: bulkFetch }];
