import { addUnits, bandTicks, createScale, dayNumber, isoOf, isoWeek, scaleTicks, startOfUnit, xOfDay } from '../../../static/src/components/roadmap/timeScale';

const d = (iso: string): number => {
  const day = dayNumber(iso);
  if (day === null) throw new Error(`bad date ${iso}`);
  return day;
};

describe('days', () => {
  it('reads yyyy-mm-dd as whole UTC days and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-01-05')).toBe(20458);
    expect(isoOf(20458)).toBe('2026-01-05');
  });

  it('gives null for missing or unreadable dates', () => {
    expect(dayNumber(null)).toBeNull();
    expect(dayNumber('')).toBeNull();
    expect(dayNumber('5 Jan 2026')).toBeNull();
    expect(dayNumber('2026-01-05T10:00:00Z')).toBeNull();
  });

  it('finds unit starts: Monday weeks, months, quarters, years', () => {
    // 2026-02-12 is a Thursday.
    expect(isoOf(startOfUnit(d('2026-02-12'), 'week'))).toBe('2026-02-09');
    expect(isoOf(startOfUnit(d('2026-02-09'), 'week'))).toBe('2026-02-09');
    expect(isoOf(startOfUnit(d('2026-02-15'), 'week'))).toBe('2026-02-09'); // Sunday
    expect(isoOf(startOfUnit(d('1970-01-01'), 'week'))).toBe('1969-12-29');
    expect(isoOf(startOfUnit(d('2026-02-12'), 'month'))).toBe('2026-02-01');
    expect(isoOf(startOfUnit(d('2026-02-12'), 'quarter'))).toBe('2026-01-01');
    expect(isoOf(startOfUnit(d('2026-12-31'), 'quarter'))).toBe('2026-10-01');
    expect(isoOf(startOfUnit(d('2026-07-14'), 'year'))).toBe('2026-01-01');
  });

  it('adds units across year ends', () => {
    expect(isoOf(addUnits(d('2025-12-29'), 'week', 1))).toBe('2026-01-05');
    expect(isoOf(addUnits(d('2025-12-01'), 'month', 1))).toBe('2026-01-01');
    expect(isoOf(addUnits(d('2026-01-01'), 'month', -1))).toBe('2025-12-01');
    expect(isoOf(addUnits(d('2025-10-01'), 'quarter', 2))).toBe('2026-04-01');
    expect(isoOf(addUnits(d('2026-01-01'), 'year', 1))).toBe('2027-01-01');
  });

  it('numbers ISO weeks, including weeks that belong to the neighbouring year', () => {
    expect(isoWeek(d('2026-01-01'))).toEqual({ week: 1, year: 2026 }); // Thursday
    expect(isoWeek(d('2025-12-29'))).toEqual({ week: 1, year: 2026 }); // Monday of 2026-W01
    expect(isoWeek(d('2026-01-05'))).toEqual({ week: 2, year: 2026 });
    expect(isoWeek(d('2021-01-03'))).toEqual({ week: 53, year: 2020 });
    expect(isoWeek(d('2026-12-31'))).toEqual({ week: 53, year: 2026 });
  });
});

describe('scale per zoom', () => {
  const dates = ['2026-01-05', '2026-04-30', null];

  it('month: one spare month each side, 4 px a day', () => {
    const scale = createScale(dates, '2026-02-10', 'month');
    // Jan 2026 minus a month = 2025-12-01; Apr 2026 plus two months = 2026-06-01 (exclusive).
    expect(isoOf(scale.start)).toBe('2025-12-01');
    expect(isoOf(scale.end)).toBe('2026-06-01');
    expect(scale.dayWidth).toBe(4);
    expect(scale.width).toBe((31 + 31 + 28 + 31 + 30 + 31) * 4);
    // 2025-12-01 → 2026-01-05 is 35 days.
    expect(xOfDay(scale, d('2026-01-05'))).toBe(140);
  });

  it('week: Monday-aligned, 16 px a day', () => {
    const scale = createScale(dates, '2026-02-10', 'week');
    expect(isoOf(scale.start)).toBe('2025-12-29'); // the week of 2026-01-05 is W02; one spare week before
    expect(isoOf(scale.end)).toBe('2026-05-11'); // 2026-04-30 is in the week of 04-27; plus two weeks
    expect(xOfDay(scale, d('2026-01-05'))).toBe(7 * 16);
    expect(xOfDay(scale, d('2026-02-10'))).toBe(43 * 16);
  });

  it('quarter: 1.5 px a day', () => {
    const scale = createScale(dates, '2026-02-10', 'quarter');
    expect(isoOf(scale.start)).toBe('2025-10-01');
    expect(isoOf(scale.end)).toBe('2026-10-01');
    expect(xOfDay(scale, d('2026-01-01'))).toBe(92 * 1.5);
    expect(scale.width).toBe(365 * 1.5);
  });

  it('takes today into the range, and copes with no dates at all', () => {
    const scale = createScale([null, 'garbage'], '2026-02-10', 'month');
    expect(isoOf(scale.start)).toBe('2026-01-01');
    expect(isoOf(scale.end)).toBe('2026-04-01');
    const wide = createScale(['2026-01-05'], '2027-03-03', 'quarter');
    expect(isoOf(wide.end)).toBe('2027-07-01');
  });
});

describe('ticks', () => {
  it('month zoom: a cell per month, years above', () => {
    const scale = createScale(['2026-01-05', '2026-04-30'], '2026-02-10', 'month');
    const ticks = scaleTicks(scale);
    expect(ticks.map((t) => t.label)).toEqual(['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May']);
    expect(ticks.map((t) => t.x)).toEqual([0, 124, 248, 360, 484, 604]);
    expect(ticks.map((t) => t.width)).toEqual([124, 124, 112, 124, 120, 124]);
    expect(ticks[1]?.title).toBe('Jan 2026');
    // The upper band is clipped to the scale: 2025 shows only December.
    expect(bandTicks(scale).map((t) => [t.label, t.x, t.width])).toEqual([
      ['2025', 0, 124],
      ['2026', 124, 604],
    ]);
  });

  it('week zoom: ISO week numbers, months above', () => {
    const scale = createScale(['2026-01-05', '2026-01-20'], '2026-01-07', 'week');
    expect(isoOf(scale.start)).toBe('2025-12-29');
    expect(isoOf(scale.end)).toBe('2026-02-02');
    const ticks = scaleTicks(scale);
    expect(ticks.map((t) => t.label)).toEqual(['W1', 'W2', 'W3', 'W4', 'W5']);
    expect(ticks.map((t) => t.x)).toEqual([0, 112, 224, 336, 448]);
    expect(ticks[1]?.title).toBe('Week 2 of 2026, from 2026-01-05');
    expect(bandTicks(scale).map((t) => [t.label, t.x, t.width])).toEqual([
      ['Dec 2025', 0, 3 * 16],
      ['Jan 2026', 48, 31 * 16],
      ['Feb 2026', 48 + 31 * 16, 16],
    ]);
  });

  it('quarter zoom: Q1..Q4, years above', () => {
    const scale = createScale(['2026-02-01', '2026-08-15'], '2026-02-10', 'quarter');
    expect(scaleTicks(scale).map((t) => [t.label, t.x])).toEqual([
      ['Q4', 0],
      ['Q1', 92 * 1.5],
      ['Q2', (92 + 90) * 1.5],
      ['Q3', (92 + 90 + 91) * 1.5],
      ['Q4', (92 + 90 + 91 + 92) * 1.5],
    ]);
    expect(scaleTicks(scale)[1]?.title).toBe('Q1 2026');
    expect(bandTicks(scale).map((t) => t.label)).toEqual(['2025', '2026']);
  });
});
