import { useEffect, useMemo } from 'react';
import type { MilestoneDto, RoadmapDto, RoadmapRowDto } from '../../../../src/contract';
import { COLORS } from './colors';
import { LEFT_WIDTH } from './constants';
import { DependencyLayer } from './DependencyLayer';
import { dependencyNotes } from './labels';
import { RoadmapRow } from './RoadmapRow';
import { TimelineHeader } from './TimelineHeader';
import { dayNumber, xOfDay, type TimeScale } from './timeScale';
import { useRowKeys } from './useRowKeys';
import { useVirtualRows } from './useVirtualRows';

export interface RoadmapGridProps {
  /** The rows left showing after collapsing, in tree order. */
  rows: RoadmapRowDto[];
  data: RoadmapDto;
  scale: TimeScale;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

const FOCUS_CSS = `[data-roadmap-row]:focus { outline: none; }
[data-roadmap-row]:focus-visible > [data-roadmap-name] { box-shadow: inset 0 0 0 2px ${COLORS.focus}; }
[data-roadmap-row]:focus-visible, [data-roadmap-row]:hover { background: ${COLORS.rowHover}; }`;

/** The virtualised tree grid: a sticky header and name column, and only the rows on screen (plus overscan). */
export function RoadmapGrid({ rows, data, scale, collapsed, onToggle }: RoadmapGridProps) {
  const { scroller, onScroll, rowWindow, reveal, pageSize } = useVirtualRows(rows.length);
  const indexById = useMemo(() => new Map(rows.map((row, index) => [row.id, index])), [rows]);
  const rowsById = useMemo(() => new Map(data.rows.map((row) => [row.id, row])), [data.rows]);
  const notes = useMemo(() => dependencyNotes(data.dependencies), [data.dependencies]);
  const milestonesByRow = useMemo(() => {
    const byRow = new Map<string, MilestoneDto[]>();
    for (const milestone of data.milestones) {
      const list = byRow.get(milestone.rowId);
      if (list) list.push(milestone);
      else byRow.set(milestone.rowId, [milestone]);
    }
    return byRow;
  }, [data.milestones]);
  const keys = useRowKeys({ rows, indexById, collapsed, onToggle, reveal, pageSize, container: scroller });
  const todayDay = dayNumber(data.today);
  const todayX = todayDay === null ? null : xOfDay(scale, todayDay);

  // Bring today into view on first show and whenever the zoom changes the scale.
  useEffect(() => {
    const element = scroller.current;
    if (element && todayX !== null) element.scrollLeft = Math.max(0, todayX - (element.clientWidth - LEFT_WIDTH) / 3);
  }, [scroller, todayX]);

  const { first, last, offsetTop, totalHeight } = rowWindow;
  const tabbable = keys.active >= first && keys.active <= last ? keys.active : first;
  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      data-testid="roadmap-scroller"
      style={{ position: 'relative', overflow: 'auto', height: 'min(70vh, 640px)', border: `1px solid ${COLORS.border}`, borderRadius: 4, background: COLORS.surface, color: COLORS.text }}
    >
      <style>{FOCUS_CSS}</style>
      <div role="treegrid" aria-label="Roadmap rows" aria-rowcount={rows.length + 1} aria-colcount={2} style={{ position: 'relative', width: LEFT_WIDTH + scale.width }}>
        <TimelineHeader scale={scale} todayX={todayX} />
        <div style={{ position: 'relative', height: totalHeight }}>
          <div role="rowgroup" onKeyDown={keys.onKeyDown} onFocus={keys.onFocus} style={{ position: 'absolute', top: offsetTop, left: 0, right: 0 }}>
            {rows.slice(first, last + 1).map((row, offset) => (
              <RoadmapRow
                key={row.id}
                row={row}
                index={first + offset}
                expanded={!collapsed.has(row.id)}
                tabbable={first + offset === tabbable}
                scale={scale}
                milestones={milestonesByRow.get(row.id)}
                notes={notes.get(row.id)}
                onToggle={onToggle}
              />
            ))}
          </div>
          <DependencyLayer dependencies={data.dependencies} indexById={indexById} rowsById={rowsById} scale={scale} first={first} last={last} height={totalHeight} />
          {todayX !== null && (
            <div
              aria-hidden="true"
              data-testid="roadmap-today"
              title={`Today, ${data.today}`}
              style={{ position: 'absolute', top: 0, bottom: 0, left: LEFT_WIDTH + todayX - 1, width: 2, background: COLORS.today, zIndex: 1, pointerEvents: 'none' }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
