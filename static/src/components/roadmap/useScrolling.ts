import { useEffect, useState } from 'react';

/** Set on the scroller while it scrolls vertically (and a moment after): rows take no pointer events then. */
export const VSCROLL_ATTRIBUTE = 'data-roadmap-vscroll';
/** A scroll is over once no scroll event came for this long. */
export const SCROLL_SETTLE_MS = 150;

/**
 * Whether the scroller is scrolling vertically: true from the first scroll event until SCROLL_SETTLE_MS after the last.
 * React state changes twice a gesture; the attribute (CSS) stops Chromium hit-testing and re-hovering the rows under
 * a still mouse on every frame of the scroll.
 */
export function useScrolling(scroller: React.RefObject<HTMLElement | null>): boolean {
  const [scrolling, setScrolling] = useState(false);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let top = element.scrollTop;
    let timer: number | undefined;
    const settle = () => {
      timer = undefined;
      element.removeAttribute(VSCROLL_ATTRIBUTE);
      setScrolling(false);
    };
    const onScroll = () => {
      if (element.scrollTop === top) return; // a sideways scroll
      top = element.scrollTop;
      if (timer === undefined) {
        element.setAttribute(VSCROLL_ATTRIBUTE, '');
        setScrolling(true);
      } else window.clearTimeout(timer);
      timer = window.setTimeout(settle, SCROLL_SETTLE_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [scroller]);
  return scrolling;
}
