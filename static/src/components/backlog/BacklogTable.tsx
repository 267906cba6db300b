import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { BacklogColumn, BacklogItemDto, BacklogQueryDto, ScheduleStatusDto, StatusCategoryDto } from '../../../../src/contract';
import { Empty } from '../PanelState';
import { BandLozenge } from '../risks/RiskList';
import { columnLabel, columnText, scheduleText } from './columns';
import { PAGE_SIZE, sortFromTable, tableSort } from './queryState';
import { BoxLink } from '../../navigation/openBox';

const STATUS = { new: 'default', indeterminate: 'inprogress', done: 'success' } as const;
const SCHEDULE = { late: 'removed', onTrack: 'inprogress', done: 'success', unscheduled: 'default' } as const;
const none = <span style={{ color: token('color.text.subtlest', '#626F86') }}>—</span>;

const statusAppearance = (category: StatusCategoryDto) => (category ? STATUS[category] : 'default');
const scheduleLozenge = (schedule: ScheduleStatusDto) => <Lozenge appearance={SCHEDULE[schedule]}>{scheduleText(schedule)}</Lozenge>;

const NO_WRAP: readonly BacklogColumn[] = ['key', 'start', 'due', 'storyPoints'];

function cellContent(item: BacklogItemDto, column: BacklogColumn): React.ReactNode {
  if (column === 'box') return <BoxLink boxId={item.boxId} testId={`backlog-open-${item.key}`}>{item.boxName}</BoxLink>;
  if (column === 'key') return <strong style={{ whiteSpace: 'nowrap' }}>{item.key}</strong>;
  if (column === 'status') return <Lozenge appearance={statusAppearance(item.statusCategory)}>{item.status}</Lozenge>;
  if (column === 'riskBand') return item.riskBand ? <BandLozenge band={item.riskBand} /> : none;
  if (column === 'schedule') return scheduleLozenge(item.schedule);
  if (column === 'assignee' && item.assignee === null) return <span style={{ color: token('color.text.subtlest', '#626F86') }}>Unassigned</span>;
  const text = columnText(item, column);
  if (!text) return none;
  return NO_WRAP.includes(column) ? <span style={{ whiteSpace: 'nowrap' }}>{text}</span> : text;
}

const head = (columns: BacklogColumn[]) => ({
  cells: columns.map((column) => ({ key: column, content: columnLabel(column), isSortable: true, shouldTruncate: column !== 'summary' })),
});

/** Rows arrive sorted and paged by the resolver; the table only shows them. */
const rows = (items: BacklogItemDto[], columns: BacklogColumn[]) =>
  items.map((item) => ({
    key: item.key,
    testId: `backlog-row-${item.key}`,
    cells: columns.map((column) => ({ key: `${column}-${item.key}`, content: cellContent(item, column) })),
  }));

interface Props {
  items: BacklogItemDto[];
  total: number;
  columns: BacklogColumn[];
  query: BacklogQueryDto;
  loading: boolean;
  onSort: (sort: BacklogQueryDto['sort']) => void;
  onPage: (page: number) => void;
}

export function BacklogTable({ items, total, columns, query, loading, onSort, onPage }: Props) {
  return (
    <DynamicTableStateless
      head={head(columns)}
      rows={rows(items, columns)}
      label="Backlog"
      testId="backlog-table"
      isLoading={loading}
      loadingLabel="Loading the backlog"
      // A total at least as long as the rows makes the table take them as one server page, unsorted and unsliced.
      totalRows={Math.max(total, items.length)}
      rowsPerPage={PAGE_SIZE}
      page={(query.page ?? 0) + 1}
      onSetPage={(page) => onPage(page - 1)}
      {...tableSort(query)}
      onSort={(data: { key?: unknown; sortOrder?: unknown }) => onSort(sortFromTable(data.key, data.sortOrder))}
      emptyView={<Empty title="No items match">Try other words or fewer filters.</Empty>}
    />
  );
}
