import { useCallback, useEffect, useRef, useState } from 'react';
import { HEADER_HEIGHT, OVERSCAN, ROW_HEIGHT } from './constants';
import { revealScrollTop, visibleWindow } from './visibleRows';

/**
 * Follows a scroll container's vertical offset and height, and says which rows to render.
 * The container's sticky header hides the top HEADER_HEIGHT pixels of its viewport.
 *
 * The offset is kept in whole rows: a scroll event re-renders the grid only when it brings another row to the top,
 * not on every pixel (the browser moves what is already drawn). The window covers one row more than the viewport,
 * so it holds whatever part of a row the exact offset shows at the bottom.
 */
export function useVirtualRows(rowCount: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const [topRow, setTopRow] = useState(0);
  const [height, setHeight] = useState(480);
  const shownTopRow = useRef(0);

  const follow = useCallback((scrollTop: number) => {
    const row = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT));
    if (row === shownTopRow.current) return;
    shownTopRow.current = row;
    setTopRow(row);
  }, []);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setHeight(element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: React.UIEvent<HTMLDivElement>) => follow(event.currentTarget.scrollTop), [follow]);
  const bodyHeight = Math.max(ROW_HEIGHT, height - HEADER_HEIGHT);
  const rowWindow = visibleWindow({ scrollTop: topRow * ROW_HEIGHT, viewportHeight: bodyHeight + ROW_HEIGHT, rowHeight: ROW_HEIGHT, rowCount, overscan: OVERSCAN });

  /** Scrolls just enough to show row `index` below the header. */
  const reveal = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      const top = revealScrollTop(index, element.scrollTop, bodyHeight, ROW_HEIGHT);
      if (top !== element.scrollTop) {
        element.scrollTop = top;
        follow(element.scrollTop);
      }
    },
    [bodyHeight, follow],
  );

  return { scroller, onScroll, rowWindow, reveal, pageSize: Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT)) };
}
