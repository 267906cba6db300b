import type { UserContext } from './context';
import { fieldCatalog } from './fieldCatalog';
import { jiraError } from './http';
import { JqlError } from './jql/errors';
import type { Query } from './jql/ast';
import { compileQuery, type CompiledQuery } from './jql/evaluate';
import type { JqlEnv } from './jql/fieldKinds';
import { parseJql } from './jql/parser';
import type { SiteIssue } from './siteData';

/** The enhanced search's documented limit on ORDER BY. */
export const MAX_ORDER_BY_FIELDS = 7;

/**
 * Runs a JQL query as the enhanced search does: only over issues the user may browse, refusing
 * unbounded queries, answering 400 with Jira's messages for anything it cannot parse or validate.
 */
export function findIssues(ctx: UserContext, jql: string): SiteIssue[] {
  return allMatches(ctx, prepareQuery(ctx, jql));
}

export function allMatches(ctx: UserContext, prepared: PreparedQuery): SiteIssue[] {
  const { compiled } = prepared;
  return ctx.view.visibleIssues().filter(compiled.matches).sort(compiled.compare);
}

/** Up to this many first matches are picked without sorting every match; a longer page sorts them all. */
const PICK_AT_MOST = 2_000;

/**
 * The first `count` matches in the query's order, and whether more match: the same issues `findIssues` puts first
 * (ties keep the site's order, as its stable sort does), in one pass over the site instead of a sort of every match,
 * so paging through a large site costs each page one pass.
 */
export function findFirstIssues(ctx: UserContext, jql: string, count: number): FoundIssues {
  return firstMatches(ctx, prepareQuery(ctx, jql), count);
}

export interface FoundIssues {
  issues: SiteIssue[];
  /** Whether more issues match after these. */
  more: boolean;
}

export function firstMatches(ctx: UserContext, prepared: PreparedQuery, count: number): FoundIssues {
  if (count > PICK_AT_MOST) {
    const all = allMatches(ctx, prepared);
    return { issues: all.slice(0, count), more: all.length > count };
  }
  const { compiled } = prepared;
  const kept: SiteIssue[] = [];
  for (const issue of ctx.view.visibleIssues()) {
    if (!compiled.matches(issue)) continue;
    const last = kept[kept.length - 1];
    if (kept.length > count && last !== undefined && compiled.compare(issue, last) >= 0) continue;
    // After every kept issue that sorts the same (the order ends on the id, so none do; kept as a stable sort would).
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compiled.compare(issue, kept[mid] as SiteIssue) < 0) high = mid;
      else low = mid + 1;
    }
    kept.splice(low, 0, issue);
    if (kept.length > count + 1) kept.pop();
  }
  return { issues: kept.slice(0, count), more: kept.length > count };
}

export interface PreparedQuery {
  query: Query;
  compiled: CompiledQuery;
  /** Whether the query depends on the time it runs at (relative dates, date functions), so its answer may differ the next minute. */
  readsClock: boolean;
}

/** Parses and validates a query for the requesting user, as every search does before it reads an issue. */
export function prepareQuery(ctx: UserContext, jql: string): PreparedQuery {
  const now = ctx.now.getTime();
  let readsClock = false;
  const env: JqlEnv = {
    view: ctx.view,
    get now() {
      readsClock = true;
      return now;
    },
  };
  const query = parseAndCompile(ctx, jql, env);
  return { ...query, readsClock };
}

function parseAndCompile(ctx: UserContext, jql: string, env: JqlEnv): { query: Query; compiled: CompiledQuery } {
  try {
    const query = parseJql(jql);
    const compiled = compileQuery(query, env, fieldCatalog(ctx.site));
    if (!compiled.bounded) throw jiraError(400, 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    if (query.orderBy.length > MAX_ORDER_BY_FIELDS) {
      throw jiraError(400, `The ORDER BY clause can contain at most ${MAX_ORDER_BY_FIELDS} fields.`);
    }
    return { query, compiled };
  } catch (e) {
    if (e instanceof JqlError) throw jiraError(400, e.messages);
    throw e;
  }
}
