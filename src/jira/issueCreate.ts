import { route } from '@forge/api';
import { z } from 'zod';
import { callJira, DEFAULT_RETRY_POLICY, JSON_HEADERS, type JiraApi, type JiraResponse, type RetryPolicy } from './jiraHttp';

/** Creating and deleting issues, always as the viewer (`jiraAsUser()`), so Jira applies their permissions itself. */

const createMetaTypesSchema = z.looseObject({ issueTypes: z.array(z.looseObject({ id: z.string(), name: z.string(), subtask: z.boolean().optional() })).optional() });
const createdSchema = z.looseObject({ id: z.string(), key: z.string() });

/** Jira answers the maximum page of create metadata with 200 issue types, more than any project has. */
const CREATE_META_PAGE = 200;

/**
 * The issue types the viewer may create in the project (none without CREATE_ISSUES).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-createmeta-projectidorkey-issuetypes-get
 */
export async function getCreatableIssueTypes(jira: JiraApi, projectKey: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<Array<{ id: string; name: string }>> {
  const answer = await callJira(
    () => jira.requestJira(route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes?maxResults=${CREATE_META_PAGE}`, { method: 'GET', headers: JSON_HEADERS }),
    '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes',
    createMetaTypesSchema,
    policy,
  );
  return (answer.issueTypes ?? []).filter((t) => t.subtask !== true).map(({ id, name }) => ({ id, name }));
}

/**
 * Creates an issue. Not retried: a create that timed out may have happened.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post
 */
export function createIssue(jira: JiraApi, fields: Record<string, unknown>, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<{ id: string; key: string }> {
  const body = JSON.stringify({ fields });
  return callJira(() => jira.requestJira(route`/rest/api/3/issue`, { method: 'POST', headers: JSON_HEADERS, body }), '/rest/api/3/issue', createdSchema, { ...policy, maxRetries: 0 });
}

/**
 * Deletes an issue (Jira answers 204). Not retried.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-delete
 */
export async function deleteIssue(jira: JiraApi, issueKey: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<void> {
  const send = async (): Promise<JiraResponse> => {
    const response = await jira.requestJira(route`/rest/api/3/issue/${issueKey}`, { method: 'DELETE', headers: JSON_HEADERS });
    return { status: response.status, ok: response.ok, headers: response.headers, text: () => (response.status === 204 ? Promise.resolve('null') : response.text()) };
  };
  await callJira(send, '/rest/api/3/issue/{key}', z.unknown(), { ...policy, maxRetries: 0 });
}
