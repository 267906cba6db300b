import { route } from '@forge/api';
import { z } from 'zod';
import { callJira, DEFAULT_RETRY_POLICY, JSON_HEADERS, type JiraApi, type JiraResponse, type RetryPolicy } from './jiraHttp';
import { issueBeanSchema, type JiraIssueBean } from './schemas';

/** Writes to Jira, always as the viewer (`jiraAsUser()`), so Jira applies their permissions and screens itself. */

const editMetaSchema = z.looseObject({
  fields: z.record(z.string(), z.looseObject({ name: z.string().optional(), required: z.boolean().optional(), allowedValues: z.array(z.looseObject({ value: z.string().optional() })).optional() })),
});
export type JiraEditMeta = z.infer<typeof editMetaSchema>;

const transitionsSchema = z.looseObject({
  transitions: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      to: z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }).optional() }),
      fields: z.record(z.string(), z.looseObject({ name: z.string().optional(), required: z.boolean().optional() })).optional(),
    }),
  ),
});
export type JiraTransitions = z.infer<typeof transitionsSchema>;

/** A 204 answers nothing to parse: any JSON (or none) will do. */
const noContent = z.unknown();

/** Sends a write; Jira answers 204 with no body, or an error collection. */
async function write(send: () => Promise<JiraResponse>, path: string, policy: RetryPolicy): Promise<void> {
  const wrapped = async (): Promise<JiraResponse> => {
    const response = await send();
    // Read through the getters: a fetch Response's status and ok live on its prototype.
    return { status: response.status, ok: response.ok, headers: response.headers, text: () => (response.status === 204 ? Promise.resolve('null') : response.text()) };
  };
  await callJira(wrapped, path, noContent, { ...policy, maxRetries: 0 });
}

/**
 * The fields of the issue's edit screen that the viewer may set; none when they may not edit it.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-editmeta-get
 */
export function getEditMeta(jira: JiraApi, issueKey: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<JiraEditMeta> {
  return callJira(() => jira.requestJira(route`/rest/api/3/issue/${issueKey}/editmeta`, { method: 'GET', headers: JSON_HEADERS }), '/rest/api/3/issue/{key}/editmeta', editMetaSchema, policy);
}

/** The issue with these fields as Jira holds them now. */
export function getIssueFields(jira: JiraApi, issueKey: string, fieldIds: readonly string[], policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<JiraIssueBean> {
  const fields = fieldIds.join(',');
  return callJira(() => jira.requestJira(route`/rest/api/3/issue/${issueKey}?fields=${fields}`, { method: 'GET', headers: JSON_HEADERS }), '/rest/api/3/issue/{key}', issueBeanSchema, policy);
}

/**
 * Sets fields of one issue. Not retried: a write that timed out may have happened.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put
 */
export function editIssue(jira: JiraApi, issueKey: string, fields: Record<string, unknown>, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<void> {
  const body = JSON.stringify({ fields });
  return write(() => jira.requestJira(route`/rest/api/3/issue/${issueKey}`, { method: 'PUT', headers: JSON_HEADERS, body }), '/rest/api/3/issue/{key}', policy);
}

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get */
export function getTransitions(jira: JiraApi, issueKey: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<JiraTransitions> {
  return callJira(
    () => jira.requestJira(route`/rest/api/3/issue/${issueKey}/transitions?expand=transitions.fields`, { method: 'GET', headers: JSON_HEADERS }),
    '/rest/api/3/issue/{key}/transitions',
    transitionsSchema,
    policy,
  );
}

/** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-post */
export function transitionIssue(jira: JiraApi, issueKey: string, transitionId: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<void> {
  const body = JSON.stringify({ transition: { id: transitionId } });
  return write(() => jira.requestJira(route`/rest/api/3/issue/${issueKey}/transitions`, { method: 'POST', headers: JSON_HEADERS, body }), '/rest/api/3/issue/{key}/transitions', policy);
}

