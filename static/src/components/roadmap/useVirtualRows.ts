import { useCallback, useEffect, useRef, useState } from 'react';
import { HEADER_HEIGHT, OVERSCAN, ROW_HEIGHT } from './constants';
import { revealScrollTop, visibleWindow } from './visibleRows';

/**
 * Follows a scroll container's vertical offset and height, and says which rows to render.
 * The container's sticky header hides the top HEADER_HEIGHT pixels of its viewport.
 */
export function useVirtualRows(rowCount: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setHeight(element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: React.UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop), []);
  const bodyHeight = Math.max(ROW_HEIGHT, height - HEADER_HEIGHT);
  const rowWindow = visibleWindow({ scrollTop, viewportHeight: bodyHeight, rowHeight: ROW_HEIGHT, rowCount, overscan: OVERSCAN });

  /** Scrolls just enough to show row `index` below the header. */
  const reveal = useCallback(
    (index: number) => {
      const element = scroller.current;
      if (!element) return;
      const top = revealScrollTop(index, element.scrollTop, bodyHeight, ROW_HEIGHT);
      if (top !== element.scrollTop) {
        element.scrollTop = top;
        setScrollTop(element.scrollTop);
      }
    },
    [bodyHeight],
  );

  return { scroller, onScroll, rowWindow, reveal, pageSize: Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT)) };
}
