/**
 * Pure maths of the teams-converted chart: whole UTC days on x, the converted share (0..1) on y,
 * month ticks, a step line through the weekly points. No React here.
 */
import type { ConversionPointDto } from '../../../../src/contract';

const MS_PER_DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 of a 'yyyy-mm-dd' date; null when unreadable. */
export function dayOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY) : null;
}

/** A linear map from [d0, d1] onto [r0, r1]; a zero-width domain maps everything to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** "80 %", "12.5 %": one decimal at most, like the contract's percent texts. */
export const percentText = (ratio: number): string => `${Number((ratio * 100).toFixed(1))} %`;

export interface MonthTick {
  day: number;
  /** "Mar" */
  label: string;
  /** "2025" on the first tick and on January, shown under the month; null elsewhere. */
  year: string | null;
}

/** The first day of every month from `from` to `to` (both included). */
export function monthTicks(from: number, to: number): MonthTick[] {
  const ticks: MonthTick[] = [];
  const start = new Date(from * MS_PER_DAY);
  for (let i = 0; ; i += 1) {
    const date = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
    const day = Math.round(date.getTime() / MS_PER_DAY);
    if (day > to) return ticks;
    if (day < from) continue;
    const month = date.getUTCMonth();
    ticks.push({ day, label: MONTHS[month] ?? '', year: month === 0 || ticks.length === 0 ? String(date.getUTCFullYear()) : null });
  }
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartPoint {
  x: number;
  y: number;
  point: ConversionPointDto;
}

export interface ChartGeometry {
  points: ChartPoint[];
  /** Step line: each week's value holds until the next week's. */
  path: string;
  xTicks: { x: number; label: string; year: string | null }[];
  yTicks: { y: number; label: string }[];
  targetY: number;
}

/** Where everything sits; a single point gets a week either side so it is not drawn on the axis. */
export function chartGeometry(history: readonly ConversionPointDto[], targetRatio: number, box: ChartBox): ChartGeometry {
  const dated = history.flatMap((point) => {
    const day = dayOf(point.date);
    return day === null ? [] : [{ day, point }];
  });
  const days = dated.map((d) => d.day);
  const first = days.length > 0 ? Math.min(...days) : 0;
  const last = days.length > 0 ? Math.max(...days) : 0;
  const [d0, d1] = first === last ? [first - 7, last + 7] : [first, last];
  const x = linearScale(d0, d1, box.margin.left, box.width - box.margin.right);
  const y = linearScale(0, 1, box.height - box.margin.bottom, box.margin.top);
  const points = dated.map(({ day, point }) => ({ x: x(day), y: y(Math.min(1, Math.max(0, point.ratio))), point }));
  const path = points.map((p, i) => (i === 0 ? `M${round(p.x)},${round(p.y)}` : `H${round(p.x)}V${round(p.y)}`)).join('');
  return {
    points,
    path,
    xTicks: monthTicks(d0, d1).map((tick) => ({ x: x(tick.day), label: tick.label, year: tick.year })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((ratio) => ({ y: y(ratio), label: percentText(ratio) })),
    targetY: y(Math.min(1, Math.max(0, targetRatio))),
  };
}

const round = (n: number): number => Math.round(n * 10) / 10;
