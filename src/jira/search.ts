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

export interface SearchPageQuery {
  jql: string;
  fields: string[];
  pageSize?: number;
  nextPageToken?: string;
}

/**
 * One page of the enhanced search; `nextPageToken` is absent on the last page.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-post
 */
export async function searchPage(
  jira: JiraApi,
  query: SearchPageQuery,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<{ issues: JiraIssueBean[]; nextPageToken: string | undefined }> {
  const body = JSON.stringify({ jql: query.jql, fields: query.fields, maxResults: query.pageSize ?? SEARCH_PAGE_SIZE, ...(query.nextPageToken ? { nextPageToken: query.nextPageToken } : {}) });
  const page = await callJira(
    () => jira.requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: JSON_HEADERS, body }),
    '/rest/api/3/search/jql',
    searchPageSchema,
    policy,
  );
  const token = page.nextPageToken ?? undefined;
  return { issues: page.issues, nextPageToken: page.isLast === true || !token ? undefined : token };
}

/** Reads every issue a JQL matches with the enhanced search, following nextPageToken. */
export async function searchAllIssues(
  jira: JiraApi,
  query: { jql: string; fields: string[]; pageSize?: number },
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<SearchResult> {
  const issues: JiraIssueBean[] = [];
  let nextPageToken: string | undefined;
  const seenTokens = new Set<string>();
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const page = await searchPage(jira, { ...query, ...(nextPageToken ? { nextPageToken } : {}) }, policy);
    issues.push(...page.issues);
    const token = page.nextPageToken;
    if (!token) return { issues, pages };
    if (seenTokens.has(token)) throw new Error('Jira handed out the same page token twice; stopping the search rather than looping');
    seenTokens.add(token);
    nextPageToken = token;
  }
  throw new Error(`The search did not end after ${MAX_PAGES} pages`);
}
