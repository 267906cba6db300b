import { barLength, labelIndexes, niceStep, niceTicks, seriesGeometry, shortDate, stackSegments, type ChartBox } from '../../../static/src/components/reports/charts';

describe('round ticks', () => {
  it.each([
    [1, 1],
    [1.75, 2],
    [3, 5],
    [6, 10],
    [10, 10],
    [25, 50],
    [0.075, 0.1],
  ])('the nice step at least %p is %p', (raw, step) => {
    expect(niceStep(raw)).toBe(step);
  });

  it('go from 0 by about a quarter of the top, up to the first tick at or above it', () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]); // 7 / 4 = 1.75 → step 2
    expect(niceTicks(12)).toEqual([0, 5, 10, 15]); // 3 → 5
    expect(niceTicks(40)).toEqual([0, 10, 20, 30, 40]); // 10 → 10
    expect(niceTicks(100)).toEqual([0, 50, 100]); // 25 → 50
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]); // no 0.30000000000000004
    expect(niceTicks(1)).toEqual([0, 0.5, 1]);
  });

  it('keep whole steps for counts, and an axis to 1 when there is nothing', () => {
    expect(niceTicks(1, 4, 1)).toEqual([0, 1]);
    expect(niceTicks(3, 4, 1)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(-5)).toEqual([0, 1]);
  });
});

describe('date labels', () => {
  it('are short', () => {
    expect(shortDate('2026-03-07')).toBe('7 Mar');
    expect(shortDate('2025-12-31')).toBe('31 Dec');
    expect(shortDate('week 9')).toBe('week 9');
  });

  it('go on every point up to six, then on every step-th', () => {
    expect(labelIndexes(0)).toEqual([]);
    expect(labelIndexes(5)).toEqual([0, 1, 2, 3, 4]);
    expect(labelIndexes(6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(labelIndexes(13)).toEqual([0, 3, 6, 9, 12]); // step ⌈13 / 6⌉ = 3
  });
});

describe('seriesGeometry', () => {
  // x runs from 10 to 110, y from 90 (zero) up to 10 (the top tick).
  const box: ChartBox = { width: 120, height: 100, margin: { top: 10, right: 10, bottom: 10, left: 10 } };
  const weeks = ['2026-03-01', '2026-03-08', '2026-03-15'];

  it('places weekly points by date and values against round ticks', () => {
    const g = seriesGeometry(weeks, [[0, 4, 8], [2, 2, 2]], box);
    expect(g.xs).toEqual([10, 60, 110]);
    // Top tick 8: y = 90 − v / 8 × 80.
    expect(g.yTicks).toEqual([
      { y: 90, value: 0 },
      { y: 70, value: 2 },
      { y: 50, value: 4 },
      { y: 30, value: 6 },
      { y: 10, value: 8 },
    ]);
    expect(g.lines.map((l) => l.path)).toEqual(['M10,90L60,50L110,10', 'M10,70L60,70L110,70']);
    expect(g.lines[0]?.points.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(g.xLabels).toEqual([
      { x: 10, label: '1 Mar' },
      { x: 60, label: '8 Mar' },
      { x: 110, label: '15 Mar' },
    ]);
  });

  it('puts a single date mid-chart', () => {
    const g = seriesGeometry(['2026-03-01'], [[5]], box);
    // 5 / 4 = 1.25 → step 2, top 6: y = 90 − 5 / 6 × 80 = 23.33…
    expect(g.lines[0]?.points).toEqual([{ x: 60, y: 23.3, index: 0 }]);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6]);
  });

  it('leaves out dates it cannot read, values and all', () => {
    const g = seriesGeometry(['2026-03-01', 'nope', '2026-03-15'], [[1, 99, 3]], box, true);
    // Top tick 3 (the 99 is dropped): y(1) = 90 − 80 / 3 = 63.33…
    expect(g.lines[0]?.points).toEqual([
      { x: 10, y: 63.3, index: 0 },
      { x: 110, y: 10, index: 2 },
    ]);
  });

  it('uses whole ticks for counts', () => {
    expect(seriesGeometry(weeks, [[0, 1, 1]], box, true).yTicks.map((t) => t.value)).toEqual([0, 1]);
    expect(seriesGeometry(weeks, [[0, 1, 1]], box).yTicks.map((t) => t.value)).toEqual([0, 0.5, 1]);
  });

  it('draws nothing without dates', () => {
    const g = seriesGeometry([], [[]], box);
    expect(g.xs).toEqual([]);
    expect(g.lines).toEqual([{ points: [], path: '' }]);
    expect(g.yTicks.map((t) => t.value)).toEqual([0, 1]);
  });
});

describe('bars', () => {
  it('are as long as their share of the longest', () => {
    expect(barLength(5, 10, 300)).toBe(150);
    expect(barLength(1, 3, 100)).toBe(33.3);
    expect(barLength(15, 10, 300)).toBe(300);
    expect(barLength(0, 10, 300)).toBe(0);
    expect(barLength(-1, 10, 300)).toBe(0);
    expect(barLength(5, 0, 300)).toBe(0);
  });

  it('stack side by side in proportion, empty kinds taking no room', () => {
    // 3 + 1 + 0 + 2 = 6 items on 720: 360, 120, 0, 240.
    expect(stackSegments([3, 1, 0, 2], 720)).toEqual([
      { x: 0, width: 360 },
      { x: 360, width: 120 },
      { x: 480, width: 0 },
      { x: 480, width: 240 },
    ]);
    expect(stackSegments([1, 1, 1], 100)).toEqual([
      { x: 0, width: 33.3 },
      { x: 33.3, width: 33.3 },
      { x: 66.6, width: 33.3 },
    ]);
    expect(stackSegments([0, 0], 100)).toEqual([
      { x: 0, width: 0 },
      { x: 0, width: 0 },
    ]);
  });
});
