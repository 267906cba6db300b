import { route } from '@forge/api';
import { callJira, DEFAULT_RETRY_POLICY, JSON_HEADERS, type JiraApi, type RetryPolicy } from './jiraHttp';
import { approximateCountSchema, myPermissionsSchema } from './schemas';

/**
 * Whether whoever `jira` acts for (use jiraAsUser()) holds Jira's global "Administer Jira" permission.
 * Asked of Jira on every call that changes settings, never taken from the page.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get
 */
export async function isJiraAdministrator(jira: JiraApi, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<boolean> {
  const answer = await callJira(
    () => jira.requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, { method: 'GET', headers: JSON_HEADERS }),
    '/rest/api/3/mypermissions',
    myPermissionsSchema,
    policy,
  );
  return answer.permissions.ADMINISTER?.havePermission === true;
}

/**
 * Jira's estimate of how many issues a bounded JQL matches, among those the caller may browse.
 * (Lives here because this file is the settings feature's Jira surface; it belongs beside search.ts.)
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-approximate-count-post
 */
export async function approximateIssueCount(jira: JiraApi, jql: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<number> {
  const body = JSON.stringify({ jql });
  const answer = await callJira(
    () => jira.requestJira(route`/rest/api/3/search/approximate-count`, { method: 'POST', headers: JSON_HEADERS, body }),
    '/rest/api/3/search/approximate-count',
    approximateCountSchema,
    policy,
  );
  return answer.count;
}
