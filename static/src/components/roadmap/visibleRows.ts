/**
 * Pure row maths of the roadmap: which of the rows showing the scroll position puts on screen, and where
 * keyboard moves go (the server decides which rows collapsing leaves showing). No React here.
 */

export interface RowWindow {
  /** Index of the first and last row to render (inclusive); last < first when there is nothing to render. */
  first: number;
  last: number;
  /** Where the first rendered row sits, and the height of all rows. */
  offsetTop: number;
  totalHeight: number;
}

export interface WindowInput {
  /** Scroll offset into the rows (0 = first row at the top of the viewport). */
  scrollTop: number;
  /** Height available to rows (the viewport minus any sticky header). */
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  overscan: number;
}

/** The rows that are on screen, plus `overscan` rows either side, clamped to the list. */
export function visibleWindow({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: WindowInput): RowWindow {
  const totalHeight = rowCount * rowHeight;
  if (rowCount <= 0) return { first: 0, last: -1, offsetTop: 0, totalHeight: 0 };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, totalHeight - 1));
  const height = Math.max(0, viewportHeight);
  const firstOnScreen = Math.floor(top / rowHeight);
  const lastOnScreen = Math.max(firstOnScreen, Math.ceil((top + height) / rowHeight) - 1);
  const first = Math.max(0, firstOnScreen - overscan);
  const last = Math.min(rowCount - 1, lastOnScreen + overscan);
  return { first, last, offsetTop: first * rowHeight, totalHeight };
}

/**
 * A band of rows holding rows first..last: it starts on a multiple of `block` and its length depends only on the
 * window's, so what is drawn for the band (the dependency arrows) changes once per block scrolled, not once per row.
 */
export function blockRange(first: number, last: number, block: number, rowCount: number): { first: number; last: number } {
  if (rowCount <= 0 || last < first) return { first: 0, last: -1 };
  const size = Math.max(1, Math.floor(block));
  const start = Math.max(0, Math.floor(first / size) * size);
  // A length that depends on the window's length only, so the band moves when its start does, not twice a block.
  const length = Math.ceil((last - first + size) / size) * size;
  return { first: start, last: Math.min(rowCount - 1, start + length - 1) };
}

/** The scroll offset that brings row `index` fully on screen, moving as little as possible. */
export function revealScrollTop(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return Math.max(0, top + rowHeight - viewportHeight);
  return scrollTop;
}

/** Where a navigation key moves the focused row; null for keys that do not move it. */
export function moveIndex(key: string, current: number, count: number, pageSize: number): number | null {
  if (count <= 0) return null;
  const clamp = (n: number) => Math.min(count - 1, Math.max(0, n));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + Math.max(1, pageSize));
    case 'PageUp':
      return clamp(current - Math.max(1, pageSize));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
