/** RFC 4180 CSV of the backlog, safe to open in a spreadsheet. No React here. */
import type { BacklogColumn, BacklogItemDto } from '../../../../src/contract';
import { columnLabel, columnText } from './columns';

/** Cells a spreadsheet would read as a formula (or that hide one behind a tab or carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: a leading ' defuses formulas (CSV injection); commas, quotes and line breaks are quoted, quotes doubled. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Records joined by CRLF, each ending with one, as RFC 4180 has it. */
export const toCsv = (records: readonly (readonly string[])[]): string => records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');

/** A header of column labels, then one record per item, for the columns shown. */
export const backlogCsv = (items: readonly BacklogItemDto[], columns: readonly BacklogColumn[]): string =>
  toCsv([columns.map(columnLabel), ...items.map((item) => columns.map((column) => columnText(item, column)))]);

/** "backlog-2025-03-07.csv", in local time: the date the person sees. */
export function csvFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `backlog-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
