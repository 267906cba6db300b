import { useEffect } from 'react';

/** The scroller's horizontal offset, for the name column to sit at while nothing scrolls sideways. */
export const SCROLL_LEFT_VAR = '--roadmap-scroll-left';
/** Set on the scroller while it scrolls sideways (and a moment after): the name column is sticky then. */
export const HSCROLL_ATTRIBUTE = 'data-roadmap-hscroll';
const SETTLE_MS = 150;

/**
 * Keeps the name column at the scroller's left edge. A sticky cell per row is what Chromium composites into a
 * layer of its own (40-odd layers in the grid, new ones on every frame of a vertical scroll, each to lay out, commit
 * and raster); so the cells are sticky only while the grid scrolls sideways, where the compositor must move them,
 * and otherwise sit at the same place by a plain relative offset (styles.ts). The switch shows nothing: both put
 * the cell at the scroll offset. No React state: it changes one attribute and one custom property.
 */
export function usePinnedColumn(scroller: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    let left = element.scrollLeft;
    let timer: number | undefined;
    const settle = () => {
      timer = undefined;
      left = element.scrollLeft;
      element.style.setProperty(SCROLL_LEFT_VAR, `${left}px`);
      element.removeAttribute(HSCROLL_ATTRIBUTE);
    };
    const onScroll = () => {
      if (element.scrollLeft === left) return; // a vertical scroll: nothing to do
      left = element.scrollLeft;
      if (timer === undefined) element.setAttribute(HSCROLL_ATTRIBUTE, '');
      else window.clearTimeout(timer);
      timer = window.setTimeout(settle, SETTLE_MS);
    };
    settle();
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [scroller]);
}
