import { useEffect, useState } from 'react';
import { ROW_HEIGHT } from './constants';

/** Set on the scroller while it scrolls vertically (and a moment after): rows take no pointer events then. */
export const VSCROLL_ATTRIBUTE = 'data-roadmap-vscroll';
/** A scroll is over once no scroll event came for this long. */
export const SCROLL_SETTLE_MS = 150;
/** A scroll event that moves this far or more is a fast one; two fast ones in a row make a fling. */
export const FLING_PX = 4 * ROW_HEIGHT;

export interface ScrollingState {
  /** From the first vertical scroll event until SCROLL_SETTLE_MS after the last. */
  scrolling: boolean;
  /** From the second fast scroll event in a row until the scroll settles. */
  flinging: boolean;
}

/**
 * Whether the scroller is scrolling vertically, and whether fast. React state changes a few times a gesture; the
 * attribute (CSS) stops Chromium hit-testing and re-hovering the rows under a still mouse on every frame of the scroll.
 * A single long jump (Page Down, a scroll into view) is not a fling.
 */
export function useScrolling(scroller: React.RefObject<HTMLElement | null>): ScrollingState {
  const [scrolling, setScrolling] = useState(false);
  const [flinging, setFlinging] = useState(false);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let top = element.scrollTop;
    let fast = false;
    let timer: number | undefined;
    const settle = () => {
      timer = undefined;
      fast = false;
      element.removeAttribute(VSCROLL_ATTRIBUTE);
      setScrolling(false);
      setFlinging(false);
    };
    const onScroll = () => {
      const moved = Math.abs(element.scrollTop - top);
      if (moved === 0) return; // a sideways scroll
      top = element.scrollTop;
      if (timer === undefined) {
        element.setAttribute(VSCROLL_ATTRIBUTE, '');
        setScrolling(true);
      } else window.clearTimeout(timer);
      if (moved >= FLING_PX && fast) setFlinging(true);
      fast = moved >= FLING_PX;
      timer = window.setTimeout(settle, SCROLL_SETTLE_MS);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [scroller]);
  return { scrolling, flinging };
}
