/** Pure maths of the report charts: round ticks, line series over dates, bar lengths, stacked segments. No React here. */
import { linearScale } from '../teams/chartScale';
import { dayNumber } from './period';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The smallest 1, 2 or 5 × 10ⁿ at least `raw` (raw > 0). */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return clean(nice * power);
}

/** Ticks from 0 by a round step (at least `minStep`) up to the first one at or above `max`, about `target` steps; [0, 1] when max ≤ 0. */
export function niceTicks(max: number, target = 4, minStep = 0): number[] {
  if (!(max > 0)) return [0, 1];
  const step = Math.max(niceStep(max / target), minStep);
  const count = Math.ceil(clean(max / step));
  return Array.from({ length: count + 1 }, (_, i) => clean(i * step));
}

/** "7 Mar" of '2026-03-07'; the text itself when it is not a date. */
export function shortDate(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[2])} ${MONTHS[Number(m[1]) - 1] ?? ''}` : iso;
}

/** Which of `count` points get a date label: every step-th from the first, at most about `max` labels. */
export function labelIndexes(count: number, max = 6): number[] {
  const step = Math.max(1, Math.ceil(count / max));
  return Array.from({ length: count }, (_, i) => i).filter((i) => i % step === 0);
}

export interface SeriesGeometry {
  xs: number[];
  /** Per series, its points (with the index of their date) and an "M…L…" path through them. */
  lines: { points: { x: number; y: number; index: number }[]; path: string }[];
  yTicks: { y: number; value: number }[];
  xLabels: { x: number; label: string }[];
}

/**
 * Lines over dates sharing one y axis from 0 to a round top (whole-number ticks for counts); dates that cannot be read
 * are left out, and a single date sits mid-chart.
 */
export function seriesGeometry(dates: readonly string[], series: readonly (readonly number[])[], box: ChartBox, counts = false): SeriesGeometry {
  const kept = dates.flatMap((date, i) => {
    const day = dayNumber(date);
    return day === null ? [] : [{ i, day, date }];
  });
  const days = kept.map((k) => k.day);
  const [first, last] = days.length > 0 ? [Math.min(...days), Math.max(...days)] : [0, 0];
  const x = linearScale(first, last, box.margin.left, box.width - box.margin.right);
  const ticks = niceTicks(Math.max(0, ...series.flatMap((values) => kept.map((k) => values[k.i] ?? 0))), 4, counts ? 1 : 0);
  const y = linearScale(0, ticks[ticks.length - 1] ?? 1, box.height - box.margin.bottom, box.margin.top);
  const xs = kept.map((k) => round(x(k.day)));
  const lines = series.map((values) => {
    const points = kept.map((k, j) => ({ x: xs[j] ?? 0, y: round(y(values[k.i] ?? 0)), index: k.i }));
    return { points, path: points.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('') };
  });
  return {
    xs,
    lines,
    yTicks: ticks.map((value) => ({ y: round(y(value)), value })),
    xLabels: labelIndexes(kept.length).map((j) => ({ x: xs[j] ?? 0, label: shortDate(kept[j]?.date ?? '') })),
  };
}

/** A bar's length for `value` when `max` fills `length`; never negative, 0 when there is nothing to compare. */
export function barLength(value: number, max: number, length: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return round((Math.min(value, max) / max) * length);
}

/** Side by side segments of one bar, each as wide as its share of the total. */
export function stackSegments(counts: readonly number[], width: number): { x: number; width: number }[] {
  const total = counts.reduce((sum, c) => sum + Math.max(0, c), 0);
  let x = 0;
  return counts.map((c) => {
    const w = total > 0 ? round((Math.max(0, c) / total) * width) : 0;
    const segment = { x: round(x), width: w };
    x += w;
    return segment;
  });
}

const round = (n: number): number => Math.round(n * 10) / 10;
const clean = (n: number): number => Number(n.toPrecision(12));
