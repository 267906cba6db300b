import { route } from '@forge/api';
import { callJira, DEFAULT_RETRY_POLICY, JSON_HEADERS, type JiraApi, type RetryPolicy } from './jiraHttp';
import { bulkFetchSchema, type JiraIssueBean } from './schemas';

/** Jira fetches up to 100 issues in one bulk fetch. */
export const BULK_FETCH_MAX = 100;

/**
 * The issues with these ids that still exist and may be browsed; the others are left out, not errors
 * (a JQL `id in (…)` would fail on a deleted one).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post
 */
export async function bulkFetchIssues(
  jira: JiraApi,
  issueIds: readonly string[],
  fields: readonly string[],
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<{ issues: JiraIssueBean[]; requests: number }> {
  const issues: JiraIssueBean[] = [];
  let requests = 0;
  for (let start = 0; start < issueIds.length; start += BULK_FETCH_MAX) {
    const body = JSON.stringify({ issueIdsOrKeys: issueIds.slice(start, start + BULK_FETCH_MAX), fields });
    const answer = await callJira(
      () => jira.requestJira(route`/rest/api/3/issue/bulkfetch`, { method: 'POST', headers: JSON_HEADERS, body }),
      '/rest/api/3/issue/bulkfetch',
      bulkFetchSchema,
      policy,
    );
    requests++;
    issues.push(...answer.issues);
  }
  return { issues, requests };
}
