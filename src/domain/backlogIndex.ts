import type { BacklogColumn, BacklogItem } from './backlogTypes';
import { backlogItem, candidates, searchText } from './backlogRows';
import { compareValues, sortValue, type SortValue } from './backlogSort';
import { containerOfItems, milestoneMatcher, riskMatcher } from './lookup';
import type { StatusCategory, TransformationConfig, TransformationModel } from './model';
import { normaliseName } from './names';
import type { TreeSpan } from './scheduleRows';
import { resolveScope } from './scope';

/** The columns whose order does not depend on the day: sorted by a rank stored with each row. */
export const RANKED_COLUMNS = ['key', 'summary', 'type', 'status', 'assignee', 'labels', 'box', 'start', 'due', 'storyPoints', 'riskBand'] as const satisfies readonly BacklogColumn[];
export type RankedColumn = (typeof RANKED_COLUMNS)[number];

/** A backlog row without its schedule, which depends on the day it is served. */
export type StoredBacklogItem = Omit<BacklogItem, 'schedule'>;

/**
 * One work item as a database answers backlog pages from: what the filters compare, its place in the whole's scope
 * order, and per column a rank (equal values share one; null when the value is missing), so ordering any subset by
 * the rank, then by scope order, is exactly `sortBacklog` on that subset.
 */
export interface BacklogIndexRow {
  /** Position in the whole transformation's scope order (boxes in tree order, each box's items in Jira's order). */
  order: number;
  /** Tree position of the box that holds the item (see treeSpans). */
  boxPosition: number;
  projectKey: string | null;
  isRisk: boolean;
  isMilestone: boolean;
  /** The status category when it is a known one: a filter by category never matches anything else. */
  statusCategory: StatusCategory | null;
  /** The issue type as names are compared (see normaliseName). */
  typeName: string;
  done: boolean;
  due: string | null;
  /** What the text search looks in, lower-cased (see searchText). */
  searchText: string;
  ranks: Record<RankedColumn, number | null>;
  row: StoredBacklogItem;
}

const KNOWN_CATEGORIES: ReadonlySet<unknown> = new Set<StatusCategory>(['new', 'indeterminate', 'done']);

/** A column's dense ranks, -1 where the value is missing: equal values (compareValues 0) share a rank. */
function denseRanks(values: ReadonlyArray<SortValue>): Int32Array {
  const present: number[] = [];
  for (let index = 0; index < values.length; index++) if (values[index] !== null) present.push(index);
  present.sort((a, b) => compareValues(values[a] as SortValue, values[b] as SortValue) || a - b);
  const ranks = new Int32Array(values.length).fill(-1);
  let rank = -1;
  let previous: SortValue | undefined;
  for (const index of present) {
    const value = values[index] as SortValue;
    if (previous === undefined || compareValues(previous, value) !== 0) rank += 1;
    ranks[index] = rank;
    previous = value;
  }
  return ranks;
}

/**
 * Every work item of the whole transformation, in scope order, as the backlog's rows are stored: yielded one at a time,
 * because at 300k issues the rows together are as large as the model (the figures consumer writes them as they come).
 */
export function* backlogIndexRows(model: TransformationModel, config: TransformationConfig, spans: ReadonlyMap<string, TreeSpan>): Generator<BacklogIndexRow> {
  const containerOf = containerOfItems(model);
  const list = candidates(model, config, resolveScope(model, null), containerOf, undefined);
  const isRisk = riskMatcher(config);
  const isMilestone = milestoneMatcher(config);
  // The schedule is left out of what is stored, so any day will do here.
  const rowOf = (candidate: (typeof list)[number]): BacklogItem => backlogItem(model, config, candidate, '1970-01-01', isRisk);
  // A first pass keeps only each column's sort values (not the rows), the second builds each row again as it is written.
  const values = RANKED_COLUMNS.map((): SortValue[] => new Array<SortValue>(list.length));
  list.forEach((candidate, order) => {
    const row = rowOf(candidate);
    RANKED_COLUMNS.forEach((column, c) => ((values[c] as SortValue[])[order] = sortValue(row, column)));
  });
  const ranks = values.map(denseRanks);
  values.length = 0;
  for (let order = 0; order < list.length; order++) {
    const candidate = list[order] as (typeof list)[number];
    const { schedule: _schedule, ...row } = rowOf(candidate);
    const { item } = candidate;
    yield {
      order,
      boxPosition: spans.get(candidate.boxId)?.position ?? 0,
      projectKey: typeof item.projectKey === 'string' ? item.projectKey : null,
      isRisk: isRisk(item),
      isMilestone: isMilestone(item),
      statusCategory: KNOWN_CATEGORIES.has(item.statusCategory) ? (item.statusCategory as StatusCategory) : null,
      typeName: normaliseName(item.issueType),
      done: item.statusCategory === 'done',
      due: row.due,
      searchText: searchText(candidate),
      ranks: Object.fromEntries(RANKED_COLUMNS.map((column, c) => [column, rankOrNull((ranks[c] as Int32Array)[order])])) as Record<RankedColumn, number | null>,
      row,
    };
  }
}

const rankOrNull = (rank: number | undefined): number | null => (rank === undefined || rank < 0 ? null : rank);

/** Every row of `backlogIndexRows` at once (tests and small transformations). */
export const backlogIndex = (model: TransformationModel, config: TransformationConfig, spans: ReadonlyMap<string, TreeSpan>): BacklogIndexRow[] => [...backlogIndexRows(model, config, spans)];
