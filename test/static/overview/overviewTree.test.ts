import { allRowsInOrder, initiallyExpanded, keyAction, shownRows, type OverviewFilter } from '../../../static/src/components/overview/overviewTree';
import { TREE } from './rows';

const NONE: OverviewFilter = { text: '', typeName: null };
const ALL = new Set(['A', 'A1', 'B']);
const ids = (shown: ReturnType<typeof shownRows>) => shown.map(({ row }) => row.id);

describe('the Overview tree', () => {
  it('shows the top rows with the first level open at first, children under their parents', () => {
    expect([...initiallyExpanded(TREE)]).toEqual(['A', 'B']);
    const shown = shownRows(TREE, null, NONE, initiallyExpanded(TREE));
    expect(ids(shown)).toEqual(['A', 'A1', 'A2', 'B', 'B1', 'C']);
    expect(shown.map(({ expanded }) => expanded)).toEqual([true, false, null, true, null, null]);
  });

  it('sorts siblings only, so every row stays under its parent; "–" sorts below 0 % either way round', () => {
    expect(ids(shownRows(TREE, { column: 'progress', direction: 'asc' }, NONE, ALL))).toEqual(['B', 'B1', 'A', 'A2', 'A1', 'A1x', 'C']);
    expect(ids(shownRows(TREE, { column: 'progress', direction: 'desc' }, NONE, ALL))).toEqual(['C', 'A', 'A1', 'A1x', 'A2', 'B', 'B1']);
  });

  it('keeps empty dates and people last whichever way a column is sorted', () => {
    expect(ids(shownRows(TREE, { column: 'due', direction: 'asc' }, NONE, new Set()))).toEqual(['C', 'A', 'B']);
    expect(ids(shownRows(TREE, { column: 'due', direction: 'desc' }, NONE, new Set()))).toEqual(['A', 'C', 'B']);
    expect(ids(shownRows(TREE, { column: 'owner', direction: 'desc' }, NONE, new Set()))).toEqual(['A', 'B', 'C']);
    expect(ids(shownRows(TREE, { column: 'due', direction: 'asc' }, NONE, new Set(['A'])))).toEqual(['C', 'A', 'A1', 'A2', 'B']);
  });

  it('sorts by slip against a baseline, boxes the baseline did not keep last', () => {
    const compared = TREE.map((row) => ({ ...row, baseline: row.id === 'A' ? { start: null, due: null, slipDays: 3, progressDelta: null } : row.id === 'C' ? { start: null, due: null, slipDays: 10, progressDelta: 0.1 } : null }));
    expect(ids(shownRows(compared, { column: 'slip', direction: 'desc' }, NONE, new Set()))).toEqual(['C', 'A', 'B']);
    expect(ids(shownRows(compared, { column: 'slip', direction: 'asc' }, NONE, new Set()))).toEqual(['A', 'C', 'B']);
    expect(ids(shownRows(compared, { column: 'progressDelta', direction: 'asc' }, NONE, new Set()))).toEqual(['C', 'A', 'B']);
  });

  it('sorts by open risks worst band first, and by schedule late first', () => {
    expect(ids(shownRows(TREE, { column: 'risks', direction: 'desc' }, NONE, new Set()))).toEqual(['C', 'A', 'B']);
    expect(ids(shownRows(TREE, { column: 'schedule', direction: 'asc' }, NONE, new Set()))[0]).toBe('B');
  });

  it('filters by text or type and keeps the way down to every match open, whatever was closed', () => {
    expect(ids(shownRows(TREE, null, { text: 'payments', typeName: null }, new Set()))).toEqual(['B', 'B1']);
    expect(ids(shownRows(TREE, null, { text: 'a1X', typeName: null }, new Set()))).toEqual(['A', 'A1', 'A1x']);
    expect(ids(shownRows(TREE, null, { text: '', typeName: 'Initiative' }, new Set()))).toEqual(['A', 'A1', 'A2']);
    expect(ids(shownRows(TREE, null, { text: 'zoe', typeName: null }, new Set()))).toEqual(['A']);
    expect(shownRows(TREE, null, { text: 'nothing like it', typeName: null }, ALL)).toEqual([]);
  });

  it('exports every kept row, closed or not, in the order shown', () => {
    expect(allRowsInOrder(TREE, { column: 'progress', direction: 'desc' }, NONE).map((row) => row.id)).toEqual(['C', 'A', 'A1', 'A1x', 'A2', 'B', 'B1']);
  });
});

describe('the Overview\'s keys', () => {
  const shown = shownRows(TREE, null, NONE, initiallyExpanded(TREE)); // A ▾, A1 ▸, A2, B ▾, B1, C

  it('move down, up, home and end, stopping at the ends', () => {
    expect(keyAction('ArrowDown', shown, 0)).toEqual({ kind: 'focus', index: 1 });
    expect(keyAction('ArrowDown', shown, 5)).toEqual({ kind: 'focus', index: 5 });
    expect(keyAction('ArrowUp', shown, 0)).toEqual({ kind: 'focus', index: 0 });
    expect(keyAction('End', shown, 1)).toEqual({ kind: 'focus', index: 5 });
    expect(keyAction('Home', shown, 4)).toEqual({ kind: 'focus', index: 0 });
  });

  it('→ opens a closed row, then moves into it; ← closes an open row, else goes to the parent', () => {
    expect(keyAction('ArrowRight', shown, 1)).toEqual({ kind: 'expand', id: 'A1' });
    expect(keyAction('ArrowRight', shown, 0)).toEqual({ kind: 'focus', index: 1 });
    expect(keyAction('ArrowRight', shown, 2)).toBeNull();
    expect(keyAction('ArrowLeft', shown, 0)).toEqual({ kind: 'collapse', id: 'A' });
    expect(keyAction('ArrowLeft', shown, 2)).toEqual({ kind: 'focus', index: 0 });
    expect(keyAction('ArrowLeft', shown, 5)).toBeNull();
  });

  it('Enter opens the box; other keys do nothing', () => {
    expect(keyAction('Enter', shown, 4)).toEqual({ kind: 'open', id: 'B1' });
    expect(keyAction('a', shown, 4)).toBeNull();
    expect(keyAction('ArrowDown', [], 0)).toBeNull();
  });
});
