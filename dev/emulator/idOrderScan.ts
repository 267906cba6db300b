import type { UserContext } from './context';
import type { Clause } from './jql/ast';
import type { FoundIssues, PreparedQuery } from './jqlSearch';
import type { SiteIssue } from './siteData';

const ISSUE_ID = /^\d+$/;

/** Whether the query is in ascending issue-id order: then the site's issues in id order are its candidates in its order. */
export function ordersByIdAscending(prepared: PreparedQuery): boolean {
  const first = prepared.query.orderBy[0];
  return first !== undefined && first.field.name.toLowerCase() === 'id' && first.direction !== 'DESC';
}

/**
 * The first `count` matches of a query in ascending id order, found by walking the site's issues in id order from
 * the query's own lower id bound (`id > N` / `id >= N` among its top-level AND clauses) and stopping after one more
 * match: the app's cursor read (`id > cursor ORDER BY id ASC`) costs a page, not the site. Every issue walked is still
 * checked against the whole query and the user's visibility; the bound only skips issues the query refuses anyway.
 */
export function firstMatchesInIdOrder(ctx: UserContext, prepared: PreparedQuery, count: number): FoundIssues {
  const issues = ctx.view.index.inIdOrder();
  const kept: SiteIssue[] = [];
  for (let at = firstAfter(issues, lowerIdBound(prepared.query.where)); at < issues.length && kept.length <= count; at++) {
    const issue = issues[at] as SiteIssue;
    if (ctx.view.canSee(issue) && prepared.compiled.matches(issue)) kept.push(issue);
  }
  return { issues: kept.slice(0, count), more: kept.length > count };
}

/** The lowest id the query can match by its top-level AND clauses, and whether that id itself may match. */
interface IdBound {
  id: number;
  inclusive: boolean;
}

function lowerIdBound(where: Clause | undefined): IdBound | undefined {
  const clauses = where === undefined ? [] : where.kind === 'and' ? where.clauses : [where];
  let bound: IdBound | undefined;
  for (const clause of clauses) {
    if (clause.kind !== 'terminal' || clause.field.name.toLowerCase() !== 'id') continue;
    if ((clause.operator !== '>' && clause.operator !== '>=') || clause.operand.kind !== 'value' || !ISSUE_ID.test(clause.operand.text)) continue;
    const id = Number(clause.operand.text);
    const inclusive = clause.operator === '>=';
    if (bound === undefined || id > bound.id || (id === bound.id && !inclusive)) bound = { id, inclusive };
  }
  return bound;
}

/** Where in the id-ordered issues the first one above the bound is (issue ids are numbers, as Jira's are). */
function firstAfter(issues: readonly SiteIssue[], bound: IdBound | undefined): number {
  if (bound === undefined) return 0;
  let low = 0;
  let high = issues.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const id = Number((issues[mid] as SiteIssue).id);
    if (bound.inclusive ? id < bound.id : id <= bound.id) low = mid + 1;
    else high = mid;
  }
  return low;
}
