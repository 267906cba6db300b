/** The backlog's columns: labels, which are always on, and each item's text per column. No React here. */
import type { BacklogColumn, BacklogItemDto, ScheduleStatusDto } from '../../../../src/contract';

export const COLUMNS: readonly { column: BacklogColumn; label: string }[] = [
  { column: 'key', label: 'Key' },
  { column: 'summary', label: 'Summary' },
  { column: 'type', label: 'Type' },
  { column: 'status', label: 'Status' },
  { column: 'assignee', label: 'Assignee' },
  { column: 'labels', label: 'Labels' },
  { column: 'box', label: 'Box' },
  { column: 'start', label: 'Start' },
  { column: 'due', label: 'Due' },
  { column: 'storyPoints', label: 'Story points' },
  { column: 'riskBand', label: 'Risk band' },
  { column: 'schedule', label: 'Schedule' },
];

/** Key and summary are always shown. */
export const REQUIRED_COLUMNS: readonly BacklogColumn[] = ['key', 'summary'];
export const DEFAULT_COLUMNS: readonly BacklogColumn[] = ['key', 'summary', 'type', 'status', 'assignee', 'box', 'due', 'schedule'];

const ORDER = new Map(COLUMNS.map(({ column }, i) => [column, i]));
export const isColumn = (value: unknown): value is BacklogColumn => typeof value === 'string' && ORDER.has(value as BacklogColumn);
export const columnLabel = (column: BacklogColumn): string => COLUMNS[ORDER.get(column) ?? 0]?.label ?? column;

/** Known columns once each, in the table's order, with key and summary always in. */
export function normaliseColumns(columns: readonly unknown[]): BacklogColumn[] {
  const wanted = new Set<BacklogColumn>([...REQUIRED_COLUMNS, ...columns.filter(isColumn)]);
  return COLUMNS.map(({ column }) => column).filter((column) => wanted.has(column));
}

/** Shows a hidden column or hides a shown one; key and summary stay. */
export function toggleColumn(columns: readonly BacklogColumn[], column: BacklogColumn): BacklogColumn[] {
  if (REQUIRED_COLUMNS.includes(column)) return normaliseColumns(columns);
  return normaliseColumns(columns.includes(column) ? columns.filter((c) => c !== column) : [...columns, column]);
}

const SCHEDULE: Record<ScheduleStatusDto, string> = { late: 'Late', onTrack: 'On track', done: 'Done', unscheduled: 'Unscheduled' };
export const scheduleText = (schedule: ScheduleStatusDto): string => SCHEDULE[schedule];
const BAND = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;

/** The item's value in a column as plain text ('' when it has none): what the CSV holds. */
export function columnText(item: BacklogItemDto, column: BacklogColumn): string {
  switch (column) {
    case 'key':
      return item.key;
    case 'summary':
      return item.summary;
    case 'type':
      return item.type;
    case 'status':
      return item.status;
    case 'assignee':
      return item.assignee ?? '';
    case 'labels':
      return item.labels.join(', ');
    case 'box':
      return item.boxName;
    case 'start':
      return item.start ?? '';
    case 'due':
      return item.due ?? '';
    case 'storyPoints':
      return item.storyPoints === null ? '' : String(item.storyPoints);
    case 'riskBand':
      return item.riskBand ? BAND[item.riskBand] : '';
    case 'schedule':
      return scheduleText(item.schedule);
  }
}

/** "1,234 items" */
export const countText = (total: number): string => `${new Intl.NumberFormat('en-US').format(total)} ${total === 1 ? 'item' : 'items'}`;
