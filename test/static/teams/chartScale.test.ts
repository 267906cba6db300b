import type { ConversionPointDto } from '../../../src/contract';
import { chartGeometry, dayOf, linearScale, monthTicks, percentText, type ChartBox } from '../../../static/src/components/teams/chartScale';

const point = (date: string, ratio: number, total = 10): ConversionPointDto => ({ date, ratio, total, converted: Math.round(ratio * total) });

describe('dayOf and linearScale', () => {
  it('counts whole UTC days', () => {
    expect(dayOf('1970-01-01')).toBe(0);
    expect(dayOf('1970-01-02')).toBe(1);
    expect(dayOf('2025-03-01')! - dayOf('2025-02-01')!).toBe(28);
    expect(dayOf('2025-3-1')).toBeNull();
  });

  it('maps a domain onto a range, reversed ranges too', () => {
    expect(linearScale(0, 10, 100, 200)(5)).toBe(150);
    expect(linearScale(0, 1, 212, 16)(0.25)).toBe(163);
    expect(linearScale(4, 4, 0, 100)(4)).toBe(50);
  });

  it('writes percents like the contract', () => {
    expect(percentText(0.8)).toBe('80 %');
    expect(percentText(0.125)).toBe('12.5 %');
    expect(percentText(1 / 3)).toBe('33.3 %');
    expect(percentText(0)).toBe('0 %');
  });
});

describe('monthTicks', () => {
  it('puts a tick on each first of the month, the year on the first tick and on January', () => {
    const ticks = monthTicks(dayOf('2024-11-15')!, dayOf('2025-02-01')!);
    expect(ticks).toEqual([
      { day: dayOf('2024-12-01'), label: 'Dec', year: '2024' },
      { day: dayOf('2025-01-01'), label: 'Jan', year: '2025' },
      { day: dayOf('2025-02-01'), label: 'Feb', year: null },
    ]);
  });

  it('includes a first of the month at either end, and gives none inside one month', () => {
    expect(monthTicks(dayOf('2025-03-01')!, dayOf('2025-03-31')!)).toEqual([{ day: dayOf('2025-03-01'), label: 'Mar', year: '2025' }]);
    expect(monthTicks(dayOf('2025-03-02')!, dayOf('2025-03-31')!)).toEqual([]);
  });
});

describe('chartGeometry', () => {
  // 84 days over 168 px: 2 px a day from x = 10; y = 100 − 100 × ratio.
  const box: ChartBox = { width: 188, height: 100, margin: { top: 0, right: 10, bottom: 0, left: 10 } };

  it('places weekly points, a step line, month ticks, percent ticks and the target', () => {
    const g = chartGeometry([point('2025-01-03', 0), point('2025-01-10', 0.2), point('2025-03-28', 0.5)], 0.8, box);
    expect(g.points.map(({ x, y }) => [x, y])).toEqual([
      [10, 100],
      [24, 80],
      [178, 50],
    ]);
    expect(g.path).toBe('M10,100H24V80H178V50');
    // Feb 1 is 29 days after Jan 3, Mar 1 is 57 days after.
    expect(g.xTicks).toEqual([
      { x: 68, label: 'Feb', year: '2025' },
      { x: 124, label: 'Mar', year: null },
    ]);
    expect(g.yTicks).toEqual([
      { y: 100, label: '0 %' },
      { y: 75, label: '25 %' },
      { y: 50, label: '50 %' },
      { y: 25, label: '75 %' },
      { y: 0, label: '100 %' },
    ]);
    expect(g.targetY).toBe(20);
  });

  it('centres a single point in a two-week window', () => {
    const g = chartGeometry([point('2025-03-05', 1)], 0.8, box);
    expect(g.points.map(({ x, y }) => [x, y])).toEqual([[94, 0]]);
    expect(g.path).toBe('M94,0');
  });

  it('draws nothing but the axes for an empty history, and keeps ratios inside 0..1', () => {
    expect(chartGeometry([], 0.8, box)).toMatchObject({ points: [], path: '', targetY: 20 });
    const g = chartGeometry([point('2025-01-01', 1.5), point('bad', 0.5), point('2025-01-08', -1)], 2, box);
    expect(g.points.map(({ y }) => y)).toEqual([0, 100]);
    expect(g.targetY).toBe(0);
  });
});
