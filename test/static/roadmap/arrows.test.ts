import type { DependencyDto, RowDatesDto } from '../../../src/contract';
import { arrowHead, arrowPath, arrowPoints, clipArrow, clipPath, milestoneX, pathOf, rowSpan, spanEnd, spanStart, visibleArrows, type RowSpan } from '../../../static/src/components/roadmap/arrows';
import { createScale } from '../../../static/src/components/roadmap/timeScale';

// Month zoom from 2025-12-01, 4 px a day.
const scale = createScale(['2026-01-05', '2026-04-30'], '2026-02-10', 'month');

describe('what a row shows', () => {
  it('a bar from the start day to the end of the due day', () => {
    // 2026-01-05 is 35 days in; 2026-01-09 ends 40 days in.
    expect(rowSpan({ start: '2026-01-05', due: '2026-01-09' }, scale)).toEqual({ kind: 'bar', startX: 140, endX: 160 });
    // A one-day bar is one day wide.
    expect(rowSpan({ start: '2026-01-05', due: '2026-01-05' }, scale)).toEqual({ kind: 'bar', startX: 140, endX: 144 });
    // Dates the wrong way round still give a bar over the same days.
    expect(rowSpan({ start: '2026-01-09', due: '2026-01-05' }, scale)).toEqual({ kind: 'bar', startX: 140, endX: 160 });
  });

  it('a marker for a single known date, nothing without dates', () => {
    expect(rowSpan({ start: '2026-01-05', due: null }, scale)).toEqual({ kind: 'start', x: 140 });
    expect(rowSpan({ start: null, due: '2026-01-09' }, scale)).toEqual({ kind: 'due', x: 160 });
    expect(rowSpan({ start: null, due: null }, scale)).toEqual({ kind: 'none' });
  });

  it('arrows leave at the end and enter at the start', () => {
    const bar: RowSpan = { kind: 'bar', startX: 10, endX: 50 };
    expect([spanStart(bar), spanEnd(bar)]).toEqual([10, 50]);
    expect([spanStart({ kind: 'due', x: 7 }), spanEnd({ kind: 'start', x: 9 })]).toEqual([7, 9]);
    expect([spanStart({ kind: 'none' }), spanEnd({ kind: 'none' })]).toEqual([null, null]);
  });

  it('a milestone at the end of its due day', () => {
    expect(milestoneX('2026-01-09', scale)).toBe(160);
    expect(milestoneX(null, scale)).toBeNull();
  });
});

describe('arrow paths', () => {
  it('with room: out, down, in', () => {
    expect(arrowPath({ x: 100, y: 16 }, { x: 200, y: 80 }, 8, 32)).toBe('M 100 16 H 108 V 80 H 200');
    expect(arrowPath({ x: 100, y: 80 }, { x: 116, y: 16 }, 8, 32)).toBe('M 100 80 H 108 V 16 H 116');
  });

  it('without room: out, along the border before the target row, back, in', () => {
    // Down: the border above the target row (80 - 16).
    expect(arrowPath({ x: 200, y: 16 }, { x: 100, y: 80 }, 8, 32)).toBe('M 200 16 H 208 V 64 H 92 V 80 H 100');
    // Up: the border below the target row.
    expect(arrowPath({ x: 200, y: 80 }, { x: 100, y: 16 }, 8, 32)).toBe('M 200 80 H 208 V 32 H 92 V 16 H 100');
    // Same row: below it.
    expect(arrowPath({ x: 200, y: 16 }, { x: 100, y: 16 }, 8, 32)).toBe('M 200 16 H 208 V 32 H 92 V 16 H 100');
    // Just short of room (gap 8 needs 16).
    expect(arrowPath({ x: 100, y: 16 }, { x: 115, y: 48 }, 8, 32)).toBe('M 100 16 H 108 V 32 H 107 V 48 H 115');
  });

  it('a head pointing right with its tip on the target', () => {
    expect(arrowHead({ x: 100, y: 80 })).toBe('M 100 80 L 95 75 L 95 85 Z');
  });
});

describe('which arrows are drawn', () => {
  // Rows a..d at indexes 0, 1, 50 and 100 (most of them outside any loaded page); e has no dates.
  const index: Record<string, number> = { a: 0, b: 1, c: 50, d: 100, e: 2 };
  const dates: Record<string, RowDatesDto> = {
    a: { start: '2025-12-01', due: '2025-12-10' }, // x 0 → 40
    b: { start: '2025-12-21', due: '2025-12-30' }, // x 80 → 120
    c: { start: '2025-12-16', due: null }, // x 60
    d: { start: '2025-12-03', due: '2025-12-05' },
    e: { start: null, due: null },
  };
  const dep = (from: string, to: string, violated = false): DependencyDto => ({
    fromRowId: from, toRowId: to, fromKey: from, toKey: to, violated,
    fromIndex: index[from] ?? null, toIndex: index[to] ?? null,
    fromDates: dates[from] ?? { start: null, due: null }, toDates: dates[to] ?? { start: null, due: null },
  });
  const input = { scale, first: 0, last: 10, rowHeight: 32, gap: 8 };

  it('draws from the blocking bar end to the blocked bar start', () => {
    const arrows = visibleArrows({ ...input, dependencies: [dep('a', 'b', true)] });
    expect(arrows).toHaveLength(1);
    expect(arrows[0]).toMatchObject({ id: 'a->b', path: 'M 40 16 H 48 V 48 H 80', head: 'M 80 48 L 75 43 L 75 53 Z' });
    expect(arrows[0]?.dependency.violated).toBe(true);
  });

  it('keeps arrows with one end in the window, drops those with none, hidden rows or no dates', () => {
    const arrows = visibleArrows({
      ...input,
      dependencies: [dep('a', 'c'), dep('c', 'd'), dep('a', 'hidden'), dep('a', 'e'), dep('b', 'a')],
    });
    expect(arrows.map((a) => a.id)).toEqual(['a->c', 'b->a']);
    expect(arrows[0]?.path).toBe('M 40 16 H 48 V 1616 H 60');
  });

  it('reaches a row far outside the window from its index and dates alone', () => {
    const arrows = visibleArrows({ ...input, first: 95, last: 110, dependencies: [dep('a', 'd'), dep('a', 'b')] });
    expect(arrows.map((a) => a.id)).toEqual(['a->d']);
    expect(arrows[0]?.head).toBe('M 8 3216 L 3 3211 L 3 3221 Z');
  });
});

describe('arrows cut to the rows drawn', () => {
  // Out of row 0 (y 16) at x 100, down to row 1000 (y 32016), in at x 200: M 100 16 H 108 V 32016 H 200.
  const long = arrowPoints({ x: 100, y: 16 }, { x: 200, y: 32016 }, 8, 32);

  it('has its corners as points, the same path as before', () => {
    expect(pathOf(long)).toBe('M 100 16 H 108 V 32016 H 200');
    expect(pathOf(arrowPoints({ x: 200, y: 16 }, { x: 100, y: 80 }, 8, 32))).toBe('M 200 16 H 208 V 64 H 92 V 80 H 100');
    expect(pathOf([])).toBe('');
  });

  it('keeps a path inside the band whole', () => {
    expect(clipPath(long, 0, 40000)).toEqual([{ d: 'M 100 16 H 108 V 32016 H 200', offset: 0 }]);
  });

  it('keeps only the stretch inside the band, with how far along the path it starts', () => {
    // The rows 500..531 drawn: the vertical run from y 16000 to 17024 only; 8 px out and 15984 px down before it.
    expect(clipPath(long, 16000, 17024)).toEqual([{ d: 'M 108 16000 V 17024', offset: 8 + 15984 }]);
    // The band at the start: out and down to the band's bottom.
    expect(clipPath(long, 0, 512)).toEqual([{ d: 'M 100 16 H 108 V 512', offset: 0 }]);
    // The band at the end: down from the band's top, and in.
    expect(clipPath(long, 31744, 32256)).toEqual([{ d: 'M 108 31744 V 32016 H 200', offset: 8 + 31728 }]);
    // Nowhere near it.
    expect(clipPath(long, 40000, 41000)).toEqual([]);
  });

  it('cuts a path that leaves the band and comes back into two pieces', () => {
    // Down from y 0 to 100, right, back up to 10: the band 50..60 holds both vertical runs.
    const there = [{ x: 0, y: 0 }, { x: 0, y: 100 }, { x: 10, y: 100 }, { x: 10, y: 10 }];
    expect(clipPath(there, 50, 60)).toEqual([
      { d: 'M 0 50 V 60', offset: 50 },
      { d: 'M 10 60 V 50', offset: 100 + 10 + 40 },
    ]);
  });

  it('draws the head only when the blocked row is in the band', () => {
    const [arrow] = visibleArrows({
      dependencies: [{ fromRowId: 'a', toRowId: 'b', fromKey: 'A', toKey: 'B', violated: true, fromIndex: 0, toIndex: 1000, fromDates: { start: '2025-12-01', due: '2025-12-10' }, toDates: { start: '2026-01-05', due: '2026-01-09' } }],
      scale, first: 0, last: 15, rowHeight: 32, gap: 8,
    });
    if (!arrow) throw new Error('no arrow');
    expect(arrow.path).toBe('M 40 16 H 48 V 32016 H 140');
    expect(clipArrow(arrow, 0, 512)).toEqual({ pieces: [{ d: 'M 40 16 H 48 V 512', offset: 0 }], head: null });
    expect(clipArrow(arrow, 31744, 32256)).toEqual({ pieces: [{ d: 'M 48 31744 V 32016 H 140', offset: 8 + 31728 }], head: arrow.head });
  });

  it('never draws more than the band of any arrow, however far its rows are apart', () => {
    for (const toY of [16, 48, 3216, 160016]) {
      for (const [fromX, toX] of [[100, 300], [300, 100]] as const) {
        const points = arrowPoints({ x: fromX, y: 16 }, { x: toX, y: toY }, 8, 32);
        for (const [top, bottom] of [[0, 512], [1024, 1536], [159744, 160256]] as const) {
          for (const piece of clipPath(points, top, bottom)) {
            const ys = [...piece.d.matchAll(/([MLHV]) ([-\d.]+)(?: ([-\d.]+))?/g)].flatMap(([, command, a, b]) => (command === 'V' ? [Number(a)] : command === 'H' ? [] : [Number(b)]));
            for (const y of ys) expect(y >= top && y <= bottom).toBe(true);
          }
        }
      }
    }
  });
});
