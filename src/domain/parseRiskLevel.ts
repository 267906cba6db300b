import type { RawFieldValue } from './model';
import { normaliseName } from './names';
import { parseNumber } from './parseNumber';

const MIN_LEVEL = 1;
const MAX_LEVEL = 5;
/** "3 - Possible", "3: Possible", "3) Possible", "3 Possible". */
const NUMBERED_LABEL = /^(\d+)\s*(?:[-–—:.)|/]|\s)\s*\S/;

function asLevel(level: number): number | null {
  return Number.isInteger(level) && level >= MIN_LEVEL && level <= MAX_LEVEL ? level : null;
}

/**
 * A risk level 1..5 from a number, a numeric string, a numbered label ("3 - Possible"),
 * or one of `labels` (lowest first, matched case-insensitively). null for anything else.
 */
export function parseRiskLevel(value: RawFieldValue | undefined, labels: readonly string[]): number | null {
  if (typeof value === 'number') return asLevel(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const number = parseNumber(text);
  if (number !== null) return asLevel(number);
  const numbered = NUMBERED_LABEL.exec(text);
  if (numbered !== null) return asLevel(Number(numbered[1]));
  const wanted = normaliseName(text);
  if (wanted === '') return null;
  const index = labels.findIndex((label) => normaliseName(label) === wanted);
  return index < 0 ? null : asLevel(index + 1);
}
