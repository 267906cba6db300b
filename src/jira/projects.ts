import { route } from '@forge/api';
import { callJira, JSON_HEADERS, type JiraApi, type RetryPolicy, DEFAULT_RETRY_POLICY } from './jiraHttp';
import { projectPageSchema } from './schemas';

export interface JiraProjectRef {
  id: string;
  key: string;
  name: string;
}

const PROJECT_PAGE_SIZE = 50;

/**
 * Lists the projects the reader may browse (Jira filters them by permission).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
 */
export async function listBrowsableProjects(jira: JiraApi, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<{ projects: JiraProjectRef[]; pages: number }> {
  const projects: JiraProjectRef[] = [];
  for (let startAt = 0, pages = 1; ; pages++) {
    const page = await callJira(
      () => jira.requestJira(route`/rest/api/3/project/search?startAt=${startAt}&maxResults=${PROJECT_PAGE_SIZE}`, { method: 'GET', headers: JSON_HEADERS }),
      '/rest/api/3/project/search',
      projectPageSchema,
      policy,
    );
    projects.push(...page.values.map(({ id, key, name }) => ({ id, key, name })));
    if (page.isLast !== false || page.values.length === 0) return { projects, pages };
    startAt += page.values.length;
  }
}
