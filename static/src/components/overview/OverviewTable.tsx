import { token } from '@atlaskit/tokens';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { dateText, ProgressCell, ProgressDeltaCell, RisksCell, ScheduleCell, SlipCell, TeamsCell } from './OverviewCells';
import { keyAction, type OverviewColumn, type OverviewSort, type ShownRow } from './overviewTree';

const COLUMNS: readonly { column: OverviewColumn; label: string }[] = [
  { column: 'name', label: 'Name' },
  { column: 'type', label: 'Type' },
  { column: 'progress', label: 'Progress' },
  { column: 'start', label: 'Start' },
  { column: 'due', label: 'End' },
  { column: 'schedule', label: 'Status' },
  { column: 'teams', label: 'Teams converted' },
  { column: 'risks', label: 'Open risks' },
  { column: 'owner', label: 'Owner' },
  { column: 'sponsor', label: 'Sponsor' },
];
const BASELINE_COLUMNS: readonly { column: OverviewColumn; label: string }[] = [
  { column: 'slip', label: 'Slip' },
  { column: 'progressDelta', label: 'Progress change' },
];

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, verticalAlign: 'top' as const, textAlign: 'start' as const };
const headButton = { background: 'none', border: 'none', padding: 0, font: 'inherit', fontWeight: 600, color: token('color.text.subtle', '#44546F'), cursor: 'pointer' };

interface Props {
  shown: readonly ShownRow[];
  sort: OverviewSort | null;
  onSort: (column: OverviewColumn) => void;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
  focused: number;
  onFocus: (index: number) => void;
  /** Rows are compared with a baseline: show the slip and progress change columns. */
  withBaseline: boolean;
}

/** The boxes as a tree grid: one focusable row at a time; arrows move, open and close, Enter opens the box. */
export function OverviewTable({ shown, sort, onSort, onToggle, onOpen, focused, onFocus, withBaseline }: Props) {
  const columns = withBaseline ? [...COLUMNS, ...BASELINE_COLUMNS] : COLUMNS;
  const body = useRef<HTMLTableSectionElement>(null);
  const keyboard = useRef(false);
  useEffect(() => {
    // Only a key press moves the browser's focus; a re-render after a click leaves it where it is.
    if (!keyboard.current) return;
    keyboard.current = false;
    const row = body.current?.querySelectorAll<HTMLTableRowElement>('tr[role="row"]')[focused];
    row?.focus();
  }, [focused, shown]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const action = keyAction(event.key, shown, focused);
    if (action === null) return;
    event.preventDefault();
    keyboard.current = true;
    if (action.kind === 'focus') onFocus(action.index);
    else if (action.kind === 'open') onOpen(action.id);
    else onToggle(action.id);
  };

  return (
    <table role="treegrid" aria-label="Boxes" data-testid="overview-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14px' }}>
      <thead>
        <tr>
          {columns.map(({ column, label }) => {
            const direction = sort?.column === column ? sort.direction : null;
            return (
              <th key={column} scope="col" style={cell} aria-sort={direction === null ? 'none' : direction === 'asc' ? 'ascending' : 'descending'}>
                <button type="button" style={headButton} data-testid={`overview-sort-${column}`} onClick={() => onSort(column)}>
                  {label}
                  {direction === null ? '' : direction === 'asc' ? ' ▲' : ' ▼'}
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {shown.map(({ row, expanded }, index) => (
          <tr
            key={row.id}
            role="row"
            data-testid={`overview-row-${row.id}`}
            aria-level={row.depth + 1}
            aria-expanded={expanded === null ? undefined : expanded}
            aria-selected={index === focused}
            tabIndex={index === focused ? 0 : -1}
            onFocus={() => index !== focused && onFocus(index)}
            style={{ background: index === focused ? token('color.background.selected', '#E9F2FF') : undefined, outlineOffset: -2 }}
          >
            <td role="gridcell" style={cell}>
              <span style={{ display: 'inline-flex', alignItems: 'baseline', gap: token('space.050', '4px'), paddingInlineStart: `calc(${row.depth} * ${token('space.250', '20px')})` }}>
                {expanded === null ? (
                  <span aria-hidden style={{ display: 'inline-block', width: 20 }} />
                ) : (
                  <button
                    type="button"
                    tabIndex={-1}
                    aria-label={`${expanded ? 'Collapse' : 'Expand'} ${row.name}`}
                    data-testid={`overview-toggle-${row.id}`}
                    style={{ ...headButton, width: 20, fontWeight: 400 }}
                    onClick={() => onToggle(row.id)}
                  >
                    {expanded ? '▾' : '▸'}
                  </button>
                )}
                <button type="button" tabIndex={-1} data-testid={`overview-open-${row.id}`} style={{ ...headButton, fontWeight: row.depth === 0 ? 600 : 400, color: token('color.link', '#0C66E4'), textAlign: 'start' }} onClick={() => onOpen(row.id)}>
                  {row.name}
                </button>
                {row.key && <span style={{ color: token('color.text.subtlest', '#626F86'), fontSize: '12px' }}>{row.key}</span>}
              </span>
            </td>
            <td role="gridcell" style={cell}>
              {row.typeName}
            </td>
            <td role="gridcell" style={cell}>
              <ProgressCell row={row} />
            </td>
            <td role="gridcell" style={cell}>
              {dateText(row.start)}
            </td>
            <td role="gridcell" style={cell}>
              {dateText(row.due)}
            </td>
            <td role="gridcell" style={cell}>
              <ScheduleCell schedule={row.schedule} />
            </td>
            <td role="gridcell" style={cell}>
              <TeamsCell row={row} />
            </td>
            <td role="gridcell" style={cell}>
              <RisksCell risks={row.openRisks} />
            </td>
            <td role="gridcell" style={cell}>
              {row.owner ?? '—'}
            </td>
            <td role="gridcell" style={cell}>
              {row.sponsor ?? '—'}
            </td>
            {withBaseline && (
              <>
                <td role="gridcell" style={cell}>
                  <SlipCell row={row} />
                </td>
                <td role="gridcell" style={cell}>
                  <ProgressDeltaCell row={row} />
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
