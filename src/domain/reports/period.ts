import { calendarDate } from '../calendar';
import type { ReportPeriod } from './types';

export const DAY_MS = 86_400_000;

/** The instant a 'yyyy-mm-dd' day starts, in UTC (reports count days in UTC). */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** The UTC calendar date of an instant. */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from one 'yyyy-mm-dd' to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}

/** The 7 days ending `today`: a report's period when the page does not choose one. */
export function lastWeek(today: string): ReportPeriod {
  return { from: dateOf(dayStart(today) - 6 * DAY_MS), to: today };
}

/** A period as instants: from the start of its first day to the end of its last (exclusive); never negative. */
export interface Bounds {
  from: string;
  to: string;
  start: number;
  end: number;
}

/**
 * The period's days as read ('yyyy-mm-dd' or a timestamp's date); an unreadable day counts as `fallback`. A
 * period whose `to` is before its `from` is empty: it ends where it starts, so nothing happens in it.
 */
export function periodBounds(period: ReportPeriod, fallback: string): Bounds {
  const from = calendarDate(period?.from) ?? fallback;
  const to = calendarDate(period?.to) ?? fallback;
  const start = dayStart(from);
  return { from, to, start, end: Math.max(start, dayStart(to) + DAY_MS) };
}

/** The p-th percentile (p in 1..100) of ascending values by nearest rank: the value at rank ⌈p × n / 100⌉; null for none. */
export function nearestRank<T>(sorted: readonly T[], percent: number): T | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}
