import type { RawFieldValue } from './model';

/** yyyy-mm-dd, optionally followed by a time and zone: THH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validZone(zone: string | undefined): boolean {
  if (zone === undefined || zone === 'Z') return true;
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  return hours <= 23 && minutes <= 59;
}

/**
 * The calendar date 'yyyy-mm-dd' of a date or ISO timestamp, as written (no time-zone
 * conversion: "2026-03-01T23:30:00-05:00" is 2026-03-01). null for anything else,
 * including dates that do not exist (2026-02-30) and numbers.
 */
export function parseIsoDate(value: RawFieldValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const match = ISO.exec(value.trim());
  if (match === null) return null;
  const [, yearText = '', monthText = '', dayText = '', hourText, minuteText, secondText, zone] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hourText !== undefined && (Number(hourText) > 23 || Number(minuteText) > 59)) return null;
  if (secondText !== undefined && Number(secondText) > 59) return null;
  if (!validZone(zone)) return null;
  return `${yearText}-${monthText}-${dayText}`;
}
