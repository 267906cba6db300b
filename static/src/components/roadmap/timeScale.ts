/**
 * Pure time-scale maths of the roadmap: dates are whole UTC days ('yyyy-mm-dd' ⇄ days since 1970-01-01),
 * x grows linearly with the day at a width per day that depends on the zoom. No React here.
 */
export type Zoom = 'week' | 'month' | 'quarter';
export type TickUnit = Zoom | 'year';

export const ZOOMS: readonly Zoom[] = ['week', 'month', 'quarter'];
/** Pixels per day: a week is 112 px wide, a month about 120 px, a quarter about 137 px. */
export const DAY_WIDTH: Record<Zoom, number> = { week: 16, month: 4, quarter: 1.5 };

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 of a 'yyyy-mm-dd' date; null when missing or unreadable. */
export function dayNumber(iso: string | null | undefined): number | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(time) ? Math.round(time / MS_PER_DAY) : null;
}

export const isoOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

function parts(day: number): { year: number; month: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

const monthStart = (year: number, month: number): number => Math.round(Date.UTC(year, month, 1) / MS_PER_DAY);

/** The first day of the unit holding `day`; weeks start on Monday (ISO 8601). */
export function startOfUnit(day: number, unit: TickUnit): number {
  if (unit === 'week') return day - (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const { year, month } = parts(day);
  if (unit === 'month') return monthStart(year, month);
  if (unit === 'quarter') return monthStart(year, month - (month % 3));
  return monthStart(year, 0);
}

/** `unitStart` moved by n units (n may be negative). */
export function addUnits(unitStart: number, unit: TickUnit, n: number): number {
  if (unit === 'week') return unitStart + 7 * n;
  const { year, month } = parts(unitStart);
  return monthStart(year, month + n * (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12));
}

/** ISO 8601 week number and its year (the year of the week's Thursday). */
export function isoWeek(day: number): { week: number; year: number } {
  const thursday = startOfUnit(day, 'week') + 3;
  const { year } = parts(thursday);
  return { week: Math.floor((thursday - monthStart(year, 0)) / 7) + 1, year };
}

export interface TimeScale {
  zoom: Zoom;
  /** First day shown (a unit start) and the day after the last one shown. */
  start: number;
  end: number;
  dayWidth: number;
  width: number;
}

/**
 * The days to show: every given date and today, widened to whole units with one spare unit before and after.
 * With no dates at all, the units around today.
 */
export function createScale(dates: readonly (string | null)[], today: string, zoom: Zoom): TimeScale {
  const todayDay = dayNumber(today) ?? Math.floor(Date.now() / MS_PER_DAY);
  let min = todayDay;
  let max = todayDay;
  for (const date of dates) {
    const day = dayNumber(date);
    if (day === null) continue;
    if (day < min) min = day;
    if (day > max) max = day;
  }
  const start = addUnits(startOfUnit(min, zoom), zoom, -1);
  const end = addUnits(startOfUnit(max, zoom), zoom, 2);
  const dayWidth = DAY_WIDTH[zoom];
  return { zoom, start, end, dayWidth, width: (end - start) * dayWidth };
}

/** x of the start of a day (its left edge). */
export const xOfDay = (scale: TimeScale, day: number): number => (day - scale.start) * scale.dayWidth;

export interface Tick {
  /** First day of the unit (may start before the scale; x and width are clipped to it). */
  day: number;
  x: number;
  width: number;
  label: string;
  title: string;
}

function label(day: number, unit: TickUnit, long: boolean): { label: string; title: string } {
  const { year, month } = parts(day);
  if (unit === 'week') {
    const week = isoWeek(day);
    return { label: `W${week.week}`, title: `Week ${week.week} of ${week.year}, from ${isoOf(day)}` };
  }
  if (unit === 'month') return { label: long ? `${MONTHS[month]} ${year}` : `${MONTHS[month]}`, title: `${MONTHS[month]} ${year}` };
  if (unit === 'quarter') return { label: long ? `Q${month / 3 + 1} ${year}` : `Q${month / 3 + 1}`, title: `Q${month / 3 + 1} ${year}` };
  return { label: String(year), title: String(year) };
}

function unitTicks(scale: TimeScale, unit: TickUnit, long: boolean): Tick[] {
  const ticks: Tick[] = [];
  for (let day = startOfUnit(scale.start, unit); day < scale.end; day = addUnits(day, unit, 1)) {
    const from = Math.max(day, scale.start);
    const to = Math.min(addUnits(day, unit, 1), scale.end);
    ticks.push({ day, x: xOfDay(scale, from), width: (to - from) * scale.dayWidth, ...label(day, unit, long) });
  }
  return ticks;
}

/** The header's lower band: one cell per week, month or quarter. */
export const scaleTicks = (scale: TimeScale): Tick[] => unitTicks(scale, scale.zoom, false);

/** The header's upper band giving context: months above weeks, years above months and quarters. */
export const bandTicks = (scale: TimeScale): Tick[] => unitTicks(scale, scale.zoom === 'week' ? 'month' : 'year', scale.zoom === 'week');
