/** How the reports write numbers, changes, days and chances. No React here. */
import { percentText } from '../teams/chartScale';

export { percentText };

const MINUS = '\u2212';

/** "+2", "−1", "±0": the change from before to after, for the page. */
export function signedDelta(before: number, after: number): string {
  const delta = round1(after - before);
  if (delta === 0) return '±0';
  return delta > 0 ? `+${delta}` : `${MINUS}${Math.abs(delta)}`;
}

/** "up 2", "down 1", "no change": a change in words, which a spreadsheet will not take for a formula. */
export function changeWords(before: number, after: number, unit = ''): string {
  const delta = round1(after - before);
  const suffix = unit ? ` ${unit}` : '';
  if (delta === 0) return 'no change';
  return `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)}${suffix}`;
}

/** The change of a 0..1 ratio in percentage points, in words: 0.4 → 0.424 is "up 2.4 pts". */
export const pointsChangeWords = (before: number, after: number): string => changeWords(before * 100, after * 100, 'pts');

/** "1 day", "12 days", "2.5 days" (one decimal at most). */
export function daysText(days: number): string {
  const value = round1(days);
  return `${value} ${value === 1 ? 'day' : 'days'}`;
}

/** "1,234.5": thousands separated, one decimal at most. */
export const numberText = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** "2M", "1.5M", "250K", "40": short numbers for a chart's axis. */
export const axisNumber = (value: number): string => value.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** "1 initiative", "3 initiatives" */
export const countOf = (count: number, singular: string, plural = `${singular}s`): string => `${count} ${count === 1 ? singular : plural}`;

/** The day of an ISO instant or date: '2026-03-04T10:00:00Z' is '2026-03-04'. */
export const dayOfInstant = (instant: string): string => instant.slice(0, 10);

export type ChanceAppearance = 'success' | 'moved' | 'removed';

/** The chance of making the planned date: 85 % or more is green, 50 % or more yellow, less red; null without one. */
export function chanceLozenge(probability: number | null): { appearance: ChanceAppearance; text: string } | null {
  if (probability === null) return null;
  const appearance: ChanceAppearance = probability >= 0.85 ? 'success' : probability >= 0.5 ? 'moved' : 'removed';
  return { appearance, text: percentText(probability) };
}

/** A forecast date, or what a null one means: the remaining work does not finish at the pace seen so far. */
export const NOT_AT_PACE = 'not at the current pace';
export const forecastDateText = (date: string | null): string => date ?? NOT_AT_PACE;

const round1 = (n: number): number => Math.round(n * 10) / 10 + 0;
