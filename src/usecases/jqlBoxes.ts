import type { DataQualityWarning, JqlMatches, TransformationConfig } from '../domain';
import { JiraDataChangedError, JiraRequestError } from '../jira/jiraHttp';
import type { JiraApi } from '../jira/jiraHttp';
import { searchAllIssues } from '../jira/search';

/** Jira returns up to 5,000 issues a page when only keys are asked for. */
const KEYS_PAGE_SIZE = 5000;
/** A multi-page answer is read again to check it; a second disagreement fails the read. */
const READ_ATTEMPTS = 2;

/**
 * The keys a box type's JQL matches. Jira pages a search by position, so when the issues change between two pages
 * some are skipped or read twice without a word: an answer of several pages is read again, and used only when both
 * reads agree (one fresh pair is tried before giving up with a clear error).
 */
async function matchingKeys(jira: JiraApi, jql: string): Promise<{ keys: string[]; requests: number }> {
  let requests = 0;
  let difference = { missed: 0, gone: 0 };
  for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
    const first = await searchAllIssues(jira, { jql, fields: ['key'], pageSize: KEYS_PAGE_SIZE });
    requests += first.pages;
    const keys = first.issues.map((issue) => issue.key);
    if (first.pages === 1) return { keys, requests };
    const check = await searchAllIssues(jira, { jql, fields: ['key'], pageSize: KEYS_PAGE_SIZE });
    requests += check.pages;
    const read = new Set(keys);
    const now = new Set(check.issues.map((issue) => issue.key));
    difference = { missed: [...now].filter((k) => !read.has(k)).length, gone: [...read].filter((k) => !now.has(k)).length };
    if (difference.missed === 0 && difference.gone === 0 && read.size === keys.length) return { keys, requests };
  }
  throw new JiraDataChangedError(difference.missed, difference.gone);
}

/**
 * Runs the JQL of each box type that finds its boxes by a filter, as the reader, keys only.
 * A JQL Jira refuses becomes a warning on that box type; the rest of the page still builds.
 */
export async function findJqlBoxes(jira: JiraApi, config: TransformationConfig): Promise<{ matches: JqlMatches; warnings: DataQualityWarning[]; requests: number }> {
  const matches: Record<string, string[]> = {};
  const warnings: DataQualityWarning[] = [];
  let requests = 0;
  for (const type of config.boxTypes) {
    if (type.source.kind !== 'jql') continue;
    try {
      const found = await matchingKeys(jira, type.source.jql);
      requests += found.requests;
      matches[type.id] = found.keys;
    } catch (error) {
      if (!(error instanceof JiraRequestError) || error.status !== 400) throw error;
      requests += 1;
      warnings.push({ code: 'invalidConfig', issueKey: null, field: `boxTypes.${type.id}.source`, message: `Jira refused the JQL of box type "${type.name}": ${error.jiraMessages.join('; ') || error.message}` });
    }
  }
  return { matches, warnings, requests };
}
