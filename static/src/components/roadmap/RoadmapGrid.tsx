import { useEffect, useMemo } from 'react';
import { COLORS } from './colors';
import { LEFT_WIDTH } from './constants';
import { DependencyLayer } from './DependencyLayer';
import { dependencyNotes } from './labels';
import type { RoadmapPagesView } from './roadmapPages';
import { RoadmapRow } from './RoadmapRow';
import { TimelineHeader } from './TimelineHeader';
import { dayNumber, xOfDay, type TimeScale } from './timeScale';
import { useRowKeys } from './useRowKeys';
import { useVirtualRows } from './useVirtualRows';

export interface RoadmapGridProps {
  /** The rows showing after collapsing, as far as their pages are loaded. */
  view: RoadmapPagesView;
  today: string;
  scale: TimeScale;
  onToggle: (id: string) => void;
  /** Rows first..last are rendered: their pages are wanted. */
  onRows: (first: number, last: number) => void;
}

const FOCUS_CSS = `[data-roadmap-row]:focus { outline: none; }
[data-roadmap-row]:focus-visible > [data-roadmap-name] { box-shadow: inset 0 0 0 2px ${COLORS.focus}; }
[data-roadmap-row]:focus-visible, [data-roadmap-row]:hover { background: ${COLORS.rowHover}; }`;

/** The virtualised tree grid: a sticky header and name column, and only the rows on screen (plus overscan). */
export function RoadmapGrid({ view, today, scale, onToggle, onRows }: RoadmapGridProps) {
  const total = view.totalRows;
  const { scroller, onScroll, rowWindow, reveal, pageSize } = useVirtualRows(total);
  const notes = useMemo(() => dependencyNotes(view.dependencies), [view.dependencies]);
  const keys = useRowKeys({ total, rowAt: view.rowAt, onToggle, reveal, pageSize, container: scroller });
  const todayDay = dayNumber(today);
  const todayX = todayDay === null ? null : xOfDay(scale, todayDay);
  const { first, last, offsetTop, totalHeight } = rowWindow;

  useEffect(() => {
    if (last >= first) onRows(first, last);
  }, [first, last, onRows]);

  // Bring today into view on first show and whenever the zoom changes the scale.
  useEffect(() => {
    const element = scroller.current;
    if (element && todayX !== null) element.scrollLeft = Math.max(0, todayX - (element.clientWidth - LEFT_WIDTH) / 3);
  }, [scroller, todayX]);

  const tabbable = keys.active >= first && keys.active <= last ? keys.active : first;
  const indexes = Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => first + offset);
  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      data-testid="roadmap-scroller"
      aria-busy={view.busy}
      style={{ position: 'relative', overflow: 'auto', height: 'min(70vh, 640px)', border: `1px solid ${COLORS.border}`, borderRadius: 4, background: COLORS.surface, color: COLORS.text }}
    >
      <style>{FOCUS_CSS}</style>
      <div role="treegrid" aria-label="Roadmap rows" aria-rowcount={total + 1} aria-colcount={2} style={{ position: 'relative', width: LEFT_WIDTH + scale.width }}>
        <TimelineHeader scale={scale} todayX={todayX} />
        <div style={{ position: 'relative', height: totalHeight }}>
          <div role="rowgroup" onKeyDown={keys.onKeyDown} onFocus={keys.onFocus} style={{ position: 'absolute', top: offsetTop, left: 0, right: 0 }}>
            {indexes.map((index) => {
              const row = view.rowAt(index);
              // Keyed by position: a placeholder turns into its row in place, and keeps the focus.
              return (
                <RoadmapRow
                  key={index}
                  row={row}
                  failed={row === undefined && view.failedAt(index)}
                  index={index}
                  tabbable={index === tabbable}
                  scale={scale}
                  milestones={row && view.milestonesByRow.get(row.id)}
                  notes={row && notes.get(row.id)}
                  onToggle={onToggle}
                />
              );
            })}
          </div>
          <DependencyLayer dependencies={view.dependencies} scale={scale} first={first} last={last} height={totalHeight} />
          {todayX !== null && (
            <div
              aria-hidden="true"
              data-testid="roadmap-today"
              title={`Today, ${today}`}
              style={{ position: 'absolute', top: 0, bottom: 0, left: LEFT_WIDTH + todayX - 1, width: 2, background: COLORS.today, zIndex: 1, pointerEvents: 'none' }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
