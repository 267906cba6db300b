import { route } from '@forge/api';
import { callJira, JSON_HEADERS, type JiraApi, type RetryPolicy, DEFAULT_RETRY_POLICY } from './jiraHttp';
import { bulkChangelogPageSchema } from './schemas';

/** One change of one field on one issue. */
export interface JiraFieldChange {
  issueId: string;
  /** Stable across reads: the change history's id (or time) and the item's place in it. */
  changeId: string;
  /** ISO 8601 */
  at: string;
  fieldId: string | null;
  fromString: string | null;
  toString: string | null;
}

/** Jira reads the history of at most this many issues in one request. */
const ISSUES_PER_REQUEST = 1000;
const MAX_PAGES = 1_000;

/**
 * Reads the history of some fields of many issues, with the bulk changelog endpoint.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-changelog-bulkfetch-post
 */
export async function fetchFieldChanges(
  jira: JiraApi,
  issueIds: readonly string[],
  fieldIds: readonly string[],
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<{ changes: JiraFieldChange[]; requests: number }> {
  const changes: JiraFieldChange[] = [];
  let requests = 0;
  for (let start = 0; start < issueIds.length; start += ISSUES_PER_REQUEST) {
    const batch = issueIds.slice(start, start + ISSUES_PER_REQUEST);
    let nextPageToken: string | undefined;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const body = JSON.stringify({ issueIdsOrKeys: batch, fieldIds, maxResults: 1000, ...(nextPageToken ? { nextPageToken } : {}) });
      const page = await callJira(
        () => jira.requestJira(route`/rest/api/3/changelog/bulkfetch`, { method: 'POST', headers: JSON_HEADERS, body }),
        '/rest/api/3/changelog/bulkfetch',
        bulkChangelogPageSchema,
        policy,
      );
      requests++;
      for (const log of page.issueChangeLogs) {
        for (const history of log.changeHistories ?? []) {
          for (const [index, item] of history.items.entries()) {
            if (item.fieldId && !fieldIds.includes(item.fieldId)) continue;
            changes.push({ issueId: log.issueId, changeId: `${history.id ?? history.created}:${index}`, at: history.created, fieldId: item.fieldId ?? null, fromString: item.fromString ?? null, toString: item.toString ?? null });
          }
        }
      }
      if (!page.nextPageToken || page.nextPageToken === nextPageToken) break;
      nextPageToken = page.nextPageToken;
    }
  }
  return { changes, requests };
}
