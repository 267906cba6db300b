import type { TransformationConfig, TransformationModel } from './model';
import { backlogItem, candidates, searchText } from './backlogRows';
import type { Candidate } from './backlogRows';
import { sortBacklog } from './backlogSort';
import type { BacklogDrill, BacklogFacets, BacklogItem, BacklogPage, BacklogQuery } from './backlogTypes';
import { progressItems } from './progressItems';
import { scheduleCounts } from './schedule';
import { scopeSummary } from './scopeSummary';
import { containerOfItems, milestoneMatcher, riskMatcher } from './lookup';
import { normaliseName, sameName } from './names';
import { naturalCompare } from './naturalCompare';
import { shownBoxIds } from './scope';
import type { Scope } from './scope';
import { placeBoxes, subtreeBoxIds } from './tree';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** pageSize: a whole number from 1 to 200 (50 when absent or not a number); page: from 0 (0 when absent). */
export function pageBounds(query: BacklogQuery): { page: number; pageSize: number } {
  const size = typeof query.pageSize === 'number' && Number.isFinite(query.pageSize) ? Math.floor(query.pageSize) : DEFAULT_PAGE_SIZE;
  const page = typeof query.page === 'number' && Number.isFinite(query.page) ? Math.floor(query.page) : 0;
  return { page: Math.max(0, page), pageSize: Math.min(MAX_PAGE_SIZE, Math.max(1, size)) };
}

/** The words a text search looks for, lower-cased: a row matches when each is in its search text. */
export function searchWords(text: string | undefined): string[] {
  return typeof text === 'string' ? text.trim().toLowerCase().split(/\s+/).filter((word) => word !== '') : [];
}

/** The filters that need only the issue, checked before a row is built. */
function earlyFilter(model: TransformationModel, config: TransformationConfig, query: BacklogQuery): (candidate: Candidate) => boolean {
  const isRisk = riskMatcher(config);
  const isMilestone = milestoneMatcher(config);
  const inBox = query.boxId === undefined ? null : new Set(subtreeBoxIds(model, query.boxId));
  const wanted = searchWords(query.text);
  return (candidate) => {
    const { item, boxId } = candidate;
    if (query.drill === 'risks' && !isRisk(item)) return false;
    if (query.drill === 'milestones' && !isMilestone(item)) return false;
    if (query.statusCategory !== undefined && item.statusCategory !== query.statusCategory) return false;
    if (query.type !== undefined && !sameName(query.type, item.issueType)) return false;
    if (inBox !== null && !inBox.has(boxId)) return false;
    if (wanted.length === 0) return true;
    const haystack = searchText(candidate);
    return wanted.every((word) => haystack.includes(word));
  };
}

/** The filters that need the row's figures (schedule, risk band). */
function lateFilter(query: BacklogQuery): (item: BacklogItem) => boolean {
  return (row) => {
    if ((query.drill === 'late' || query.drill === 'lateBoxes') && row.schedule !== 'late') return false;
    if (query.drill === 'done' && row.schedule !== 'done') return false;
    return query.riskBand === undefined || row.riskBand === query.riskBand;
  };
}

function typeFacet(list: readonly Candidate[]): string[] {
  const types = new Map<string, string>();
  for (const { item } of list) {
    const name = normaliseName(item.issueType);
    if (name !== '' && !types.has(name)) types.set(name, String(item.issueType).trim());
  }
  return [...types.entries()].sort(([a], [b]) => naturalCompare(a, b)).map(([, type]) => type);
}

/** The arithmetic of the top-row figure a drill opens, so the list reproduces it; null for other drills. */
function drillNote(model: TransformationModel, config: TransformationConfig, scope: Scope, drill: BacklogDrill | undefined, today: string): string | null {
  if (drill === 'done') return `Work counted as done in “Transformation advanced”: ${progressItems(model, config, scope).arithmetic}`;
  if (drill === 'teams') {
    const { converted, total } = scopeSummary(model, scope).teamsConverted;
    return `Teams converted: ${converted} of these ${total} teams have reached the target stage.`;
  }
  if (drill !== 'lateBoxes') return null;
  const counts = scheduleCounts(model, scope, today);
  const total = counts.late + counts.onTrack + counts.done + counts.unscheduled;
  return `Late boxes: ${counts.late} of the ${total} boxes of this page are past their due date and not done (${counts.onTrack} on track, ${counts.done} done, ${counts.unscheduled} without a due date).`;
}

/**
 * One page of the scope's backlog. Rows: every work item in scope (work items, risks, milestones), or for the
 * drills 'teams' / 'convertedTeams' / 'notConvertedTeams' the team boxes in scope instead. Filters all apply
 * together; the text matches when every word is in the key, summary, assignee or labels (case-insensitive).
 * Without a sort, rows keep scope order (boxes in tree order, each box's items in Jira's order).
 * Facets do not depend on the filters: the boxes shown for the scope (tree order, depth from 0) and the
 * distinct issue types of the rows before filtering, sorted.
 */
export function backlogPage(model: TransformationModel, config: TransformationConfig, scope: Scope, query: BacklogQuery, today: string): BacklogPage {
  const containerOf = containerOfItems(model);
  const list = candidates(model, config, scope, containerOf, query.drill);
  const early = earlyFilter(model, config, query);
  const late = lateFilter(query);
  const isRisk = riskMatcher(config);
  const matches: BacklogItem[] = [];
  for (const candidate of list) {
    if (!early(candidate)) continue;
    const row = backlogItem(model, config, candidate, today, isRisk);
    if (late(row)) matches.push(row);
  }
  const sorted = query.sort === undefined ? matches : sortBacklog(matches, query.sort.column, query.sort.direction);
  const { page, pageSize } = pageBounds(query);
  return { items: sorted.slice(page * pageSize, (page + 1) * pageSize), total: sorted.length, page, pageSize, facets: facetsOf(model, scope, list), drillNote: drillNote(model, config, scope, query.drill, today) };
}

function facetsOf(model: TransformationModel, scope: Scope, list: readonly Candidate[]): BacklogFacets {
  const shown = shownBoxIds(model, scope);
  return { boxes: placeBoxes(model, (id) => shown.has(id)).map(({ box, depth }) => ({ id: box.id, name: box.name, depth })), types: typeFacet(list) };
}

/** The facets of the scope's backlog without a drill (or a drill that lists its work items: late, risks, milestones). */
export function backlogFacets(model: TransformationModel, config: TransformationConfig, scope: Scope): BacklogFacets {
  return facetsOf(model, scope, candidates(model, config, scope, containerOfItems(model), undefined));
}
