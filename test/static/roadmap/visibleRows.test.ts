import { blockRange, moveIndex, revealScrollTop, visibleWindow } from '../../../static/src/components/roadmap/visibleRows';

describe('the virtual window', () => {
  const base = { viewportHeight: 320, rowHeight: 32, rowCount: 5000, overscan: 5 };

  it('at the top: the first ten rows plus overscan below only', () => {
    expect(visibleWindow({ ...base, scrollTop: 0 })).toEqual({ first: 0, last: 14, offsetTop: 0, totalHeight: 160000 });
  });

  it('in the middle: overscan on both sides, a part-visible row counts', () => {
    // Rows 100..110 are on screen (row 100 from y=3200, part of row 110 at the bottom).
    expect(visibleWindow({ ...base, scrollTop: 3210 })).toEqual({ first: 95, last: 115, offsetTop: 95 * 32, totalHeight: 160000 });
    // Exactly aligned: rows 100..109.
    expect(visibleWindow({ ...base, scrollTop: 3200 })).toMatchObject({ first: 95, last: 114 });
  });

  it('at the bottom: clamped to the last row', () => {
    expect(visibleWindow({ ...base, scrollTop: 160000 - 320 })).toMatchObject({ first: 4985, last: 4999, offsetTop: 4985 * 32 });
    // Over-scrolled (e.g. rows were just collapsed): still a sensible window at the end.
    expect(visibleWindow({ ...base, scrollTop: 999999 })).toMatchObject({ first: 4994, last: 4999 });
  });

  it('handles fewer rows than fit, no rows, and a negative offset', () => {
    expect(visibleWindow({ ...base, rowCount: 3, scrollTop: 0 })).toEqual({ first: 0, last: 2, offsetTop: 0, totalHeight: 96 });
    expect(visibleWindow({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ first: 0, last: -1, offsetTop: 0, totalHeight: 0 });
    expect(visibleWindow({ ...base, scrollTop: -50 })).toMatchObject({ first: 0, last: 14 });
  });

  it('renders a bounded number of rows wherever it is scrolled', () => {
    for (let top = 0; top < 160000; top += 997) {
      const { first, last } = visibleWindow({ ...base, scrollTop: top });
      expect(last - first + 1).toBeLessThanOrEqual(10 + 1 + 2 * 5);
    }
  });
});

describe('keeping the focused row on screen', () => {
  it('scrolls up or down just enough, or not at all', () => {
    expect(revealScrollTop(5, 320, 320, 32)).toBe(160); // above: to its top
    expect(revealScrollTop(30, 320, 320, 32)).toBe(31 * 32 - 320); // below: to its bottom
    expect(revealScrollTop(12, 320, 320, 32)).toBe(320); // already visible
    expect(revealScrollTop(0, 0, 320, 32)).toBe(0);
  });
});

describe('keyboard moves', () => {
  it('moves by one, by a page, and to the ends, clamped', () => {
    expect(moveIndex('ArrowDown', 3, 10, 4)).toBe(4);
    expect(moveIndex('ArrowDown', 9, 10, 4)).toBe(9);
    expect(moveIndex('ArrowUp', 0, 10, 4)).toBe(0);
    expect(moveIndex('PageDown', 3, 10, 4)).toBe(7);
    expect(moveIndex('PageDown', 8, 10, 4)).toBe(9);
    expect(moveIndex('PageUp', 2, 10, 4)).toBe(0);
    expect(moveIndex('Home', 5, 10, 4)).toBe(0);
    expect(moveIndex('End', 5, 10, 4)).toBe(9);
  });

  it('ignores other keys and empty lists', () => {
    expect(moveIndex('Enter', 3, 10, 4)).toBeNull();
    expect(moveIndex('ArrowDown', 0, 0, 4)).toBeNull();
  });
});

describe('bands of rows', () => {
  it('widens the rendered rows to whole bands, clamped to the list', () => {
    expect(blockRange(0, 20, 16, 5000)).toEqual({ first: 0, last: 47 });
    expect(blockRange(17, 47, 16, 5000)).toEqual({ first: 16, last: 63 });
    expect(blockRange(31, 61, 16, 5000)).toEqual({ first: 16, last: 63 });
    expect(blockRange(4990, 4999, 16, 5000)).toEqual({ first: 4976, last: 4999 });
    expect(blockRange(0, 2, 16, 3)).toEqual({ first: 0, last: 2 });
    expect(blockRange(0, -1, 16, 0)).toEqual({ first: 0, last: -1 });
  });

  it('changes once a band while scrolling row by row', () => {
    const bands = new Set<string>();
    for (let top = 0; top <= 160; top += 1) {
      const { first, last } = visibleWindow({ scrollTop: top * 32, viewportHeight: 640, rowHeight: 32, rowCount: 5000, overscan: 8 });
      const band = blockRange(first, last, 16, 5000);
      expect(band.first).toBeLessThanOrEqual(first);
      expect(band.last).toBeGreaterThanOrEqual(last);
      bands.add(`${band.first}-${band.last}`);
    }
    expect(bands.size).toBeLessThanOrEqual(Math.ceil(160 / 16) + 1);
  });
});
