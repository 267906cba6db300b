import type { UserContext } from './context';
import { firstMatchesInIdOrder, ordersByIdAscending } from './idOrderScan';
import { allMatches, firstMatches, prepareQuery, type FoundIssues } from './jqlSearch';
import type { SiteData, SiteIssue } from './siteData';
import type { SiteIndex } from './siteIndex';

/** Searches whose ordered answer is kept per site: a few, so that memory stays bounded (300k issues ≈ 2.4 MB each). */
const SEARCHES_KEPT = 4;

interface KeptSearch {
  /** The site's issues the answer was computed from: a write since (a new revision, a new index) retires it. */
  index: SiteIndex;
  /** Who asked (their visibility) and what. */
  key: string;
  issues: SiteIssue[];
}

const keptBySite = new WeakMap<SiteData, KeptSearch[]>();

/**
 * One page of a search: the issues at `offset`..`offset + size` of the query's answer, and whether more follow. A first
 * page is picked without sorting every match; later pages slice the whole ordered answer, computed once per user,
 * query and site revision and kept, so that paging with tokens costs each later page what it returns. A query that
 * reads the clock (`updated >= -5m`) is answered afresh for every page, as its answer moves with time.
 */
export function findPage(ctx: UserContext, jql: string, offset: number, size: number): FoundIssues {
  const prepared = prepareQuery(ctx, jql);
  if (offset === 0) return ordersByIdAscending(prepared) ? firstMatchesInIdOrder(ctx, prepared, size) : firstMatches(ctx, prepared, size);
  if (prepared.readsClock) {
    const first = firstMatches(ctx, prepared, offset + size);
    return { issues: first.issues.slice(offset), more: first.more };
  }
  const key = JSON.stringify([ctx.view.visibilityKey(), jql]);
  const kept = keptBySite.get(ctx.site) ?? [];
  let search = kept.find((s) => s.index === ctx.view.index && s.key === key);
  if (search === undefined) search = { index: ctx.view.index, key, issues: allMatches(ctx, prepared) };
  // Most recently used first; answers of an older revision are of no more use.
  keptBySite.set(ctx.site, [search, ...kept.filter((s) => s !== search && s.index === ctx.view.index)].slice(0, SEARCHES_KEPT));
  return { issues: search.issues.slice(offset, offset + size), more: search.issues.length > offset + size };
}
