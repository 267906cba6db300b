/** The period a report covers: presets counted back from today, and checks on a chosen from/to. No React here. */
import type { ReportPeriodDto } from '../../../../src/contract/reports';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The presets the picker offers, in days ending today. */
export const PERIOD_PRESETS = [7, 14, 30] as const;
export const DEFAULT_PRESET = 7;
/** The backend refuses a period whose end is more than 366 days after its start. */
export const MAX_SPAN_DAYS = 366;

/** Days since 1970-01-01 of a real 'yyyy-mm-dd' date (no 2025-02-30); null otherwise. */
export function dayNumber(iso: string): number | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** 'yyyy-mm-dd' of a day number. */
export const isoOfDay = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** The date moved by whole days; the input must be a real date. */
export function addDays(iso: string, days: number): string {
  const day = dayNumber(iso);
  if (day === null) throw new Error(`Not a date: ${iso}`);
  return isoOfDay(day + days);
}

/** Today as the person sees it: the local calendar date. */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The `days` days ending today, today included: 7 days to 2026-03-07 start on 2026-03-01. */
export const presetPeriod = (days: number, today: string): ReportPeriodDto => ({ from: addDays(today, -(days - 1)), to: today });

/** Which preset the period is, if any (it must end today). */
export function presetOf(period: ReportPeriodDto, today: string): number | null {
  return PERIOD_PRESETS.find((days) => period.to === today && period.from === addDays(today, -(days - 1))) ?? null;
}

/** Days covered, both ends included. */
export function periodDays(period: ReportPeriodDto): number | null {
  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  return from === null || to === null ? null : to - from + 1;
}

/** Why a custom period cannot be asked for (the backend's own rules, said to a person), or null when it can. */
export function periodProblem(from: string, to: string): string | null {
  if (from === '') return 'Choose the first day of the period.';
  if (to === '') return 'Choose the last day of the period.';
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (start === null) return `The first day (${from}) is not a real date.`;
  if (end === null) return `The last day (${to}) is not a real date.`;
  if (end < start) return 'The period must not end before it starts.';
  if (end - start > MAX_SPAN_DAYS) return 'A report covers at most a year.';
  return null;
}

/** "2026-03-01 to 2026-03-07 (7 days)"; a single day says so. */
export function periodText(period: ReportPeriodDto): string {
  const days = periodDays(period);
  if (days === 1) return `${period.from} (1 day)`;
  return `${period.from} to ${period.to}${days === null ? '' : ` (${days} days)`}`;
}
