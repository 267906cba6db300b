import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoadmapRowDto } from '../../../../src/contract';
import { moveIndex } from './visibleRows';

interface RowKeysInput {
  /** Rows showing, in all (most of them not loaded). */
  total: number;
  /** The row at an index, when its page is loaded. */
  rowAt: (index: number) => RoadmapRowDto | undefined;
  onToggle: (id: string) => void;
  reveal: (index: number) => void;
  pageSize: number;
  container: React.RefObject<HTMLElement | null>;
}

/**
 * Roving focus over the rows (one row is in the tab order) and the tree keys:
 * ↑ ↓ PageUp PageDown Home End move, Enter / Space toggle, → expands, ← collapses or goes to the parent.
 * Moves work over rows still loading; toggles wait for the row to be there.
 */
export function useRowKeys({ total, rowAt, onToggle, reveal, pageSize, container }: RowKeysInput) {
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const current = Math.max(0, Math.min(active, total - 1));

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    container.current?.querySelector<HTMLElement>(`[data-row-index="${current}"]`)?.focus({ preventScroll: true });
  });

  const focusRow = useCallback(
    (index: number) => {
      setActive(index);
      reveal(index);
      focusPending.current = true;
    },
    [reveal],
  );

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      if (target.getAttribute('role') !== 'row') return; // the toggle button handles its own keys
      const index = Number(target.dataset.rowIndex);
      const next = moveIndex(event.key, index, total, pageSize);
      const row = rowAt(index);
      const expanded = row !== undefined && row.hasChildren && !row.collapsed;
      if (next !== null) focusRow(next);
      else if (row === undefined) return;
      else if (event.key === 'Enter' || event.key === ' ') {
        if (row.hasChildren) onToggle(row.id);
      }
      else if (event.key === 'ArrowRight' && row.hasChildren && !expanded) onToggle(row.id);
      else if (event.key === 'ArrowLeft' && expanded) onToggle(row.id);
      else if (event.key === 'ArrowLeft' && row.parentIndex !== null) focusRow(row.parentIndex);
      else return;
      event.preventDefault();
    },
    [total, rowAt, onToggle, pageSize, focusRow],
  );

  /** A click or Tab into a row makes it the active one. */
  const onFocus = useCallback((event: React.FocusEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (row) setActive(Number(row.dataset.rowIndex));
  }, []);

  return { active: current, onKeyDown, onFocus };
}
