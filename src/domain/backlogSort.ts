import type { BacklogColumn, BacklogItem } from './backlogTypes';
import { naturalCompare } from './naturalCompare';
import type { RiskBandName } from './risk';
import type { ScheduleStatus } from './views';

export const BAND_RANK: Record<RiskBandName, number> = { low: 0, medium: 1, high: 2, critical: 3 };
/** Most urgent first when ascending. */
const SCHEDULE_RANK: Record<ScheduleStatus, number> = { late: 0, onTrack: 1, unscheduled: 2, done: 3 };

export type SortValue = string | number | null;

/** What a column sorts by: text lower-cased (compared naturally), dates as text, numbers and ranks as numbers. */
export function sortValue(item: BacklogItem, column: BacklogColumn): SortValue {
  switch (column) {
    case 'key':
      return item.key.toLowerCase();
    case 'summary':
      return item.summary.toLowerCase();
    case 'type':
      return item.type.toLowerCase();
    case 'status':
      return item.status.toLowerCase();
    case 'assignee':
      return item.assignee === null ? null : item.assignee.toLowerCase();
    case 'labels':
      return item.labels.length === 0 ? null : item.labels.join(', ').toLowerCase();
    case 'box':
      return item.boxName.toLowerCase();
    case 'start':
      return item.start;
    case 'due':
      return item.due;
    case 'storyPoints':
      return item.storyPoints;
    case 'riskBand':
      return item.riskBand === null ? null : BAND_RANK[item.riskBand];
    case 'schedule':
      return SCHEDULE_RANK[item.schedule];
    default:
      return null;
  }
}

export function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return naturalCompare(String(a), String(b));
}

/**
 * Sorted by one column, ascending or descending; rows without a value (null) come last either way; ties keep
 * their order (stable). Each row's value is worked out once, so this is O(n log n) comparisons of ready values.
 */
export function sortBacklog(items: BacklogItem[], column: BacklogColumn, direction: 'asc' | 'desc'): BacklogItem[] {
  const sign = direction === 'desc' ? -1 : 1;
  const decorated = items.map((item, index) => ({ item, index, value: sortValue(item, column) }));
  decorated.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === null ? 1 : -1;
    }
    return sign * compareValues(a.value, b.value) || a.index - b.index;
  });
  return decorated.map((entry) => entry.item);
}
