import { useCallback, useEffect, useRef, useState } from 'react';
import type { RoadmapRowDto } from '../../../../src/contract';
import { moveIndex } from './visibleRows';

interface RowKeysInput {
  rows: readonly RoadmapRowDto[];
  indexById: ReadonlyMap<string, number>;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  reveal: (index: number) => void;
  pageSize: number;
  container: React.RefObject<HTMLElement | null>;
}

/**
 * Roving focus over the rows (one row is in the tab order) and the tree keys:
 * ↑ ↓ PageUp PageDown Home End move, Enter / Space toggle, → expands, ← collapses or goes to the parent.
 */
export function useRowKeys({ rows, indexById, collapsed, onToggle, reveal, pageSize, container }: RowKeysInput) {
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const current = Math.max(0, Math.min(active, rows.length - 1));

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
      const row = rows[index];
      if (!row) return;
      const next = moveIndex(event.key, index, rows.length, pageSize);
      const expanded = row.hasChildren && !collapsed.has(row.id);
      const parent = row.parentId === null ? undefined : indexById.get(row.parentId);
      if (next !== null) focusRow(next);
      else if (event.key === 'Enter' || event.key === ' ') {
        if (row.hasChildren) onToggle(row.id);
      }
      else if (event.key === 'ArrowRight' && row.hasChildren && !expanded) onToggle(row.id);
      else if (event.key === 'ArrowLeft' && expanded) onToggle(row.id);
      else if (event.key === 'ArrowLeft' && parent !== undefined) focusRow(parent);
      else return;
      event.preventDefault();
    },
    [rows, indexById, collapsed, onToggle, pageSize, focusRow],
  );

  /** A click or Tab into a row makes it the active one. */
  const onFocus = useCallback((event: React.FocusEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (row) setActive(Number(row.dataset.rowIndex));
  }, []);

  return { active: current, onKeyDown, onFocus };
}
