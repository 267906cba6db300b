import { route } from '@forge/api';
import { callJira, JSON_HEADERS, type JiraApi, type RetryPolicy, DEFAULT_RETRY_POLICY } from './jiraHttp';
import { statusListSchema } from './schemas';

/**
 * The site's statuses with their category, so a status read from history can be placed as to do, in progress or done.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-statuses/#api-rest-api-3-status-get
 */
export async function listStatusCategories(jira: JiraApi, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<Record<string, string>> {
  const statuses = await callJira(() => jira.requestJira(route`/rest/api/3/status`, { method: 'GET', headers: JSON_HEADERS }), '/rest/api/3/status', statusListSchema, policy);
  return Object.fromEntries(statuses.map((s) => [s.name, s.statusCategory.key]));
}
