import { route } from '@forge/api';
import { callJira, JSON_HEADERS, type JiraApi, type RetryPolicy, DEFAULT_RETRY_POLICY } from './jiraHttp';
import { searchPageSchema, type JiraIssueBean } from './schemas';

/** Jira returns at most 100 issues a page once fields beyond id/key are asked for. */
export const SEARCH_PAGE_SIZE = 100;
/** A guard against a server that keeps handing out tokens: 100k issues at 100 a page, with room. */
const MAX_PAGES = 5_000;

export interface SearchResult {
  issues: JiraIssueBean[];
  /** How many requests the search took. */
  pages: number;
}

/**
 * Reads every issue a JQL matches with the enhanced search, following nextPageToken.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
 */
export async function searchAllIssues(
  jira: JiraApi,
  query: { jql: string; fields: string[]; pageSize?: number },
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<SearchResult> {
  const issues: JiraIssueBean[] = [];
  let nextPageToken: string | undefined;
  const seenTokens = new Set<string>();
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const body = JSON.stringify({ jql: query.jql, fields: query.fields, maxResults: query.pageSize ?? SEARCH_PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) });
    const page = await callJira(
      () => jira.requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: JSON_HEADERS, body }),
      '/rest/api/3/search/jql',
      searchPageSchema,
      policy,
    );
    issues.push(...page.issues);
    const token = page.nextPageToken ?? undefined;
    if (page.isLast === true || !token) return { issues, pages };
    if (seenTokens.has(token)) throw new Error('Jira handed out the same page token twice; stopping the search rather than looping');
    seenTokens.add(token);
    nextPageToken = token;
  }
  throw new Error(`The search did not end after ${MAX_PAGES} pages`);
}
