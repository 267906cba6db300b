import type { RawFieldValue } from './model';

/** A field value counts as missing when it is absent, null, or only whitespace. */
export function isMissing(value: RawFieldValue | undefined): value is null | undefined | '' {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

const MAX_SHOWN = 60;

/** How a raw value is quoted in a warning message: `"five"`, `12345`, `["a", "b"]`. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (Array.isArray(value)) text = `[${value.map((element) => describeValue(element)).join(', ')}]`;
  else text = String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}
