import type { UserContext } from './context';
import { fieldCatalog } from './fieldCatalog';
import { jiraError } from './http';
import { JqlError } from './jql/errors';
import { compileQuery } from './jql/evaluate';
import { parseJql } from './jql/parser';
import type { SiteIssue } from './siteData';

/** The enhanced search's documented limit on ORDER BY. */
export const MAX_ORDER_BY_FIELDS = 7;

/**
 * Runs a JQL query as the enhanced search does: only over issues the user may browse, refusing
 * unbounded queries, answering 400 with Jira's messages for anything it cannot parse or validate.
 */
export function findIssues(ctx: UserContext, jql: string): SiteIssue[] {
  try {
    const query = parseJql(jql);
    const compiled = compileQuery(query, { view: ctx.view, now: ctx.now.getTime() }, fieldCatalog(ctx.site));
    if (!compiled.bounded) throw jiraError(400, 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    if (query.orderBy.length > MAX_ORDER_BY_FIELDS) {
      throw jiraError(400, `The ORDER BY clause can contain at most ${MAX_ORDER_BY_FIELDS} fields.`);
    }
    return ctx.view.visibleIssues().filter(compiled.matches).sort(compiled.compare);
  } catch (e) {
    if (e instanceof JqlError) throw jiraError(400, e.messages);
    throw e;
  }
}
