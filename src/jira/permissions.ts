import { route } from '@forge/api';
import { callJira, DEFAULT_RETRY_POLICY, JSON_HEADERS, type JiraApi, type RetryPolicy } from './jiraHttp';
import { approximateCountSchema, bulkPermissionsSchema, myPermissionsSchema } from './schemas';

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

/** Jira checks at most 1,000 projects and 1,000 issues in one bulk permission check. */
const BULK_CHECK_MAX = 1000;

export interface BrowseCheck {
  projectIds: Set<string>;
  issueIds: Set<string>;
  requests: number;
}

/**
 * Which of these projects, and which of these issues, whoever `jira` acts for may browse: one bulk permission check
 * per 1,000 of each. For issues Jira also applies issue security levels.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-permissions-check-post
 */
export async function checkBrowse(
  jira: JiraApi,
  projectIds: readonly string[],
  issueIds: readonly string[] = [],
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<BrowseCheck> {
  const result: BrowseCheck = { projectIds: new Set(), issueIds: new Set(), requests: 0 };
  const rounds = Math.max(1, Math.ceil(projectIds.length / BULK_CHECK_MAX), Math.ceil(issueIds.length / BULK_CHECK_MAX));
  for (let round = 0; round < rounds; round++) {
    const projects = projectIds.slice(round * BULK_CHECK_MAX, (round + 1) * BULK_CHECK_MAX).map(Number);
    const issues = issueIds.slice(round * BULK_CHECK_MAX, (round + 1) * BULK_CHECK_MAX).map(Number);
    const body = JSON.stringify({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects, ...(issues.length ? { issues } : {}) }] });
    const answer = await callJira(
      () => jira.requestJira(route`/rest/api/3/permissions/check`, { method: 'POST', headers: JSON_HEADERS, body }),
      '/rest/api/3/permissions/check',
      bulkPermissionsSchema,
      policy,
    );
    result.requests++;
    for (const grant of answer.projectPermissions ?? []) {
      if (grant.permission !== 'BROWSE_PROJECTS') continue;
      for (const id of grant.projects ?? []) result.projectIds.add(String(id));
      for (const id of grant.issues ?? []) result.issueIds.add(String(id));
    }
  }
  return result;
}

/**
 * For each of these project permissions, the projects (by id) where whoever `jira` acts for holds it: one bulk
 * permission check per 1,000 projects.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-permissions-check-post
 */
export async function checkProjectPermissions<P extends string>(
  jira: JiraApi,
  projectIds: readonly string[],
  permissions: readonly P[],
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<Record<P, Set<string>>> {
  const result = Object.fromEntries(permissions.map((p) => [p, new Set<string>()])) as Record<P, Set<string>>;
  for (let offset = 0; offset < projectIds.length; offset += BULK_CHECK_MAX) {
    const projects = projectIds.slice(offset, offset + BULK_CHECK_MAX).map(Number);
    const body = JSON.stringify({ projectPermissions: [{ permissions, projects }] });
    const answer = await callJira(
      () => jira.requestJira(route`/rest/api/3/permissions/check`, { method: 'POST', headers: JSON_HEADERS, body }),
      '/rest/api/3/permissions/check',
      bulkPermissionsSchema,
      policy,
    );
    for (const grant of answer.projectPermissions ?? []) {
      const granted = (permissions as readonly string[]).includes(grant.permission) ? result[grant.permission as P] : undefined;
      for (const id of grant.projects ?? []) granted?.add(String(id));
    }
  }
  return result;
}
