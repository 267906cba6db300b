import { parseIsoDate } from './parseIsoDate';

/** 'yyyy-mm-dd' plus some days, in calendar arithmetic (no clock, no time zone). */
export function addDays(date: string, days: number): string {
  const [year = 1, month = 1, day = 1] = date.split('-').map(Number);
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, day + days);
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1, 2)}-${pad(moved.getUTCDate(), 2)}`;
}

/** The calendar date of a date or timestamp as written (no time-zone conversion), or null. */
export function calendarDate(value: unknown): string | null {
  return typeof value === 'string' ? parseIsoDate(value) : null;
}
