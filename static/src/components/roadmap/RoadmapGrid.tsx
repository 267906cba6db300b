import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { RoadmapRowDto } from '../../../../src/contract';
import { useEdits } from '../edits/editsContext';
import { COLORS } from './colors';
import { ARROW_BAND, LEFT_WIDTH } from './constants';
import { DependencyLayer } from './DependencyLayer';
import { earliestStartX, initialScrollLeft } from './initialScroll';
import { dependencyNotes, rowLabel } from './labels';
import type { RoadmapPagesView } from './roadmapPages';
import { RoadmapRow } from './RoadmapRow';
import { ROADMAP_CSS, TIMELINE_WIDTH_VAR } from './styles';
import { TimelineHeader } from './TimelineHeader';
import { dayNumber, xOfDay, type TimeScale } from './timeScale';
import { useRowKeys } from './useRowKeys';
import { usePinnedColumn } from './usePinnedColumn';
import { useHeldWhile } from './useHeldWhile';
import { useScrolling } from './useScrolling';
import { useVirtualRows } from './useVirtualRows';
import { blockRange } from './visibleRows';

export interface RoadmapGridProps {
  /** The rows showing after collapsing, as far as their pages are loaded. */
  view: RoadmapPagesView;
  today: string;
  scale: TimeScale;
  onToggle: (id: string) => void;
  /** Rows first..last are rendered: their pages are wanted. */
  onRows: (first: number, last: number) => void;
  /** Opens a row's side panel. */
  onEdit: (row: RoadmapRowDto) => void;
}

const SCROLLER_STYLE = { position: 'relative', overflow: 'auto', height: 'min(70vh, 640px)', border: `1px solid ${COLORS.border}`, borderRadius: 4, background: COLORS.surface, color: COLORS.text } as const;

const NO_ROWS = { first: 0, last: -1 } as const;

const ROWGROUP_STYLE = { position: 'absolute', top: 0, left: 0, right: 0 } as const;

/** The line at today's date, across every row. */
const TodayLine = memo(function TodayLine({ x, today }: { x: number; today: string }) {
  return (
    <div
      aria-hidden="true"
      data-testid="roadmap-today"
      title={`Today, ${today}`}
      style={{ position: 'absolute', top: 0, bottom: 0, left: LEFT_WIDTH + x - 1, width: 2, background: COLORS.today, zIndex: 1, pointerEvents: 'none' }}
    />
  );
});

/**
 * The virtualised tree grid: a sticky header and name column, and only the rows on screen (plus overscan).
 * Scrolling re-renders it only when another row reaches the top (useVirtualRows); then only the rows coming on
 * screen are drawn: rows are keyed by their index, so a row that stays keeps its element (and a placeholder turns
 * into its row in place, keeping the focus), and memoised rows with unchanged props are skipped. The header, the
 * today line and the arrows do not depend on the scroll position row by row.
 */
export function RoadmapGrid({ view, today, scale, onToggle, onRows, onEdit }: RoadmapGridProps) {
  const total = view.totalRows;
  const edits = useEdits();
  const canEdit = useCallback((issueKey: string) => edits.may(issueKey, 'edit'), [edits]);
  const { scroller, onScroll, rowWindow, reveal, pageSize } = useVirtualRows(total);
  usePinnedColumn(scroller);
  const notes = useMemo(() => dependencyNotes(view.dependencies), [view.dependencies]);
  const keys = useRowKeys({ total, rowAt: view.rowAt, onToggle, reveal, pageSize, container: scroller });
  const todayDay = dayNumber(today);
  const todayX = todayDay === null ? null : xOfDay(scale, todayDay);
  const { first, last, totalHeight } = rowWindow;
  const { scrolling, flinging } = useScrolling(scroller);
  // While the grid scrolls, the arrows drawn stay (they move with the rows) and new ones wait for the scroll to settle:
  // a band change mounts every arrow piece crossing it, which a fast scroll would pay on every frame. A fling draws none.
  const held = useHeldWhile(scrolling, blockRange(first, last, ARROW_BAND, total));
  const band = flinging ? NO_ROWS : held;

  useEffect(() => {
    if (last >= first) onRows(first, last);
  }, [first, last, onRows]);

  // On first show and on every zoom: once the first screen of rows has loaded, open at today, or earlier so that no
  // bar on screen starts cut off.
  const placedFor = useRef<TimeScale | null>(null);
  const firstRowsLoaded = last >= first && view.rowAt(first) !== undefined;
  useEffect(() => {
    const element = scroller.current;
    if (!element || placedFor.current === scale || (!firstRowsLoaded && total > 0)) return;
    placedFor.current = scale;
    const onScreen = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => view.rowAt(first + i));
    const xOf = (iso: string) => {
      const day = dayNumber(iso);
      return day === null ? null : xOfDay(scale, day);
    };
    element.scrollLeft = initialScrollLeft({ todayX, earliestStartX: earliestStartX(onScreen, xOf), viewportWidth: element.clientWidth - LEFT_WIDTH });
  }, [scroller, scale, todayX, firstRowsLoaded, total, first, last, view]);

  const gridStyle = useMemo(() => ({ position: 'relative', width: LEFT_WIDTH + scale.width, [TIMELINE_WIDTH_VAR]: `${scale.width}px` }) as React.CSSProperties, [scale.width]);
  const tabbable = keys.active >= first && keys.active <= last ? keys.active : first;
  const rows: React.ReactNode[] = [];
  for (let index = first; index <= last; index += 1) {
    const row = view.rowAt(index);
    const milestones = row && view.milestonesByRow.get(row.id);
    // Keyed by position: a placeholder turns into its row in place, and keeps the focus.
    rows.push(
      <RoadmapRow
        key={index}
        row={row}
        failed={row === undefined && view.failedAt(index)}
        index={index}
        tabbable={index === tabbable}
        scale={scale}
        milestones={milestones}
        label={row ? rowLabel(row, notes.get(row.id), milestones) : ''}
        onToggle={onToggle}
        editable={edits.may(row?.key, 'edit')}
        onEdit={onEdit}
        canEdit={canEdit}
        light={flinging && index !== keys.active}
      />,
    );
  }
  return (
    <div ref={scroller} onScroll={onScroll} data-testid="roadmap-scroller" aria-busy={view.busy} style={SCROLLER_STYLE}>
      <style>{ROADMAP_CSS}</style>
      <div role="treegrid" aria-label="Roadmap rows" aria-rowcount={total + 1} aria-colcount={2} style={gridStyle}>
        <TimelineHeader scale={scale} todayX={todayX} />
        <div style={{ position: 'relative', height: totalHeight }}>
          <div role="rowgroup" onKeyDown={keys.onKeyDown} onFocus={keys.onFocus} style={ROWGROUP_STYLE}>
            {rows}
          </div>
          <DependencyLayer dependencies={view.dependencies} scale={scale} first={band.first} last={band.last} height={totalHeight} />
          {todayX !== null && <TodayLine x={todayX} today={today} />}
        </div>
      </div>
    </div>
  );
}
