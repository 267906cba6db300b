import type { BacklogColumn, BacklogItem } from './backlogTypes';
import { backlogItem, candidates, searchText } from './backlogRows';
import { compareValues, sortValue } from './backlogSort';
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

/** Dense ranks of the rows' values in one column: equal values (compareValues 0) share a rank; null stays null. */
function denseRanks(rows: readonly BacklogItem[], column: RankedColumn): Array<number | null> {
  const values = rows.map((row) => sortValue(row, column));
  const present = values.flatMap((value, index) => (value === null ? [] : [{ value, index }]));
  present.sort((a, b) => compareValues(a.value, b.value));
  const ranks: Array<number | null> = values.map(() => null);
  let rank = -1;
  let previous: (typeof present)[number] | undefined;
  for (const entry of present) {
    if (previous === undefined || compareValues(previous.value, entry.value) !== 0) rank += 1;
    ranks[entry.index] = rank;
    previous = entry;
  }
  return ranks;
}

/** Every work item of the whole transformation, in scope order, as the backlog's rows are stored. */
export function backlogIndex(model: TransformationModel, config: TransformationConfig, spans: ReadonlyMap<string, TreeSpan>): BacklogIndexRow[] {
  const containerOf = containerOfItems(model);
  const list = candidates(model, config, resolveScope(model, null), containerOf, undefined);
  const isRisk = riskMatcher(config);
  const isMilestone = milestoneMatcher(config);
  // The schedule is left out of what is stored, so any day will do here.
  const rows = list.map((candidate) => backlogItem(model, config, candidate, '1970-01-01', isRisk));
  const ranks = Object.fromEntries(RANKED_COLUMNS.map((column) => [column, denseRanks(rows, column)])) as Record<RankedColumn, Array<number | null>>;
  return list.map((candidate, order) => {
    const { schedule: _schedule, ...row } = rows[order] as BacklogItem;
    const { item } = candidate;
    return {
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
      ranks: Object.fromEntries(RANKED_COLUMNS.map((column) => [column, ranks[column][order] ?? null])) as Record<RankedColumn, number | null>,
      row,
    };
  });
}
