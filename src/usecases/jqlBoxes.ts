import type { DataQualityWarning, JqlMatches, TransformationConfig } from '../domain';
import { JiraRequestError } from '../jira/jiraHttp';
import type { JiraApi } from '../jira/jiraHttp';
import { searchAllIssues } from '../jira/search';

/** Jira returns up to 5,000 issues a page when only keys are asked for. */
const KEYS_PAGE_SIZE = 5000;

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
      const found = await searchAllIssues(jira, { jql: type.source.jql, fields: ['key'], pageSize: KEYS_PAGE_SIZE });
      requests += found.pages;
      matches[type.id] = found.issues.map((issue) => issue.key);
    } catch (error) {
      if (!(error instanceof JiraRequestError) || error.status !== 400) throw error;
      requests += 1;
      warnings.push({ code: 'invalidConfig', issueKey: null, field: `boxTypes.${type.id}.source`, message: `Jira refused the JQL of box type "${type.name}": ${error.jiraMessages.join('; ') || error.message}` });
    }
  }
  return { matches, warnings, requests };
}
